import { describe, expect, it } from 'vitest';
import { assignColors, buildChart, type ChartRow, isEmpty, nearestRow, PALETTE, paletteIndex } from './series';

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

describe('the palette', () => {
  const lum = (h: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const v = parseInt(h.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [lum(a), lum(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const hue = (h: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
    const max = Math.max(r, g, b);
    const d = max - Math.min(r, g, b);
    if (d === 0) return null;
    const x = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return (x * 60 + 360) % 360;
  };

  it('is readable on a panel in both themes, and neighbours are far apart in hue', () => {
    for (const c of PALETTE) {
      expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
      expect(contrast(c, '#0f172a'), c).toBeGreaterThanOrEqual(3);
    }
    for (let i = 1; i < PALETTE.length; i++) {
      const [a, b] = [hue(PALETTE[i - 1]!), hue(PALETTE[i]!)];
      if (a === null || b === null) continue;
      const d = Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
      expect(d, `${PALETTE[i - 1]} then ${PALETTE[i]}`).toBeGreaterThanOrEqual(40);
    }
  });

  it('gives a name the same colour on every panel, and one panel no two names alike', () => {
    const alone = assignColors(['SimpleTaskWorkflow']).get('SimpleTaskWorkflow');
    expect(alone).toBe(PALETTE[paletteIndex('SimpleTaskWorkflow')]);
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const colors = assignColors(names);
    expect(new Set(colors.values()).size).toBe(names.length);
    // A name's colour does not depend on which panel asks, unless another name there has it.
    const other = assignColors(['SimpleTaskWorkflow', 'ResearchWorkflow']);
    if (paletteIndex('ResearchWorkflow') !== paletteIndex('SimpleTaskWorkflow'))
      expect(other.get('SimpleTaskWorkflow')).toBe(alone);
  });
});

describe('nearestRow', () => {
  const rows = [0, 15, 30, 45].map((t) => ({ t }) as ChartRow);
  it('finds the row nearest an instant, the ends for instants outside', () => {
    expect([-5, 0, 7, 8, 29, 44, 100].map((t) => nearestRow(rows, t)?.t)).toEqual([0, 0, 0, 15, 30, 45, 45]);
    expect(nearestRow([], 3)).toBeUndefined();
  });
});
