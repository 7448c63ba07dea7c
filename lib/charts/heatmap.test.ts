import { describe, expect, it } from 'vitest';
import { bucketLabel, buildHeatmap, cellLevel, heatmapPaths, HEATMAP_LEVELS } from './heatmap';

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
    expect(h.cells).toEqual([
      [2, 3],
      [4, null],
      [4, null],
    ]);
    expect(h.max).toBe(4);
    const fmt = (v: number) => `${v} s`;
    expect([0, 1, 2].map((k) => bucketLabel(h.bounds, k, fmt))).toEqual(['≤ 0.1 s', '0.1 s–0.5 s', '> 0.5 s']);
  });

  it('shades cells on a square-root scale: the maximum darkest, a quarter of it half as dark', () => {
    expect(cellLevel(100, 100)).toBe(HEATMAP_LEVELS);
    expect(cellLevel(25, 100)).toBe(HEATMAP_LEVELS / 2);
    expect(cellLevel(0.0001, 100)).toBe(1);
    expect(cellLevel(0, 100)).toBe(0);
    expect(cellLevel(null, 100)).toBe(0);
    expect(cellLevel(5, 0)).toBe(0);
  });

  it('draws one path per shade, joining neighbours of a row in the same shade, lowest bucket at the bottom', () => {
    const h = {
      times: [0, 1, 2, 3],
      bounds: [1, 2],
      max: 4,
      cells: [
        [4, 4, null, 1],
        [1, 0, 0, 4],
      ],
    };
    const paths = heatmapPaths(h);
    expect(paths.map((p) => p.level)).toEqual([8, 16]);
    // Row 0 (bottom, y = 1): columns 0-1 at full shade as one run; a rate of 1 against a maximum
    // of 4 is shade sqrt(1/4) * 16 = 8; zero and missing cells are not drawn.
    expect(paths.find((p) => p.level === 16)!.d).toBe('M0 1h2.02v1.02h-2.02zM3 0h1.02v1.02h-1.02z');
    expect(paths.find((p) => p.level === 8)!.d).toBe('M3 1h1.02v1.02h-1.02zM0 0h1.02v1.02h-1.02z');
  });
});
