import { describe, expect, it } from 'vitest';
import { tracesFromOtlpJson } from './file';
import type { Span, Trace } from './model';
import { traceToOtlpJson } from './otlp/to-json';

const T = 'a'.repeat(32);

function span(id: string, parent: string | undefined, service: string, resourceId: string): Span {
  return {
    traceId: T,
    spanId: id,
    ...(parent ? { parentSpanId: parent } : {}),
    traceState: 'k=v',
    flags: 1,
    name: `op ${id}`,
    kind: 'server',
    service,
    startNs: '1700000000000000001',
    endNs: '1700000000123456789',
    durationNs: '123456788',
    attributes: [
      { key: 's', value: { type: 'string', value: '<img src=x onerror=alert(1)> שלום' } },
      { key: 'i', value: { type: 'int', value: '9007199254740993' } },
      { key: 'd', value: { type: 'double', value: 'NaN' } },
      { key: 'b', value: { type: 'bytes', value: 'AQID' } },
      {
        key: 'a',
        value: {
          type: 'array',
          value: [
            { type: 'bool', value: true },
            { type: 'kvlist', value: [{ key: 'x', value: { type: 'double', value: 1.5 } }] },
          ],
        },
      },
    ],
    droppedAttributesCount: 2,
    events: [{ timeNs: '1700000000000000050', name: 'first_token', attributes: [], droppedAttributesCount: 0 }],
    droppedEventsCount: 0,
    links: [
      {
        traceId: 'b'.repeat(32),
        spanId: 'c'.repeat(16),
        traceState: '',
        flags: 0,
        attributes: [],
        droppedAttributesCount: 0,
      },
    ],
    droppedLinksCount: 0,
    status: { code: 'error', message: 'boom' },
    resourceId,
  };
}

describe('OTLP JSON download and file open', () => {
  it('round-trips a trace exactly: ids, ns times, typed values, events, links, status, resources', () => {
    const resources: Trace['resources'] = {
      r1: {
        resource: {
          attributes: [{ key: 'service.name', value: { type: 'string', value: 'orchestrator' } }],
          droppedAttributesCount: 0,
          schemaUrl: '',
        },
        scope: { name: 'shannon', version: '1', attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
      },
      r2: {
        resource: {
          attributes: [{ key: 'service.name', value: { type: 'string', value: 'llm-service' } }],
          droppedAttributesCount: 0,
          schemaUrl: '',
        },
        scope: { name: 'llm', version: '2', attributes: [], droppedAttributesCount: 0, schemaUrl: '' },
      },
    };
    const trace: Trace = {
      traceId: T,
      startNs: '',
      endNs: '',
      durationNs: '',
      spans: [
        span('1111111111111111', undefined, 'orchestrator', 'r1'),
        span('2222222222222222', '1111111111111111', 'llm-service', 'r2'),
      ],
      resources,
      warnings: [],
    };
    const [back] = tracesFromOtlpJson(JSON.stringify(traceToOtlpJson(trace)));
    expect(back!.traceId).toBe(T);
    const strip = (s: Span) => ({ ...s, resourceId: '' });
    expect(back!.spans.map(strip)).toEqual(trace.spans.map(strip));
    expect(back!.spans.map((s) => back!.resources[s.resourceId]!.scope.name)).toEqual(['shannon', 'llm']);
    expect(back!.durationNs).toBe('123456788');
  });

  it('splits a file holding several traces, biggest first, and names a bad file’s problem', () => {
    const two = {
      resourceSpans: [
        {
          resource: { attributes: [] },
          scopeSpans: [
            {
              spans: [
                { traceId: T, spanId: '1'.repeat(16), name: 'a', startTimeUnixNano: '1', endTimeUnixNano: '2' },
                {
                  traceId: 'd'.repeat(32),
                  spanId: '2'.repeat(16),
                  name: 'b',
                  startTimeUnixNano: '1',
                  endTimeUnixNano: '2',
                },
                {
                  traceId: 'd'.repeat(32),
                  spanId: '3'.repeat(16),
                  name: 'c',
                  startTimeUnixNano: '1',
                  endTimeUnixNano: '2',
                },
              ],
            },
          ],
        },
      ],
    };
    expect(
      tracesFromOtlpJson(JSON.stringify(two)).map((t) => [t.traceId[0], t.spans.length, t.spans[0]!.service]),
    ).toEqual([
      ['d', 2, 'unknown_service'],
      ['a', 1, 'unknown_service'],
    ]);
    expect(() => tracesFromOtlpJson('{"resourceSpans": 3}')).toThrow(/resourceSpans/);
  });
});
