import { describe, expect, it } from 'vitest';
import { buildTrace } from './convert';
import type { Span } from './model';

function span(id: string, parent: string | undefined, service: string, start: number, end: number): Span {
  return {
    traceId: 't'.repeat(32),
    spanId: id,
    ...(parent ? { parentSpanId: parent } : {}),
    traceState: '',
    flags: 0,
    name: `op-${id}`,
    kind: 'internal',
    service,
    startNs: String(start),
    endNs: String(end),
    durationNs: String(end - start),
    attributes: [],
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: 'unset', message: '' },
    resourceId: '1',
  };
}

describe('buildTrace', () => {
  it('orders spans, computes bounds and warns about a missing parent', () => {
    const t = buildTrace(
      't',
      [span('b', 'a', 's', 20, 30), span('a', undefined, 's', 10, 50), span('c', 'zz', 's', 5, 8)],
      {},
    );
    expect(t.spans.map((s) => s.spanId)).toEqual(['c', 'a', 'b']);
    expect([t.startNs, t.endNs, t.durationNs]).toEqual(['5', '50', '45']);
    expect(t.warnings).toEqual([
      {
        kind: 'missing-parent',
        spanId: 'c',
        parentSpanId: 'zz',
        message: 'parent span zz of "op-c" is not in the trace',
      },
    ]);
  });

  it('flags clock skew across services (early start or late end), not within one service', () => {
    const t = buildTrace(
      't',
      [
        span('p', undefined, 'orchestrator', 1_000_000, 9_000_000),
        span('early', 'p', 'agent-core', 500_000, 2_000_000),
        span('late', 'p', 'llm-service', 2_000_000, 12_000_000),
        span('same', 'p', 'orchestrator', 2_000_000, 9_500_000),
      ],
      {},
    );
    expect(t.warnings.map((w) => [w.kind, w.spanId, w.kind === 'clock-skew' ? w.skewNs : ''])).toEqual([
      ['clock-skew', 'early', '-500000'],
      ['clock-skew', 'late', '3000000'],
    ]);
    expect(t.warnings[1]?.message).toBe(
      '"op-late" (llm-service) ends after its parent "op-p" (orchestrator) by 3.00 ms: the two services\' clocks disagree',
    );
  });
});
