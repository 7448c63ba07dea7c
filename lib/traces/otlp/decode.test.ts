import { describe, expect, it } from 'vitest';
import type { AnyValue } from '../model';
import { decodeExportJson } from './decode-json';
import { decodeSpan } from './decode-proto';
import { decodeSpanStrings } from './decode-stored';
import { scanExportRequest } from './scan-proto';
import { encodeSpan } from './encode';
import { DecodeError, Reader } from './wire';
import { Writer } from './wire-writer';

const TRACE = '0102030405060708090a0b0c0d0e0f10';
const SPAN = 'a1a2a3a4a5a6a7a8';

function nested(depth: number): unknown {
  let v: unknown = { stringValue: 'leaf' };
  for (let i = 1; i < depth; i++)
    v = i % 2 ? { arrayValue: { values: [v] } } : { kvlistValue: { values: [{ key: `k${i}`, value: v }] } };
  return v;
}

function jsonReq(span: Record<string, unknown>) {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 's' } }] },
        scopeSpans: [{ scope: { name: 'sc' }, spans: [span] }],
      },
    ],
  });
}

describe('OTLP/JSON decoding', () => {
  it('reads hex ids, int64 as string or number, enums as integers or names, and ignores unknown fields', () => {
    const r = decodeExportJson(
      jsonReq({
        traceId: TRACE,
        spanId: SPAN,
        name: 'op',
        kind: 'SPAN_KIND_CLIENT',
        startTimeUnixNano: '1700000000123456789',
        endTimeUnixNano: 1700000000223456768,
        attributes: [
          { key: 'n', value: { intValue: '-9223372036854775808' } },
          { key: 'd', value: { doubleValue: 'NaN' } },
          { key: 'b', value: { bytesValue: 'AQID' } },
        ],
        status: { code: 2, message: 'boom' },
        somethingNew: { x: 1 },
      }),
    );
    const s = r.resourceSpans[0]?.scopeSpans[0]?.spans[0];
    expect(Buffer.from(s?.traceId ?? []).toString('hex')).toBe(TRACE);
    expect(s?.kind).toBe(3);
    expect(s?.startNs).toBe(1700000000123456789n);
    expect(s?.statusCode).toBe(2);
    expect(s?.attributes.map((a) => a.value)).toEqual([
      { type: 'int', value: '-9223372036854775808' },
      { type: 'double', value: 'NaN' },
      { type: 'bytes', value: 'AQID' },
    ]);
  });

  it('accepts the proto field names (snake_case) too', () => {
    const r = decodeExportJson(
      JSON.stringify({
        resource_spans: [
          {
            scope_spans: [
              { spans: [{ trace_id: TRACE, span_id: SPAN, start_time_unix_nano: '5', end_time_unix_nano: '6' }] },
            ],
          },
        ],
      }),
    );
    expect(r.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.endNs).toBe(6n);
  });

  it.each([
    ['a string where an array belongs', { resourceSpans: 'x' }, 'resourceSpans: expected an array'],
    [
      'a boolean time',
      { resourceSpans: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: true }] }] }] },
      'startTimeUnixNano: expected a 64-bit integer',
    ],
    [
      'an int64 out of range',
      { resourceSpans: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: '18446744073709551616' }] }] }] },
      'out of the 64-bit range',
    ],
    [
      'an unknown enum name',
      { resourceSpans: [{ scopeSpans: [{ spans: [{ kind: 'SIDEWAYS' }] }] }] },
      'kind: expected an enum',
    ],
    [
      'base64 where hex belongs',
      { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'AQIDBAUGBwgJCgsMDQ4PEA==' }] }] }] },
      'traceId: expected hex',
    ],
  ])('rejects %s with a message naming the field', (_name, body, message) => {
    expect(() => decodeExportJson(JSON.stringify(body))).toThrow(message);
  });
});

describe('OTLP protobuf decoding', () => {
  it('round-trips a span through the encoder, and skips unknown fields', () => {
    const span = decodeExportJson(
      jsonReq({
        traceId: TRACE,
        spanId: SPAN,
        parentSpanId: 'b1b2b3b4b5b6b7b8',
        name: 'op',
        kind: 2,
        startTimeUnixNano: '10',
        endTimeUnixNano: '20',
        events: [{ timeUnixNano: '15', name: 'e' }],
        links: [{ traceId: TRACE, spanId: SPAN, flags: 1 }],
        status: { code: 1 },
        flags: 257,
      }),
    ).resourceSpans[0]?.scopeSpans[0]?.spans[0];
    if (!span) throw new Error('no span');
    const bytes = encodeSpan(span);
    const withUnknown = new Writer();
    withUnknown.tag(99, 2).string('future field');
    const merged = Buffer.concat([Buffer.from(bytes), Buffer.from(withUnknown.finish())]);
    const back = decodeSpan(new Reader(new Uint8Array(merged)));
    expect({ ...back, raw: undefined }).toEqual({ ...span, raw: undefined });
  });

  it('reads only the string attributes asked for (the service map’s peer keys), skipping the rest', () => {
    const span = decodeExportJson(
      jsonReq({
        traceId: TRACE,
        spanId: SPAN,
        name: 'qdrant.search',
        startTimeUnixNano: '10',
        endTimeUnixNano: '20',
        attributes: [
          { key: 'db.system', value: { stringValue: 'qdrant' } },
          { key: 'db.collection.name', value: { stringValue: 'kb-large' } },
          { key: 'peer.service', value: { intValue: '7' } },
          { key: 'gen_ai.system', value: { stringValue: 'openai' } },
        ],
        events: [{ timeUnixNano: '15', name: 'e' }],
      }),
    ).resourceSpans[0]?.scopeSpans[0]?.spans[0];
    if (!span) throw new Error('no span');
    const got = decodeSpanStrings(
      new Reader(encodeSpan(span)),
      new Set(['db.system', 'peer.service', 'gen_ai.system']),
    );
    expect([...got]).toEqual([
      ['db.system', 'qdrant'],
      ['gen_ai.system', 'openai'],
    ]);
  });

  it.each([
    ['a length past the end', [0x0a, 0x05, 0x01]],
    ['a truncated varint', [0x0a, 0xff]],
    ['wire type 7', [0x0f]],
    ['field number 0', [0x00, 0x01]],
    ['a string where a message belongs', [0x08, 0x01]],
  ])('the ingest scanner throws DecodeError on %s', (_name, bytes) => {
    expect(() => scanExportRequest(Uint8Array.from(bytes))).toThrow(DecodeError);
  });

  it('counts nesting the same way as the JSON decoder: 32 levels pass, 33 do not, in both', () => {
    for (const [depth, ok] of [
      [32, true],
      [33, false],
    ] as const) {
      const json = jsonReq({
        traceId: TRACE,
        spanId: SPAN,
        startTimeUnixNano: '1',
        endTimeUnixNano: '2',
        attributes: [{ key: 'deep', value: nested(depth) }],
      });
      if (!ok) {
        expect(() => decodeExportJson(json)).toThrow('nested deeper than 32 levels');
        continue;
      }
      const span = decodeExportJson(json).resourceSpans[0]?.scopeSpans[0]?.spans[0];
      if (!span) throw new Error('no span');
      const back = decodeSpan(new Reader(encodeSpan(span)));
      expect(back.attributes[0]?.value).toEqual(span.attributes[0]?.value);
    }
    // One level deeper, written directly in protobuf, is refused by the protobuf decoder.
    const deep = decodeExportJson(
      jsonReq({
        traceId: TRACE,
        spanId: SPAN,
        startTimeUnixNano: '1',
        endTimeUnixNano: '2',
        attributes: [{ key: 'deep', value: nested(32) }],
      }),
    ).resourceSpans[0]?.scopeSpans[0]?.spans[0];
    if (!deep) throw new Error('no span');
    const wrapped: AnyValue = { type: 'array', value: [deep.attributes[0]?.value as AnyValue] };
    expect(() =>
      decodeSpan(new Reader(encodeSpan({ ...deep, attributes: [{ key: 'deeper', value: wrapped }] }))),
    ).toThrow('nested deeper than 32 levels');
  });
});
