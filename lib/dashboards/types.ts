import type { Unit } from '../format/units';
import { renderQuery } from '../prometheus/template';

/** Dashboards are data: typed definitions rendered by one generic panel component. */
export type QueryDef = {
  /** PromQL template: {{filter}}, $__rate_interval, $__range (lib/prometheus/template.ts). */
  expr: string;
  /** Legend template, e.g. "{{workflow_type}} p95". */
  legend?: string;
  /** SVG dash pattern for this query's lines. */
  dash?: string;
};

export type PanelDef = {
  id: string;
  title: string;
  description: string;
  /** timeseries: lines; heatmap: the first query's per-bucket rates (`sum by (le)`) as a time × bucket grid */
  kind: 'timeseries' | 'heatmap' | 'table' | 'matrix';
  unit: Unit;
  queries: QueryDef[];
  /** The dashboard variables whose labels this panel's metrics carry. */
  variables: string[];
  /** Half width (default) or the whole row. */
  wide?: boolean;
  /** A histogram bucket series to fetch exemplars from (drill to trace). */
  exemplars?: string;
  /** Where "traces slower than this" searches: the service whose spans this latency measures. */
  traceService?: string;
  /** Fixed y-axis floor (most panels start at 0). */
  min?: number;
  /** Fixed y-axis ceiling. */
  max?: number;
  /** Give every series with the same value of this label one colour. */
  colorBy?: string;
  /** Chart height in px (default 220). */
  height?: number;
  /** table: the label columns (the first query's series, last value over the range) */
  columns?: { key: string; label: string }[];
  /** matrix: two labels as rows and columns; cells where their values differ are emphasised */
  matrix?: { rows: string; cols: string; rowTitle: string; colTitle: string };
  /** table / matrix: what the value is */
  valueLabel?: string;
  /** For a forecast in seconds: warn when its latest value falls inside the range shown. */
  warnWithinRange?: string;
  /** SLO lines drawn across the chart, in the panel's unit. */
  thresholds?: { value: number; label: string }[];
};

export type VariableDef = {
  /** The label name, also the URL param. */
  name: string;
  label: string;
  /** The series selector whose label values are the choices. */
  source: string;
};

export type DashboardDef = {
  id: string;
  version: number;
  title: string;
  description: string;
  variables: VariableDef[];
  panels: PanelDef[];
};

export function quantileQueries(bucketMetric: string, by: string, legendBy: string, quantiles: number[] = [0.5, 0.95, 0.99]): QueryDef[] {
  // Quantiles of one series share its colour; the tail ones are drawn dashed.
  const dashes: Record<number, string | undefined> = { 0.5: undefined, 0.9: '6 3', 0.95: '6 3', 0.99: '2 3' };
  return quantiles.map((q) => ({
    ...(quantiles.length > 1 && dashes[q] ? { dash: dashes[q] } : {}),
    expr: `histogram_quantile(${q}, sum by (le${by ? `, ${by}` : ''}) (rate(${bucketMetric}{ {{filter}} }[$__rate_interval])))`,
    legend: `${legendBy}p${Math.round(q * 100)}`,
  }));
}

/** The exemplar selector of a panel, with the page's variables: `metric{filter}`. */
export function exemplarExpr(def: PanelDef, vars: Readonly<Record<string, readonly string[]>>, range: { start: number; end: number; rateInterval: number }): string | null {
  if (!def.exemplars) return null;
  const own = Object.fromEntries(def.variables.map((v) => [v, vars[v] ?? []]));
  return renderQuery(`${def.exemplars}{ {{filter}} }`, { variables: own, rateIntervalSec: range.rateInterval, rangeSec: range.end - range.start });
}

/** A panel's queries with the page's variables and range filled in. */
export function panelExprs(
  def: PanelDef,
  vars: Readonly<Record<string, readonly string[]>>,
  range: { start: number; end: number; rateInterval: number },
): string[] {
  const own = Object.fromEntries(def.variables.map((v) => [v, vars[v] ?? []]));
  return def.queries.map((q) =>
    renderQuery(q.expr, { variables: own, rateIntervalSec: range.rateInterval, rangeSec: range.end - range.start }),
  );
}
