import { describe, expect, it } from 'vitest';
import { bucketLabel, buildHeatmap } from './heatmap';

describe('heatmap from classic buckets', () => {
  it('de-cumulates per step, orders by le with +Inf last, and keeps gaps', () => {
    const h = buildHeatmap({
      start: 1000,
      step: 15,
      n: 2,
      warnings: [],
      series: [
        { labels: { le: '+Inf' }, values: [10, 12] },
        { labels: { le: '0.5' }, values: [6, null] },
        { labels: { le: '0.1' }, values: [2, 3] },
      ],
    });
    expect(h.times).toEqual([1_000_000, 1_015_000]);
    expect(h.bounds).toEqual([0.1, 0.5, Infinity]);
    expect(h.cells).toEqual([[2, 3], [4, null], [4, null]]);
    expect(h.max).toBe(4);
    const fmt = (v: number) => `${v} s`;
    expect([0, 1, 2].map((k) => bucketLabel(h.bounds, k, fmt))).toEqual(['≤ 0.1 s', '0.1 s–0.5 s', '> 0.5 s']);
  });
});
