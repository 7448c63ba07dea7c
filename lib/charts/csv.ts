import type { ReducedSeries } from './reduce';
import type { ChartRow, ChartSeries } from './series';
import type { TableRow } from './table';

/**
 * What a panel shows, as CSV (RFC 4180: comma separated, CRLF, fields with a comma, quote or
 * line break quoted). Times are ISO 8601 in UTC; values are the ones the panel draws, with no unit
 * scaling: Prometheus's, at the six significant digits chart answers carry (lib/prometheus/compact).
 */
type Cell = string | number | null | undefined;

function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN') : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly Cell[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** A time series panel: one row per instant, one column per series (by its legend name). */
export function seriesCsv(rows: readonly ChartRow[], series: readonly ChartSeries[]): string {
  return toCsv(
    ['time', ...series.map((s) => s.name)],
    rows.map((r) => [new Date(r.t).toISOString(), ...series.map((s) => r[s.key])]),
  );
}

/** Stat, gauge and bar gauge: each series and the one number shown for it. */
export function reducedCsv(series: readonly ReducedSeries[]): string {
  return toCsv(
    ['series', 'value'],
    series.map((s) => [s.name, s.value]),
  );
}

/** A table: one column per label, then the value. */
export function tableCsv(rows: readonly TableRow[], valueLabel = 'value'): string {
  const labels = [...new Set(rows.flatMap((r) => Object.keys(r.labels)))].sort();
  return toCsv(
    [...labels, valueLabel],
    rows.map((r) => [...labels.map((l) => r.labels[l] ?? ''), r.value]),
  );
}
