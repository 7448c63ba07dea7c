import { describe, expect, it } from 'vitest';
import { applyOverrides } from './overrides';
import { reduceResults, reduceValues, thresholdColor } from './reduce';
import { areaPath, barsPath, stackRows } from './axes';
import type { ChartSeries } from './series';

describe('reduceValues', () => {
  it('reduces over the values there are, and is null when there are none', () => {
    const v = [null, 3, 9, null, 6, null];
    expect(reduceValues(v)).toBe(6);
    expect(reduceValues(v, 'mean')).toBe(6);
    expect(reduceValues(v, 'max')).toBe(9);
    expect(reduceValues(v, 'min')).toBe(3);
    expect(reduceValues([null, null])).toBeNull();
  });
  it('names each series by its legend, in query order then by name', () => {
    const r = reduceResults(
      [
        {
          series: [
            { labels: { m: 'b' }, values: [2] },
            { labels: { m: 'a' }, values: [1] },
          ],
        },
        { series: [{ labels: {}, values: [5] }] },
      ],
      ['{{m}}', 'total'],
    );
    expect(r.map((s) => [s.name, s.value])).toEqual([
      ['a', 1],
      ['b', 2],
      ['total', 5],
    ]);
  });
});

describe('thresholdColor', () => {
  const t = {
    base: 'green',
    steps: [
      { value: 0.95, color: 'red' },
      { value: 0.85, color: 'amber' },
    ],
  };
  it('takes the colour of the highest step at or below the value, the base below them all', () => {
    expect(thresholdColor(0.5, t, 'blue')).toBe('green');
    expect(thresholdColor(0.85, t, 'blue')).toBe('amber');
    expect(thresholdColor(0.99, t, 'blue')).toBe('red');
    expect(thresholdColor(0.5, undefined, 'blue')).toBe('blue');
  });
});

describe('applyOverrides', () => {
  const s = (name: string): ChartSeries => ({ key: name, name, color: '#000', last: 1, max: 1, mean: 1, min: 1 });
  it('applies name and regex matches in order, later ones winning, and reports a bad pattern', () => {
    const r = applyOverrides(
      [s('a'), s('b1'), s('b2')],
      [
        { match: { regex: '^b' }, color: '#111', axis: 'right' },
        { match: { name: 'b2' }, color: '#222', hidden: true },
        { match: { regex: '[' }, color: '#333' },
      ],
    );
    expect(r.series.map((x) => [x.name, x.color, x.axis ?? 'left'])).toEqual([
      ['a', '#000', 'left'],
      ['b1', '#111', 'right'],
      ['b2', '#222', 'right'],
    ]);
    expect(r.hidden).toEqual(['b2']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^override regex \/\[\/ is not valid/);
  });
  it('renames a series for its legend; a later override still matches its own name', () => {
    const r = applyOverrides(
      [s('errors'), s('ok')],
      [
        { match: { name: 'errors' }, displayName: 'Errors per second' },
        { match: { name: 'errors' }, color: '#f00' },
      ],
    );
    expect(r.series.map((x) => [x.key, x.name, x.color])).toEqual([
      ['errors', 'Errors per second', '#f00'],
      ['ok', 'ok', '#000'],
    ]);
  });
});

describe('stacking and bars', () => {
  it('stacks in order; a missing value adds nothing and leaves that series without a point', () => {
    const rows = [
      { t: 0, a: 1, b: 2 },
      { t: 1, a: null, b: 3 },
    ];
    const { top, base } = stackRows(rows, ['a', 'b'], (r, k) => r[k as 'a' | 'b']);
    expect(top).toEqual([
      [1, null],
      [3, 3],
    ]);
    expect(base).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });
  it('an area runs along the top and back along the base; bars are one rectangle per point', () => {
    expect(
      areaPath(
        [0, 1],
        [3, 3],
        [1, 0],
        (t) => t * 10,
        (v) => v,
      ),
    ).toBe('M0,3L10,3L10,0L0,1Z');
    expect(
      barsPath(
        [0, 1],
        [2, null],
        0,
        (t) => t * 10,
        (v) => 10 - v,
        4,
        -2,
      ),
    ).toBe('M-2,10H2V8H-2Z');
  });
});
