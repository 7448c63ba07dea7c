import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { grpcExport, traceWithSpans } from './otlp-helpers';
import { encodeSpan } from '../lib/traces/otlp/encode';
import { Writer } from '../lib/traces/otlp/wire-writer';
import { decodeResponse, decodeStatus, hex, jsonExportOf, jsonSpan, post, sdkProtobufExport } from './otlp-payloads';

/** Every outcome of the OTLP receivers on the running console (16 MiB limit, no token). */

const PROTO = { 'Content-Type': 'application/x-protobuf' };
const JSON_CT = { 'Content-Type': 'application/json' };

test.describe('OTLP/HTTP receiver', () => {
  let url: string;
  let keep: { traceId: string };
  test.beforeAll(async ({ stack }) => {
    url = `http://127.0.0.1:${stack.otlp.httpPort}/v1/traces`;
    // Stored before the hostile inputs; every test below checks it is untouched.
    const p = sdkProtobufExport('e2e-keep', 5);
    expect((await post(url, p.body, PROTO)).status).toBe(200);
    keep = p;
  });
  test.afterEach(async ({ stack }) => {
    const t = await traceWithSpans(stack.consoleUrl, keep.traceId, 5);
    expect(t.spans).toHaveLength(5);
  });

  test('JSON: some invalid spans → 200 with partial_success counting and naming them', async ({ stack }) => {
    const traceId = hex(16);
    const body = JSON.stringify(
      jsonExportOf('e2e-partial', [
        jsonSpan(traceId),
        jsonSpan(traceId, { traceId: hex(15) }),
        jsonSpan(traceId, { endTimeUnixNano: '1' }),
      ]),
    );
    const json = await post(url, body, JSON_CT);
    expect(json.status).toBe(200);
    const parsed = JSON.parse(json.text) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(parsed.partialSuccess.rejectedSpans).toBe('2');
    expect(parsed.partialSuccess.errorMessage).toContain('trace_id must be 16 bytes, got 15');
    expect(parsed.partialSuccess.errorMessage).toContain('end_time_unix_nano is before start_time_unix_nano');
    expect((await traceWithSpans(stack.consoleUrl, traceId, 1)).spans).toHaveLength(1);
  });

  test('protobuf from the SDK serializer → 200 with an empty response in protobuf', async ({ stack }) => {
    const p = sdkProtobufExport('e2e-proto', 3);
    const r = await post(url, p.body, PROTO);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/x-protobuf');
    expect(decodeResponse(r.buf)).toEqual({ rejected: 0, message: '' });
    expect((await traceWithSpans(stack.consoleUrl, p.traceId, 3)).spans).toHaveLength(3);
  });

  test('a re-sent batch does not duplicate spans', async ({ stack }) => {
    const p = sdkProtobufExport('e2e-idem', 4);
    for (let i = 0; i < 3; i++) expect((await post(url, p.body, PROTO)).status).toBe(200);
    expect((await traceWithSpans(stack.consoleUrl, p.traceId, 4)).spans).toHaveLength(4);
  });

  for (const [name, body, ct] of [
    ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)), PROTO],
    ['truncated protobuf', sdkProtobufExport('e2e-trunc', 3).body.subarray(0, 60), PROTO],
    ['JSON that is not JSON', Buffer.from('{"resourceSpans": ['), JSON_CT],
    [
      'JSON with wrong types',
      Buffer.from(
        JSON.stringify({
          resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: hex(16), spanId: hex(8), startTimeUnixNano: true }] }] }],
        }),
      ),
      JSON_CT,
    ],
    ['JSON with a non-hex id', Buffer.from(JSON.stringify(jsonExportOf('x', [jsonSpan('zz'.repeat(16))]))), JSON_CT],
  ] as const) {
    test(`${name} → 400 with a google.rpc.Status that says why`, async () => {
      const r = await post(url, body, ct);
      expect(r.status).toBe(400);
      const status = ct === PROTO ? decodeStatus(r.buf) : (JSON.parse(r.text) as { code: number; message: string });
      expect(status.code).toBe(3);
      expect(status.message).toMatch(/cannot decode/);
    });
  }

  test('unsupported content type → 415; unsupported encoding → 415; GET → 405', async () => {
    const r = await post(url, 'hello', { 'Content-Type': 'text/plain' });
    expect(r.status).toBe(415);
    expect((JSON.parse(r.text) as { message: string }).message).toContain('unsupported content type "text/plain"');
    const e = await post(url, '{}', { ...JSON_CT, 'Content-Encoding': 'br' });
    expect(e.status).toBe(415);
    expect((await fetch(url)).status).toBe(405);
  });

  test('gzip is accepted; a gzip bomb and an oversized body are refused with 413', async ({ stack }) => {
    const traceId = hex(16);
    const ok = await post(url, gzipSync(JSON.stringify(jsonExportOf('e2e-gzip', [jsonSpan(traceId)]))), {
      ...JSON_CT,
      'Content-Encoding': 'gzip',
    });
    expect(ok.status).toBe(200);
    expect((await traceWithSpans(stack.consoleUrl, traceId, 1)).spans).toHaveLength(1);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeroes in ~64 KB
    const b = await post(url, bomb, { ...PROTO, 'Content-Encoding': 'gzip' });
    expect(b.status).toBe(413);
    expect(decodeStatus(b.buf).message).toContain('larger than the limit');
    const big = await post(url, Buffer.alloc(17 * 1024 * 1024, 1), PROTO);
    expect(big.status).toBe(413);
  });

  test('10,000 attributes, a 1 MB value and 20-deep nesting are stored; 40-deep nesting is refused', async ({
    stack,
  }) => {
    const traceId = hex(16);
    const many = Array.from({ length: 10_000 }, (_, i) => ({ key: `k${i}`, value: { intValue: String(i) } }));
    const huge = 'x'.repeat(1024 * 1024);
    let nested: Record<string, unknown> = { stringValue: 'leaf' };
    for (let i = 0; i < 20; i++) nested = { kvlistValue: { values: [{ key: `l${i}`, value: nested }] } };
    const spans = [
      jsonSpan(traceId, { attributes: many }),
      jsonSpan(traceId, {
        attributes: [
          { key: 'big', value: { stringValue: huge } },
          { key: 'deep', value: nested },
        ],
      }),
    ];
    const r = await post(url, JSON.stringify(jsonExportOf('e2e-hostile', spans)), JSON_CT);
    expect(r.status).toBe(200);
    const t = await traceWithSpans(stack.consoleUrl, traceId, 2);
    const withMany = t.spans.find((s) => s.attributes.length === 10_000);
    expect(withMany?.attributes[9_999]).toEqual({ key: 'k9999', value: { type: 'int', value: '9999' } });
    const withBig = t.spans.find((s) => s.attributes.some((a) => a.key === 'big'));
    const big = withBig?.attributes.find((a) => a.key === 'big')?.value;
    expect(big?.type === 'string' && big.value.length).toBe(1024 * 1024);

    let tooDeep: Record<string, unknown> = { stringValue: 'leaf' };
    for (let i = 0; i < 40; i++) tooDeep = { arrayValue: { values: [tooDeep] } };
    const d = await post(
      url,
      JSON.stringify(jsonExportOf('e2e-deep', [jsonSpan(hex(16), { attributes: [{ key: 'deep', value: tooDeep }] })])),
      JSON_CT,
    );
    expect(d.status).toBe(400);
    expect(d.text).toContain('nested deeper than 32 levels');
  });
});

test.describe('OTLP/gRPC receiver', () => {
  test('a valid export is stored; garbage is INVALID_ARGUMENT; partial success is reported', async ({ stack }) => {
    const p = sdkProtobufExport('e2e-grpc-raw', 3);
    const ok = await grpcExport(stack.otlp.grpcPort, p.body);
    expect(ok.ok).toBe(true);
    expect((await traceWithSpans(stack.consoleUrl, p.traceId, 3)).spans).toHaveLength(3);
    const bad = await grpcExport(stack.otlp.grpcPort, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect(bad).toMatchObject({ ok: false, code: 3 });
    expect(!bad.ok && bad.details).toContain('cannot decode');
    const partial = await grpcExport(stack.otlp.grpcPort, protoExportWithBadSpan());
    expect(partial.ok).toBe(true);
    expect(partial.ok && decodeResponse(partial.body)).toEqual({
      rejected: 1,
      message: expect.stringContaining('span_id must be 8 bytes, got 4'),
    });
  });
});

/** A protobuf export holding one span with a 4-byte span id (written by hand: no SDK makes one). */
function protoExportWithBadSpan(): Buffer {
  const now = BigInt(Date.now()) * 1_000_000n;
  const span = encodeSpan({
    traceId: Buffer.from(hex(16), 'hex'),
    spanId: Buffer.from(hex(4), 'hex'),
    parentSpanId: Buffer.alloc(0),
    traceState: '',
    flags: 0,
    name: 'bad',
    kind: 1,
    startNs: now,
    endNs: now + 1000n,
    attributes: [],
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    statusCode: 0,
    statusMessage: '',
  });
  const w = new Writer();
  w.message(1, (rs) => rs.message(2, (ss) => ss.tag(2, 2).bytes(span)));
  return Buffer.from(w.finish());
}
