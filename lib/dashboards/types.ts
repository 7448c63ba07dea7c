import type { Unit } from '../format/units';
import type { VariableDef } from './variable-types';

/** Dashboards are data: typed definitions, each panel drawn by its kind (components/panel/kinds). */
export type QueryDef = {
  /** PromQL template: {{filter}}, $__rate_interval, $__range (lib/prometheus/template.ts). */
  expr: string;
  /** Legend template, e.g. "{{workflow_type}} p95". */
  legend?: string;
  /** SVG dash pattern for this query's lines. */
  dash?: string;
  /** time series: draw this query's series against the right axis (the panel's `right` unit). */
  axis?: 'left' | 'right';
  /** Its name in the panel's `choices` selector (e.g. "p95"); queries without one always run. */
  choice?: string;
};

/** Every kind of panel there is; each has its own definition below and its entry in PANEL_KINDS. */
export const PANEL_KIND_NAMES = [
  'timeseries',
  'heatmap',
  'table',
  'matrix',
  'stat',
  'gauge',
  'bargauge',
  'piechart',
  'barchart',
  'text',
] as const;
export type PanelKind = (typeof PANEL_KIND_NAMES)[number];

/** A place on the dashboard's 24-column grid: columns from the left, rows of 30 px from the top. */
export type GridPos = { x: number; y: number; w: number; h: number };

type PanelCommon = {
  id: string;
  title: string;
  description: string;
  /** Half width (default) or the whole row, where the dashboard does not place its panels on the grid. */
  wide?: boolean;
  /** Drawing height in px (default 220). */
  height?: number;
  /** Its place on the grid (lib/dashboards/layout.ts); a dashboard without any flows in two columns. */
  grid?: GridPos;
  /** Drawn once per value of a variable (Grafana's repeat): lib/dashboards/repeat.ts. */
  repeat?: PanelRepeat;
  /** Links in the panel's menu, with the page's variables and range written in (lib/dashboards/links.ts). */
  links?: PanelLink[];
  /**
   * Set on the copies a repeat makes, never saved: the repeated variable held at one value, keyed
   * as the query template reads it (lib/dashboards/variables.ts effectiveVars).
   */
  bound?: Record<string, string[]>;
};

/** A link in a panel's menu: `url` may name variables (`$job`) and `${__url_time_range}`. */
export type PanelLink = { title: string; url: string; newTab?: boolean };

/**
 * A link at the top of a dashboard: to a URL (as a panel link), or to the dashboards with a tag;
 * `keepTime` and `includeVars` add the page's range and variables to it.
 */
export type DashboardLink = {
  title: string;
  url?: string;
  tags?: string[];
  tooltip?: string;
  newTab?: boolean;
  keepTime?: boolean;
  includeVars?: boolean;
};

/**
 * One copy of the panel per value of `variable` (the values picked, or every value offered when
 * none is, "All"): side by side (`h`, at most `maxPerRow` to a row, 4 by default) or stacked (`v`).
 */
export type PanelRepeat = { variable: string; direction?: 'h' | 'v'; maxPerRow?: number };

/** A panel that asks Prometheus: range queries over the page's range, with its variables. */
type QueryPanel = PanelCommon & {
  unit: Unit;
  queries: QueryDef[];
  /** The dashboard variables whose labels this panel's metrics carry. */
  variables: string[];
  /**
   * A selector of which queries run, by their `choice` (e.g. p50 / p95 / p99), in the URL as
   * `pick=<panel>:<choice>`; `defaults` run until the URL says otherwise.
   */
  choices?: { label: string; defaults: string[] };
  /** Digits after the point in the values shown (the console picks three significant ones by default). */
  decimals?: number;
  /** Values shown as words and colours (Grafana's value mappings): the first that matches wins. */
  mappings?: ValueMapping[];
};

/**
 * A value shown as a word and/or a colour: an exact value, a range (either end open), a special
 * value (no data, NaN), or a regex on the value as text.
 */
export type ValueMapping = { text?: string; color?: string } & (
  | { kind: 'value'; value: string }
  | { kind: 'range'; from?: number; to?: number }
  | { kind: 'special'; match: 'null' | 'nan' | 'null+nan' }
  | { kind: 'regex'; pattern: string }
);

/** A line at a value across a time series chart (an SLO, a limit). */
export type ThresholdLine = { value: number; label: string; color?: string; axis?: 'left' | 'right' };

/** Colours by value, as Grafana's thresholds: `base` below the first step, each step's colour from its value up. */
export type ColorThresholds = { base: string; steps: { value: number; color: string }[] };

/** How a series becomes one number: its last value (default), mean, max or min over the range. */
export type Reducer = 'last' | 'mean' | 'max' | 'min';
export const LEGEND_COLUMNS = ['last', 'mean', 'max', 'min'] as const;
export type LegendColumn = (typeof LEGEND_COLUMNS)[number];
export type DrawStyle = 'line' | 'bars' | 'points';

/** Options for the series whose name is `name`, or matches `regex`: later overrides win. */
export type SeriesOverride = {
  match: { name: string } | { regex: string };
  color?: string;
  axis?: 'left' | 'right';
  /** hidden until the legend shows it */
  hidden?: boolean;
  draw?: DrawStyle;
  /** the name the legend and tooltip show instead */
  displayName?: string;
};

export type TimeseriesPanelDef = QueryPanel & {
  kind: 'timeseries';
  /** A histogram bucket series to fetch exemplars from (drill to trace). */
  exemplars?: string;
  /** Where "traces slower than this" searches: the service whose spans this latency measures. */
  traceService?: string;
  /**
   * The top finite bucket of the histogram its quantiles come from, in the panel's unit: a
   * quantile there only says "at least this" (histogram_quantile stops at it), and is offered so.
   */
  quantileCeiling?: number;
  /** Fixed y-axis floor (most panels start at 0). */
  min?: number;
  /** Fixed y-axis ceiling. */
  max?: number;
  /** A second value axis on the right, for the series that ask for it (QueryDef.axis, overrides). */
  right?: { unit: Unit; min?: number; max?: number };
  /** Give every series with the same value of this label one colour. */
  colorBy?: string;
  /** Lines (default), bars or points. */
  draw?: DrawStyle;
  /** Stack the series of each axis on one another (areas). */
  stack?: boolean;
  /** Where the legend goes (bottom by default) and which figures it shows (last, mean, max by default). */
  legend?: { placement?: 'bottom' | 'right' | 'hidden'; columns?: LegendColumn[] };
  overrides?: SeriesOverride[];
  /** For a forecast in seconds: warn when its latest value falls inside the range shown. */
  warnWithinRange?: string;
  /** SLO lines drawn across the chart, in the unit of their axis. */
  thresholds?: ThresholdLine[];
};

/** The first query's per-bucket rates (`sum by (le)`) as a time × bucket grid. */
export type HeatmapPanelDef = QueryPanel & { kind: 'heatmap' };

/** The first query's series, one row each, with their last value over the range. */
export type TablePanelDef = QueryPanel & {
  kind: 'table';
  columns: { key: string; label: string }[];
  /** what the value is */
  valueLabel?: string;
};

/** Two labels as rows and columns; cells where their values differ are emphasised. */
export type MatrixPanelDef = QueryPanel & {
  kind: 'matrix';
  matrix: { rows: string; cols: string; rowTitle: string; colTitle: string };
  valueLabel?: string;
};

/** One big number per series (reduced over the range), coloured by thresholds, with its trend. */
export type StatPanelDef = QueryPanel & {
  kind: 'stat';
  reduce?: Reducer;
  thresholds?: ColorThresholds;
  /** Draw the series' trend under the number (default on). */
  sparkline?: boolean;
};

/** A dial per series between min and max, its arc coloured by thresholds. */
export type GaugePanelDef = QueryPanel & {
  kind: 'gauge';
  reduce?: Reducer;
  min: number;
  max: number;
  thresholds?: ColorThresholds;
};

/** A horizontal bar per series from min (default 0) to max (default: the largest value). */
export type BarGaugePanelDef = QueryPanel & {
  kind: 'bargauge';
  reduce?: Reducer;
  min?: number;
  max?: number;
  thresholds?: ColorThresholds;
};

/** Each series reduced to one number, as a share of the whole: a donut (or a pie) with a legend of values and shares. */
export type PieChartPanelDef = QueryPanel & { kind: 'piechart'; reduce?: Reducer; donut?: boolean };

/** Each series reduced to one number, a vertical bar each (Grafana's bar chart over series), coloured by thresholds. */
export type BarChartPanelDef = QueryPanel & { kind: 'barchart'; reduce?: Reducer; thresholds?: ColorThresholds };

/** Markdown, rendered as text (raw HTML is not rendered; links only to http(s), mailto and the console). */
export type TextPanelDef = PanelCommon & { kind: 'text'; content: string };

export type PanelDef =
  | TimeseriesPanelDef
  | HeatmapPanelDef
  | TablePanelDef
  | MatrixPanelDef
  | StatPanelDef
  | GaugePanelDef
  | BarGaugePanelDef
  | PieChartPanelDef
  | BarChartPanelDef
  | TextPanelDef;

export type QueryPanelDef = Exclude<PanelDef, TextPanelDef>;

/** Whether a panel asks Prometheus (every kind but text). */
export function hasQueries(def: PanelDef): def is QueryPanelDef {
  return def.kind !== 'text';
}

// Variables are their own module (lib/dashboards/variable-types.ts); named here too, with the rest of the model.
export { QUERY_VARIABLE_SOURCES, VARIABLE_KINDS } from './variable-types';
export type { QueryVariableSource, VariableDef, VariableKind } from './variable-types';

/**
 * A row across the grid at `y`: the panels below it, down to the next row, are its panels, and
 * fold away with it. `collapsed` is how the dashboard opens; the URL can say otherwise.
 */
export type RowDef = {
  id: string;
  title: string;
  y: number;
  collapsed?: boolean;
  /** The row and its panels once per value of a variable (lib/dashboards/repeat.ts). */
  repeat?: { variable: string };
};

export type DashboardDef = {
  id: string;
  version: number;
  title: string;
  description: string;
  variables: VariableDef[];
  panels: PanelDef[];
  rows?: RowDef[];
  /** The range it opens on when the URL names none (Grafana's `time`), and its auto-refresh. */
  time?: { from: string; to: string };
  refresh?: string;
  links?: DashboardLink[];
  /** Markers on every time axis beyond the page's alerts (lib/annotations): kill switch, versions, … */
  annotations?: (
    | { kind: 'kill-switch' | 'policy-version' | 'canary'; expr: string }
    /** a Prometheus query of the dashboard's own (Grafana's annotation queries): a marker where a series starts */
    | { kind: 'query'; expr: string; name: string }
  )[];
};
