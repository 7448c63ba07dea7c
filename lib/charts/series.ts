import type { CompactMatrix } from '../prometheus/compact';
import type { DrawStyle } from '../dashboards/types';
import { legendName, type Unit } from '../format/units';

/** Chart-ready rows and series from one or more range results on the same grid. */
export type ChartSeries = {
  key: string;
  name: string;
  color: string;
  /** SVG dash pattern, when the query asks for one (e.g. p99 dashed). */
  dash?: string;
  last: number | null;
  max: number | null;
  mean: number | null;
  min: number | null;
  /** Drawn against the right axis. */
  axis?: 'right';
  /** Its own unit, when it is not the panel's (a right-axis series). */
  unit?: Unit;
  /** Its own drawing style, when an override sets one. */
  draw?: DrawStyle;
};
export type ChartRow = { t: number } & Record<string, number | null>;

// Distinct on white and on slate-950.
export const PALETTE = [
  '#6366f1',
  '#06b6d4',
  '#f59e0b',
  '#ef4444',
  '#10b981',
  '#ec4899',
  '#8b5cf6',
  '#84cc16',
  '#f97316',
  '#14b8a6',
  '#3b82f6',
  '#eab308',
  '#a855f7',
  '#22c55e',
  '#e11d48',
  '#0ea5e9',
];

export type BuildOptions = {
  /** Colour by this label, so p50/p95/p99 of one workflow type share a colour. */
  colorBy?: string;
  /** A dash pattern per query. */
  dashes?: (string | undefined)[];
  /** The axis of each query's series. */
  axes?: ('left' | 'right' | undefined)[];
};

export function buildChart(
  results: Pick<CompactMatrix, 'start' | 'step' | 'n' | 'series'>[],
  legends: (string | undefined)[],
  opts: BuildOptions = {},
): { rows: ChartRow[]; series: ChartSeries[] } {
  const first = results[0];
  if (!first) return { rows: [], series: [] };
  const rows: ChartRow[] = Array.from(
    { length: first.n },
    (_, i) => ({ t: (first.start + i * first.step) * 1000 }) as ChartRow,
  );
  const series: ChartSeries[] = [];
  const groups = new Map<string, string>();
  const colorFor = (labels: Record<string, string>) => {
    if (!opts.colorBy) return PALETTE[series.length % PALETTE.length] as string;
    const g = labels[opts.colorBy] ?? '';
    if (!groups.has(g)) groups.set(g, PALETTE[groups.size % PALETTE.length] as string);
    return groups.get(g) as string;
  };
  results.forEach((r, qi) => {
    for (const s of r.series) {
      const key = `s${series.length}`;
      let last: number | null = null;
      let max: number | null = null;
      let min: number | null = null;
      let sum = 0;
      let count = 0;
      s.values.forEach((v, i) => {
        const row = rows[i];
        if (row) row[key] = v;
        if (v === null) return;
        last = v;
        max = max === null ? v : Math.max(max, v);
        min = min === null ? v : Math.min(min, v);
        sum += v;
        count++;
      });
      series.push({
        key,
        name: legendName(legends[qi], s.labels),
        color: colorFor(s.labels),
        ...(opts.dashes?.[qi] ? { dash: opts.dashes[qi] } : {}),
        ...(opts.axes?.[qi] === 'right' ? { axis: 'right' as const } : {}),
        last,
        max,
        mean: count ? sum / count : null,
        min,
      });
    }
  });
  series.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  return { rows, series };
}

/** Whether a result has nothing to draw. */
export function isEmpty(series: ChartSeries[]): boolean {
  return series.length === 0 || series.every((s) => s.last === null);
}
