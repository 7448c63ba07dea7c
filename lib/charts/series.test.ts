import { describe, expect, it } from 'vitest';
import { buildChart, isEmpty } from './series';

describe('buildChart', () => {
  it('merges queries on one grid and computes last, max and mean', () => {
    const grid = { start: 100, step: 15, n: 3 };
    const { rows, series } = buildChart(
      [
        { ...grid, series: [{ labels: { workflow_type: 'B' }, values: [1, null, 3] }] },
        { ...grid, series: [{ labels: { workflow_type: 'A' }, values: [2, 4, null] }] },
      ],
      ['{{workflow_type}} p50', '{{workflow_type}} p95'],
    );
    expect(rows.map((r) => r.t)).toEqual([100_000, 115_000, 130_000]);
    expect(series.map((s) => s.name)).toEqual(['A p95', 'B p50']);
    const a = series.find((s) => s.name === 'A p95')!;
    expect(a).toMatchObject({ last: 4, max: 4, mean: 3 });
    expect(rows[1]?.[a.key]).toBe(4);
    expect(isEmpty(series)).toBe(false);
  });

  it('is empty when no series has a point', () => {
    const { series } = buildChart(
      [{ start: 0, step: 1, n: 2, series: [{ labels: {}, values: [null, null] }] }],
      [undefined],
    );
    expect(isEmpty(series)).toBe(true);
    expect(isEmpty(buildChart([], []).series)).toBe(true);
  });

  it('colours by a label and dashes by query when asked', () => {
    const grid = { start: 0, step: 1, n: 1 };
    const mk = (t: string) => ({ labels: { workflow_type: t }, values: [1] });
    const { series } = buildChart(
      [
        { ...grid, series: [mk('A'), mk('B')] },
        { ...grid, series: [mk('A'), mk('B')] },
      ],
      ['{{workflow_type}} p50', '{{workflow_type}} p99'],
      { colorBy: 'workflow_type', dashes: [undefined, '2 3'] },
    );
    const by = Object.fromEntries(series.map((s) => [s.name, s]));
    expect(by['A p50']!.color).toBe(by['A p99']!.color);
    expect(by['A p50']!.color).not.toBe(by['B p50']!.color);
    expect(by['A p50']!.dash).toBeUndefined();
    expect(by['A p99']!.dash).toBe('2 3');
  });
});
