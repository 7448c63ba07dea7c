import { describe, expect, it } from 'vitest';
import { criticalPath, operationStats, selfTimes, skewShifts } from './analysis';
import { fixture, gatewayTrace, hid, short, str } from './fixtures';
import { overviewOf, prepareTrace } from './prepare';
import { buildTraceIndex, indexOfSpan, spanIdOf } from './trace-index';
import { computeView, DEFAULT_VIEW, windowOf } from './window';

const ms = 1e6;
const gateway = () => prepareTrace(buildTraceIndex('t1', fixture(gatewayTrace)));
const ids = (pt: ReturnType<typeof gateway>, rows: Int32Array) => Array.from(rows, (i) => short(spanIdOf(pt.ix, i)));
const idx = (pt: ReturnType<typeof gateway>, id: string) => indexOfSpan(pt.ix, hid(id));
const H = (...names: string[]) => names.map(hid);

describe('trace index layout', () => {
  it('orders rows depth-first with children by start time, whatever order the spans came in', () => {
    const shuffled = [...gatewayTrace].reverse();
    const pt = prepareTrace(buildTraceIndex('t1', fixture(shuffled)));
    const v = computeView(pt, DEFAULT_VIEW);
    expect(ids(pt, v.rows)).toEqual(['a', 'b', 'e', 'c', 'd']);
    expect(Array.from(v.rows, (i) => pt.ix.depth[i])).toEqual([0, 1, 2, 1, 2]);
    expect(pt.overview).toMatchObject({ spanCount: 5, depth: 3, rootCount: 1, errorCount: 1, durationNs: 100 * ms });
    expect(pt.overview.root).toMatchObject({ spanId: hid('a'), service: 'gateway', name: 'POST /v1/chat' });
    expect(pt.overview.services.map((s) => [s.service, s.spans, s.errors])).toEqual([
      ['gateway', 1, 0],
      ['orchestrator', 2, 0],
      ['agent-core', 1, 1],
      ['llm-service', 1, 0],
    ]);
  });

  it('keeps a span whose parent never arrived, as a root with a warning', () => {
    const pt = prepareTrace(
      buildTraceIndex('t2', fixture([...gatewayTrace, ['x', 'gone', 'agent-core', 'late.tool', 50, 55]])),
    );
    expect(ids(pt, computeView(pt, DEFAULT_VIEW).rows)).toEqual(['a', 'b', 'e', 'c', 'd', 'x']);
    expect(pt.overview.rootCount).toBe(2);
    expect(pt.overview.warnings).toEqual([
      {
        kind: 'missing-parent',
        spanId: hid('x'),
        message: `parent span ${hid('gone')} of "late.tool" is not in the trace`,
      },
    ]);
  });

  it('survives a parent cycle without losing spans', () => {
    const pt = prepareTrace(
      buildTraceIndex(
        't3',
        fixture([
          ['p', 'q', 's', 'p', 0, 10],
          ['q', 'p', 's', 'q', 1, 5],
        ]),
      ),
    );
    expect(ids(pt, computeView(pt, DEFAULT_VIEW).rows).sort()).toEqual(['p', 'q']);
  });
});

describe('collapse', () => {
  it('hides a collapsed subtree and counts it', () => {
    const pt = gateway();
    const v = computeView(pt, { ...DEFAULT_VIEW, toggled: H('b') });
    expect(ids(pt, v.rows)).toEqual(['a', 'b', 'c', 'd']);
    expect(v.collapsedAway).toBe(1);
    expect(windowOf(pt, { ...DEFAULT_VIEW, toggled: H('b') }, v, 1, 1).rows[0]).toMatchObject({
      spanId: hid('b'),
      collapsed: true,
      childCount: 1,
    });
  });

  it('collapse all shows the root; expanding a span shows its children only', () => {
    const pt = gateway();
    expect(ids(pt, computeView(pt, { ...DEFAULT_VIEW, collapseAll: true }).rows)).toEqual(['a']);
    expect(ids(pt, computeView(pt, { ...DEFAULT_VIEW, collapseAll: true, toggled: H('a') }).rows)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(ids(pt, computeView(pt, { ...DEFAULT_VIEW, collapseAll: true, toggled: H('a', 'c') }).rows)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

describe('critical path, self time, statistics', () => {
  it('follows the last-finishing child back from the end of the root', () => {
    const pt = gateway();
    const crit = criticalPath(pt.ix);
    const on = Array.from({ length: pt.ix.n }, (_, i) => i)
      .filter((i) => crit[i])
      .map((i) => short(spanIdOf(pt.ix, i)));
    // a ends at 100 ← c (ends 90) ← d (ends 80); before c started (10), b was running (5..10); e starts at 10: not blocking.
    expect(on.sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('self time is the duration not covered by children (overlaps merged)', () => {
    const pt = gateway();
    const self = selfTimes(pt.ix);
    const of = (id: string) => self[idx(pt, id)]! / ms;
    expect([of('a'), of('b'), of('c'), of('d'), of('e')]).toEqual([15, 35, 20, 60, 20]);
  });

  it('sums per service and operation', () => {
    const pt = prepareTrace(
      buildTraceIndex(
        't',
        fixture([
          ['r', undefined, 'gw', 'req', 0, 100],
          ['t1', 'r', 'agent', 'tool', 0, 10],
          ['t2', 'r', 'agent', 'tool', 20, 50, { error: true }],
        ]),
      ),
    );
    const tool = operationStats(pt.ix).find((s) => s.operation === 'tool');
    expect(tool).toEqual({
      service: 'agent',
      operation: 'tool',
      count: 2,
      totalNs: 40 * ms,
      selfNs: 40 * ms,
      avgNs: 20 * ms,
      maxNs: 30 * ms,
      errors: 1,
    });
    expect(operationStats(pt.ix)[0]).toMatchObject({ operation: 'req', selfNs: 60 * ms });
  });
});

describe('clock skew', () => {
  const skewTrace = () =>
    prepareTrace(
      buildTraceIndex(
        's',
        fixture([
          ['p', undefined, 'a', 'parent', 20, 70],
          ['q', 'p', 'b', 'early', 10, 40],
          ['r', 'q', 'b', 'inner', 15, 35],
          ['s', 'p', 'c', 'late', 60, 90],
          ['t', 'p', 'a', 'same-service overhang', 65, 75],
        ]),
      ),
    );

  it('moves a cross-service child inside its parent, with its subtree; same service never moves', () => {
    const pt = skewTrace();
    const { shift, count } = skewShifts(pt.ix);
    const of = (id: string) => shift[idx(pt, id)]! / ms;
    expect([of('p'), of('q'), of('r'), of('s'), of('t')]).toEqual([0, 10, 10, -20, 0]);
    expect(count).toBe(2);
  });

  it('warns with the raw amounts', () => {
    expect(skewTrace().overview.warnings.map((w) => w.message)).toEqual([
      '"early" (b) starts 10.00 ms before its parent "parent" (a): the two services\' clocks disagree',
      '"late" (c) ends 20.00 ms after its parent "parent" (a): the two services\' clocks disagree',
    ]);
  });
});

describe('filters, search and windows', () => {
  it('hides by service and by minimum duration and says how many', () => {
    const pt = gateway();
    const v = computeView(pt, { ...DEFAULT_VIEW, hideServices: ['orchestrator'], minDurationNs: 25 * ms });
    expect(ids(pt, v.rows)).toEqual(['a', 'd']);
    expect(v.hidden).toBe(3);
  });

  it('critical path only', () => {
    const pt = gateway();
    expect(ids(pt, computeView(pt, { ...DEFAULT_VIEW, criticalOnly: true }).rows)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('search matches names, services and attribute values, case-insensitively', () => {
    const pt = prepareTrace(
      buildTraceIndex(
        't',
        fixture([
          ...gatewayTrace,
          ['f', 'a', 'gateway', 'audit', 95, 99, { attributes: [str('user.id', 'Alice-42')] }],
        ]),
      ),
    );
    const v = computeView(pt, { ...DEFAULT_VIEW, search: 'alice' });
    expect(v.matchCount).toBe(1);
    expect(v.matchRows).toEqual([5]);
    const orch = computeView(pt, { ...DEFAULT_VIEW, search: 'ORCHESTRATOR', matchesOnly: true });
    expect(ids(pt, orch.rows)).toEqual(['b', 'c']);
    expect(orch.hidden).toBe(4);
    expect(orch.matchRows).toEqual([0, 1]);
  });

  it('serves a window of rows and finds the focused span', () => {
    const pt = gateway();
    const v = computeView(pt, DEFAULT_VIEW);
    const w = windowOf(pt, DEFAULT_VIEW, v, 3, 10, hid('d'));
    expect(w.total).toBe(5);
    expect(w.rows.map((r) => short(r.spanId))).toEqual(['c', 'd']);
    expect(w.focusRow).toBe(4);
    expect(w.rows[1]).toMatchObject({
      depth: 2,
      start: 20 * ms,
      dur: 60 * ms,
      critical: true,
      genAi: { model: 'gpt-4o', provider: 'openai', inputTokens: 120, outputTokens: 45, ttftMs: 12.5 },
    });
    expect(
      windowOf(
        pt,
        { ...DEFAULT_VIEW, toggled: H('c') },
        computeView(pt, { ...DEFAULT_VIEW, toggled: H('c') }),
        0,
        10,
        hid('d'),
      ).focusRow,
    ).toBeNull();
  });

  it('sums tokens per model for the header', () => {
    expect(overviewOf(gateway()).tokensByModel).toEqual([
      { model: 'gpt-4o', provider: 'openai', spans: 1, inputTokens: 120, outputTokens: 45 },
    ]);
  });
});
