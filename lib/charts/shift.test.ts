import { describe, expect, it } from 'vitest';
import { buildChart } from './series';
import { layoutChart } from './draw';
import { SHIFT_DASH, withShifted } from './shift';

const matrix = (start: number, series: { labels: Record<string, string>; values: (number | null)[] }[]) => ({
  start,
  step: 60,
  n: series[0]?.values.length ?? 0,
  series,
});

describe('withShifted', () => {
  const day = 86_400;
  const main = buildChart(
    [
      matrix(10 * day, [
        { labels: { t: 'a' }, values: [1, 2, 3] },
        { labels: { t: 'b' }, values: [4, 5, 6] },
      ]),
    ],
    ['{{t}}'],
  );
  const before = buildChart(
    [
      matrix(9 * day, [
        { labels: { t: 'a' }, values: [7, null, 9] },
        { labels: { t: 'c' }, values: [1, 1, 1] },
      ]),
    ],
    ['{{t}}'],
  );

  it('lays the earlier values on the rows of now, dashed in the colour of the series they compare with', () => {
    const out = withShifted(main, before, day * 1000, '1d');
    expect(out.series.map((s) => s.name)).toEqual(['a', 'a · 1d ago', 'b', 'c · 1d ago']);
    const a = out.series.find((s) => s.name === 'a')!;
    const aAgo = out.series.find((s) => s.name === 'a · 1d ago')!;
    expect(aAgo.color).toBe(a.color);
    expect(aAgo.dash).toBe(SHIFT_DASH);
    expect(out.rows.map((r) => r[aAgo.key])).toEqual([7, null, 9]);
    expect(out.rows.map((r) => r[a.key])).toEqual([1, 2, 3]);
    expect(out.rows.map((r) => r.t)).toEqual(main.rows.map((r) => r.t));
    // Figures of the compared series are those of its own range.
    expect(aAgo.max).toBe(9);
    // The chart it was given is left as it was.
    expect(main.rows[0]![`${aAgo.key}`]).toBeUndefined();
  });

  it('leaves the chart alone when the earlier range has nothing', () => {
    const out = withShifted(main, { rows: [], series: [] }, day * 1000, '1d');
    expect(out).toBe(main);
  });

  it('is never stacked on today’s series: on a stacked chart the compared ones stack among themselves, as lines', () => {
    const out = withShifted(main, before, day * 1000, '1d');
    const layout = layoutChart({
      rows: out.rows,
      shown: out.series,
      domain: [main.rows[0]!.t, main.rows.at(-1)!.t],
      stepMs: 60_000,
      unit: 'short',
      thresholds: [],
      draw: 'bars',
      stack: true,
    });
    // Today: 3 + 6 = 9 at the top; a day ago: 9 + 1 = 10. Not 9 + 10.
    expect(layout.y.top).toBeLessThan(19);
    const compared = layout.paths.filter((p) => p.s.compare);
    expect(compared.map((p) => p.style)).toEqual(['line', 'line']);
    expect(compared.every((p) => p.area === undefined)).toBe(true);
    expect(layout.paths.filter((p) => !p.s.compare).every((p) => p.style === 'bars')).toBe(true);
  });
});
