import type { ChartRow, ChartSeries } from './series';

/** How a compared series is drawn: dashed, in its original's colour. */
export const SHIFT_DASH = '2 4';

/**
 * A chart with the same queries over the range `shiftMs` earlier laid over it (Grafana's time
 * shift, page-wide): each shifted series is drawn at the time it would have had now, dashed, in
 * the colour of the series it is compared with, and named "<name> · <label> ago". The shifted
 * range is the same grid moved back, so a shifted point lands on a row of the chart exactly.
 */
export function withShifted(
  main: { rows: ChartRow[]; series: ChartSeries[] },
  shifted: { rows: ChartRow[]; series: ChartSeries[] },
  shiftMs: number,
  label: string,
): { rows: ChartRow[]; series: ChartSeries[] } {
  if (shifted.series.length === 0 || main.rows.length === 0) return main;
  const t0 = main.rows[0]!.t;
  const step = main.rows.length > 1 ? main.rows[1]!.t - t0 : 1;
  const rows = main.rows.map((r) => ({ ...r }));
  const colour = new Map(main.series.map((s) => [s.name, s.color]));
  const series = shifted.series.map((s) => ({
    ...s,
    key: `${s.key}~`,
    name: `${s.name} · ${label} ago`,
    color: colour.get(s.name) ?? s.color,
    dash: SHIFT_DASH,
    compare: true as const,
  }));
  for (const r of shifted.rows) {
    const i = Math.round((r.t + shiftMs - t0) / step);
    const row = rows[i];
    if (!row) continue;
    for (const s of shifted.series) row[`${s.key}~`] = r[s.key] ?? null;
  }
  // Each compared series right after the one it is compared with.
  const order = new Map(main.series.map((s, i) => [s.name, i]));
  const merged = [...main.series];
  for (const s of series) {
    const base = s.name.slice(0, -` · ${label} ago`.length);
    const at = order.has(base) ? merged.findIndex((m) => m.name === base) + 1 : merged.length;
    merged.splice(at, 0, s);
  }
  return { rows, series: merged };
}
