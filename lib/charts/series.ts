import type { CompactMatrix } from '../prometheus/compact';
import type { DrawStyle, ValueMapping } from '../dashboards/types';
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
  /** Digits after the point in its figures (the panel's decimals), when fixed. */
  decimals?: number;
  /** The panel's value mappings: its figures written as their words (lib/charts/value-text.ts). */
  mappings?: readonly ValueMapping[];
  /** Its own drawing style, when an override sets one. */
  draw?: DrawStyle;
  /** Its Prometheus labels (what "traces at this point" filters on). */
  labels?: Record<string, string>;
  /** The same series over an earlier range (the page's comparison): a dashed line, never stacked on today's. */
  compare?: true;
};
export type ChartRow = { t: number } & Record<string, number | null>;

/**
 * Series colours: hues far apart in order (no two blues or purples side by side), each with at
 * least 3:1 contrast as a line on a panel in either theme (white, slate-900).
 */
export const PALETTE = [
  '#3b82f6', // blue
  '#ea580c', // orange
  '#16a34a', // green
  '#ef4444', // red
  '#a855f7', // purple
  '#0891b2', // cyan
  '#ec4899', // pink
  '#65a30d', // lime
  '#d97706', // amber
  '#64748b', // slate
];

/** FNV-1a: the same name lands on the same colour on every panel and page. */
export function paletteIndex(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PALETTE.length;
}

/**
 * Colours for a panel's names: each its own stable colour, unless another name of the panel has
 * it already, when it takes the next free one (so one panel never shows two lines alike while
 * there are colours left).
 */
export function assignColors(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<number>();
  for (const n of [...new Set(names)].sort()) {
    let i = paletteIndex(n);
    for (let k = 0; k < PALETTE.length && taken.has(i); k++) i = (i + 1) % PALETTE.length;
    taken.add(i);
    if (taken.size >= PALETTE.length) taken.clear();
    out.set(n, PALETTE[i] as string);
  }
  return out;
}

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
  // Coloured by name (or by the colorBy label's value, so p50/p95/p99 of one type share one).
  const colorKey = (qi: number, labels: Record<string, string>) =>
    opts.colorBy ? (labels[opts.colorBy] ?? '') : legendName(legends[qi], labels);
  const colors = assignColors(results.flatMap((r, qi) => r.series.map((s) => colorKey(qi, s.labels))));
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
        labels: s.labels,
        color: colors.get(colorKey(qi, s.labels)) as string,
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

/** The row nearest to an instant (rows are in time order). */
export function nearestRow(rows: readonly ChartRow[], t: number): ChartRow | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  const after = rows[lo];
  const before = rows[lo - 1];
  return before && after && t - before.t < after.t - t ? before : after;
}
