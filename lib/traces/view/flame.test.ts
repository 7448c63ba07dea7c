import { describe, expect, it } from 'vitest';
import { fixture, gatewayTrace, short, type FixtureSpan } from './fixtures';
import { flameLayout } from './flame';
import { prepareTrace } from './prepare';
import { buildTraceIndex } from './trace-index';

const ms = 1e6;
const prepared = (spans: FixtureSpan[]) => prepareTrace(buildTraceIndex('t1', fixture(spans)));

describe('flameLayout', () => {
  it('draws each span below its parent, as wide as it lasts, parallel siblings on rows of their own', () => {
    const f = flameLayout(prepared(gatewayTrace), [0, 100 * ms]);
    expect(f.spans).toBe(5);
    const by = new Map(f.blocks.map((b) => [short(b.spanId!), b]));
    expect(by.get('a')).toMatchObject({ depth: 0, start: 0, dur: 100 * ms, count: 1, name: 'POST /v1/chat' });
    expect(by.get('b')).toMatchObject({ depth: 1, start: 5 * ms, dur: 55 * ms, critical: 1 }); // a waits on b first
    expect(by.get('c')).toMatchObject({ start: 10 * ms, dur: 80 * ms, critical: 1 });
    expect(by.get('e')).toMatchObject({ error: 1, critical: 0 });
    // Every child below its parent; no two blocks on a row cover the same time.
    for (const [child, parent] of [
      ['b', 'a'],
      ['c', 'a'],
      ['e', 'b'],
      ['d', 'c'],
    ] as const)
      expect(by.get(child)!.depth).toBeGreaterThan(by.get(parent)!.depth);
    for (const x of f.blocks)
      for (const y of f.blocks)
        if (x !== y && x.depth === y.depth) expect(x.start + x.dur <= y.start || y.start + y.dur <= x.start).toBe(true);
    expect(f.depth).toBe(Math.max(...f.blocks.map((b) => b.depth)) + 1);
  });

  it('clips to a zoomed window and leaves out what is outside it', () => {
    const f = flameLayout(prepared(gatewayTrace), [40 * ms, 70 * ms]);
    const names = f.blocks.map((b) => short(b.spanId!)).sort();
    expect(names).toEqual(['a', 'b', 'c', 'd']); // e ends at 30 ms
    for (const b of f.blocks) {
      expect(b.start).toBeGreaterThanOrEqual(40 * ms);
      expect(b.start + b.dur).toBeLessThanOrEqual(70 * ms);
    }
  });

  it('merges spans too narrow to tell apart into one block that counts them', () => {
    // A root of 1 s with 500 children of 0.1 ms, one after the other: at 100 columns each is a
    // hundredth of a slice.
    const kids: FixtureSpan[] = Array.from({ length: 500 }, (_, k) => [
      `k${k}`,
      'r',
      'svc',
      'tiny',
      k * 0.2,
      k * 0.2 + 0.1,
    ]);
    const f = flameLayout(prepared([['r', undefined, 'svc', 'root', 0, 1000], ...kids]), [0, 1000 * ms], 100);
    const merged = f.blocks.filter((b) => b.depth === 1);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ count: 500, start: 0 });
    expect(merged[0]!.spanId).toBeUndefined();
    expect(f.spans).toBe(501);
  });
});
