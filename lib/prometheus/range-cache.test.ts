import { describe, expect, it } from 'vitest';
import type { CompactMatrix } from './compact';
import { compareLabels, RangeCache, type RangeFetcher } from './range-cache';

/**
 * A stand-in for Prometheus with a known answer: series `job="a"` is t/10 at every point,
 * series `job="b"` exists from T0+600 on, and a point newer than `lateSec` before the clock
 * still reads its provisional value (-1), as a point whose samples have not all arrived.
 */
function fakeProm(clock: { now: number }, lateSec = 0) {
  const calls: [number, number][] = [];
  const fetch: RangeFetcher = async (_q, start, end, step) => {
    calls.push([start, end]);
    const n = Math.floor((end - start) / step) + 1;
    const at = (i: number) => start + i * step;
    const value = (t: number, v: number) => (t > clock.now - lateSec ? -1 : v);
    const series = [
      { labels: { job: 'a' }, values: Array.from({ length: n }, (_, i) => value(at(i), at(i) / 10)) },
      {
        labels: { job: 'b' },
        values: Array.from({ length: n }, (_, i) => (at(i) >= T0 + 600 ? value(at(i), 2) : null)),
      },
    ].filter((s) => s.values.some((v) => v !== null));
    return { start, step, n, series, warnings: [] } satisfies CompactMatrix;
  };
  return { fetch, calls };
}

const T0 = 1_800_000_000;
const STEP = 15;

/** What Prometheus itself answers for the range when asked at `clock.now`. */
async function full(clock: { now: number }, start: number, end: number, lateSec = 0) {
  return fakeProm(clock, lateSec).fetch('q', start, end, STEP);
}

describe('RangeCache (incremental range queries)', () => {
  it('asks only for what is past the settled part, and answers exactly as a full query would', async () => {
    const clock = { now: T0 + 3600 };
    const prom = fakeProm(clock, 120);
    const cache = new RangeCache({ overlapSec: 300, ttlSec: 3600, maxPoints: 100_000, now: () => clock.now });
    const first = await cache.query('q', T0, T0 + 3600, STEP, prom.fetch);
    expect(first).toEqual(await full(clock, T0, T0 + 3600, 120));
    clock.now += 60;
    const second = await cache.query('q', T0 + 60, T0 + 3660, STEP, prom.fetch);
    // Settled up to now-300 at the first fetch: only the last 5 minutes and the new minute asked.
    expect(prom.calls).toEqual([
      [T0, T0 + 3600],
      [T0 + 3300 + STEP, T0 + 3660],
    ]);
    expect(second).toEqual(await full(clock, T0 + 60, T0 + 3660, 120));
    expect(cache.stats()).toMatchObject({ misses: 1, partial: 1, hits: 0 });
  });

  it('fetches the part before what it holds when the range grows backwards', async () => {
    const clock = { now: T0 + 7200 };
    const prom = fakeProm(clock);
    const cache = new RangeCache({ overlapSec: 300, ttlSec: 3600, maxPoints: 100_000, now: () => clock.now });
    await cache.query('q', T0 + 3600, T0 + 5400, STEP, prom.fetch);
    const wider = await cache.query('q', T0, T0 + 5400, STEP, prom.fetch);
    expect(prom.calls[1]).toEqual([T0, T0 + 3600 - STEP]);
    expect(prom.calls).toHaveLength(2);
    expect(wider).toEqual(await full(clock, T0, T0 + 5400));
  });

  it('answers a range wholly inside the settled part without asking', async () => {
    const clock = { now: T0 + 7200 };
    const prom = fakeProm(clock);
    const cache = new RangeCache({ overlapSec: 300, ttlSec: 3600, maxPoints: 100_000, now: () => clock.now });
    await cache.query('q', T0, T0 + 3600, STEP, prom.fetch);
    const inner = await cache.query('q', T0 + 900, T0 + 1800, STEP, prom.fetch);
    expect(prom.calls).toHaveLength(1);
    expect(inner).toEqual(await full(clock, T0 + 900, T0 + 1800));
    expect(cache.stats().hits).toBe(1);
  });

  it('keeps a series that appears only in the new part, empty before it', async () => {
    const clock = { now: T0 + 500 };
    const prom = fakeProm(clock);
    const cache = new RangeCache({ overlapSec: 60, ttlSec: 3600, maxPoints: 100_000, now: () => clock.now });
    const before = await cache.query('q', T0, T0 + 495, STEP, prom.fetch);
    expect(before.series.map((s) => s.labels.job)).toEqual(['a']);
    clock.now = T0 + 900;
    const after = await cache.query('q', T0, T0 + 900, STEP, prom.fetch);
    expect(after).toEqual(await full(clock, T0, T0 + 900));
    expect(after.series.map((s) => s.labels.job)).toEqual(['a', 'b']);
  });

  it('does not mix steps, grids or queries', async () => {
    const clock = { now: T0 + 7200 };
    const prom = fakeProm(clock);
    const cache = new RangeCache({ overlapSec: 300, ttlSec: 3600, maxPoints: 100_000, now: () => clock.now });
    await cache.query('q', T0, T0 + 3600, STEP, prom.fetch);
    await cache.query('q', T0, T0 + 3600, 30, prom.fetch);
    await cache.query('q', T0 + 5, T0 + 3605, STEP, prom.fetch);
    await cache.query('other', T0, T0 + 3600, STEP, prom.fetch);
    expect(prom.calls).toHaveLength(4);
    expect(cache.stats().misses).toBe(4);
  });

  it('asks again for everything once the oldest part is older than the TTL', async () => {
    const clock = { now: T0 + 7200 };
    const prom = fakeProm(clock);
    const cache = new RangeCache({ overlapSec: 300, ttlSec: 600, maxPoints: 100_000, now: () => clock.now });
    await cache.query('q', T0, T0 + 3600, STEP, prom.fetch);
    clock.now += 300;
    await cache.query('q', T0, T0 + 3600, STEP, prom.fetch);
    clock.now += 301;
    await cache.query('q', T0, T0 + 3600, STEP, prom.fetch);
    expect(prom.calls).toEqual([
      [T0, T0 + 3600],
      [T0, T0 + 3600],
    ]);
  });

  it('holds at most maxPoints values (oldest entry out first), and 0 turns it off', async () => {
    const clock = { now: T0 + 7200 };
    const prom = fakeProm(clock);
    // One query over an hour at 15 s: 241 points for each of its two series.
    const cache = new RangeCache({ overlapSec: 300, ttlSec: 3600, maxPoints: 1000, now: () => clock.now });
    await cache.query('q1', T0, T0 + 3600, STEP, prom.fetch);
    await cache.query('q2', T0, T0 + 3600, STEP, prom.fetch);
    expect(cache.stats()).toMatchObject({ entries: 2, points: 964 });
    await cache.query('q3', T0, T0 + 3600, STEP, prom.fetch);
    expect(cache.stats()).toMatchObject({ entries: 2, points: 964 });
    await cache.query('q1', T0, T0 + 3600, STEP, prom.fetch); // evicted: asked again
    expect(prom.calls).toHaveLength(4);

    const off = new RangeCache({ overlapSec: 300, ttlSec: 3600, maxPoints: 0, now: () => clock.now });
    await off.query('q', T0, T0 + 3600, STEP, prom.fetch);
    await off.query('q', T0, T0 + 3600, STEP, prom.fetch);
    expect(prom.calls).toHaveLength(6);
    expect(off.stats().entries).toBe(0);
  });

  it('keeps nothing from an answer with warnings, and nothing when a fetch fails', async () => {
    const clock = { now: T0 + 7200 };
    const prom = fakeProm(clock);
    const cache = new RangeCache({ overlapSec: 300, ttlSec: 3600, maxPoints: 100_000, now: () => clock.now });
    const warned: RangeFetcher = async (...a) => ({ ...(await prom.fetch(...a)), warnings: ['partial data'] });
    expect((await cache.query('q', T0, T0 + 3600, STEP, warned)).warnings).toEqual(['partial data']);
    expect(cache.stats().entries).toBe(0);
    await cache.query('q', T0, T0 + 3600, STEP, prom.fetch);
    clock.now += 60;
    const failing: RangeFetcher = async () => {
      throw new Error('Prometheus is unreachable');
    };
    await expect(cache.query('q', T0 + 60, T0 + 3660, STEP, failing)).rejects.toThrow('unreachable');
    // What was stored before is still there and still used.
    await cache.query('q', T0 + 60, T0 + 3660, STEP, prom.fetch);
    expect(prom.calls.at(-1)).toEqual([T0 + 3600 + STEP, T0 + 3660]);
  });

  it('orders series as Prometheus does (label names, then values, shorter first)', () => {
    const sets: Record<string, string>[] = [{ b: '1' }, { a: '2' }, { a: '10' }, { a: '1', b: '1' }, { a: '1' }];
    expect([...sets].sort(compareLabels)).toEqual([
      { a: '1' },
      { a: '1', b: '1' },
      { a: '10' },
      { a: '2' },
      { b: '1' },
    ]);
  });
});
