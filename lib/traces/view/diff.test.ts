import { describe, expect, it } from 'vitest';
import { diffTraces } from './diff';
import { fixture, short } from './fixtures';
import { buildTraceIndex } from './trace-index';

const a = buildTraceIndex(
  'a',
  fixture([
    ['r', undefined, 'gateway', 'POST /v1/chat', 0, 100],
    ['p', 'r', 'orchestrator', 'plan', 1, 20],
    ['t1', 'r', 'agent-core', 'tool search', 20, 30],
    ['t2', 'r', 'agent-core', 'tool search', 30, 40],
    ['au', 'r', 'orchestrator', 'audit', 40, 41],
    ['l', 'r', 'llm-service', 'chat gpt-4o', 45, 95],
  ]),
);
const b = buildTraceIndex(
  'b',
  fixture([
    ['R', undefined, 'gateway', 'POST /v1/chat', 0, 160],
    ['P', 'R', 'orchestrator', 'plan', 1, 70],
    ['T1', 'R', 'agent-core', 'tool search', 70, 80],
    ['T2', 'R', 'agent-core', 'tool search', 80, 90],
    ['T3', 'R', 'agent-core', 'tool search', 90, 100],
    ['C', 'T3', 'agent-core', 'cache.get', 91, 92],
    ['L', 'R', 'llm-service', 'chat gpt-4o', 105, 155],
  ]),
);

describe('diffTraces', () => {
  it('pairs spans by service/operation path, k-th with k-th, and gives each pair its duration change', () => {
    const d = diffTraces(a, b);
    const view = d.rows.map((r) => [
      r.depth,
      r.name,
      r.status,
      r.aSpanId ? short(r.aSpanId) : '',
      r.bSpanId ? short(r.bSpanId) : '',
      r.deltaNs === undefined ? null : r.deltaNs / 1e6,
    ]);
    expect(view).toEqual([
      [0, 'POST /v1/chat', 'matched', 'r', 'R', 60],
      [1, 'plan', 'matched', 'p', 'P', 50],
      [1, 'tool search', 'matched', 't1', 'T1', 0],
      [1, 'tool search', 'matched', 't2', 'T2', 0],
      [1, 'audit', 'removed', 'au', '', null],
      [1, 'chat gpt-4o', 'matched', 'l', 'L', 0],
      [1, 'tool search', 'added', '', 'T3', null],
      [2, 'cache.get', 'added', '', 'C', null],
    ]);
    expect([d.matched, d.added, d.removed]).toEqual([5, 2, 1]);
  });

  it('marks the ancestors of what changed, not unchanged siblings', () => {
    const d = diffTraces(a, b);
    const changed = d.rows.filter((r) => r.subtreeChanged).map((r) => r.name);
    // The root changed because of plan (+50 ms), audit (removed) and the third tool (added); the third tool because of its cache.get.
    expect(changed).toEqual(['POST /v1/chat', 'tool search']);
    expect(d.rows.find((r) => r.status === 'added' && r.name === 'tool search')?.subtreeChanged).toBe(true);
  });

  it('a trace compared with itself has no change', () => {
    const d = diffTraces(a, a);
    expect(d.rows.every((r) => r.status === 'matched' && r.deltaNs === 0 && !r.subtreeChanged)).toBe(true);
  });
});
