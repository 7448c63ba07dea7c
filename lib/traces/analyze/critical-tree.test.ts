import { describe, expect, it } from 'vitest';
import { fixture, type FixtureSpan, gatewayTrace } from '../view/fixtures';
import { buildTraceIndex } from '../view/trace-index';
import { criticalTree, diffTrees } from './critical-tree';

const ix = (spans: FixtureSpan[], id = 't') => buildTraceIndex(id, fixture(spans));
const MS = 1e6;
/** Own critical time per path, in ms. */
const own = (t: ReturnType<typeof criticalTree>) =>
  Object.fromEntries(t.nodes.slice(1).map((n) => [n.key, n.selfNs / MS]));

describe('aggregated critical path over the calling-context tree', () => {
  it('gives each span on the path the part of it that no child on the path covers; the parts add up to the root', () => {
    // gatewayTrace: C (10–90) ends last under A, D (20–80) under C; before C started, B (5–60) was
    // running: its 5–10 is on the path; A owns 0–5 and 90–100.
    const t = criticalTree([ix(gatewayTrace)]);
    expect(own(t)).toEqual({
      'gateway · POST /v1/chat': 15,
      'gateway · POST /v1/chat › orchestrator · execute': 20,
      'gateway · POST /v1/chat › orchestrator · execute › llm-service · chat gpt-4o': 60,
      'gateway · POST /v1/chat › orchestrator · plan': 5,
    });
    expect(t.totalNs / MS).toBe(100);
    expect(t.nodes[1]!.totalNs / MS).toBe(100);
  });

  it('with overlapping siblings takes the one that ended last, then what blocked before it', () => {
    const t = criticalTree([
      ix([
        ['r', undefined, 's', 'root', 0, 100],
        ['x', 'r', 's', 'x', 10, 60],
        ['y', 'r', 's', 'y', 40, 95],
      ]),
    ]);
    // y (40–95) ends last; before 40, x (10–40 of it) blocked; the root owns 0–10 and 95–100.
    expect(own(t)).toEqual({ 's · root': 15, 's · root › s · y': 55, 's · root › s · x': 30 });
  });

  it('sums paths across traces (the same path in two traces is one node), and counts the traces', () => {
    const a = ix(
      [
        ['r', undefined, 'gw', 'req', 0, 10],
        ['q', 'r', 'qdrant', 'search', 2, 8],
      ],
      'a',
    );
    const b = ix(
      [
        ['r', undefined, 'gw', 'req', 0, 30],
        ['q', 'r', 'qdrant', 'search', 2, 28],
      ],
      'b',
    );
    const t = criticalTree([a, b]);
    expect(t.traces).toBe(2);
    const q = t.nodes.find((n) => n.key === 'gw · req › qdrant · search')!;
    expect(q.selfNs / MS).toBe(32);
    expect(q.traces).toBe(2);
    expect(t.totalNs / MS).toBe(40);
  });

  it('hangs a span whose parent never arrived under the top, and clips a child that starts before its parent (clock skew)', () => {
    const t = criticalTree([
      ix([
        ['r', undefined, 'gw', 'req', 0, 50],
        ['k', 'r', 'agent', 'skewed', -5, 20],
        ['o', 'missing', 'agent', 'orphan', 60, 70],
      ]),
    ]);
    // The orphan is a root of its own that ends last (70): the path starts there.
    expect(own(t)).toEqual({ 'agent · orphan': 10 });
    const only = criticalTree([
      ix([
        ['r', undefined, 'gw', 'req', 0, 50],
        ['k', 'r', 'agent', 'skewed', -5, 20],
      ]),
    ]);
    // The skewed child covers the parent from 0 (not −5) to 20: the parent owns 20–50.
    expect(own(only)['gw · req']).toBe(30);
    expect(own(only)['gw · req › agent · skewed']).toBe(25);
  });

  it('names the path whose share grew most between slow and baseline traces', () => {
    const trace = (id: string, searchMs: number) =>
      ix(
        [
          ['r', undefined, 'gw', 'req', 0, 20 + searchMs],
          ['p', 'r', 'orch', 'plan', 1, 10],
          ['q', 'r', 'qdrant', 'search', 10, 10 + searchMs],
        ],
        id,
      );
    const slow = criticalTree([trace('s1', 80), trace('s2', 100)]);
    const base = criticalTree([trace('b1', 5), trace('b2', 5)]);
    const d = diffTrees(slow, base);
    expect(d[0]!.key).toBe('gw · req › qdrant · search');
    expect(d[0]!.slowShare).toBeCloseTo(180 / 220, 5);
    expect(d[0]!.baseShare).toBeCloseTo(10 / 50, 5);
    expect(d.at(-1)!.grew).toBeLessThan(0);
  });
});
