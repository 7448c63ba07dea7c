/** A dashboard's variables as data (part of the model in lib/dashboards/types.ts). */

/**
 * How a variable gets its choices and where its value goes:
 *   label     (default) values of the label `name` on `source`; a filter (`{{filter}}`) of the panels that name it
 *   query     by `from`: values of `labelName` on `source` (label_values(metric, label), the default), the
 *             label names of `source` (label_names()), or the lines of the instant query `source`
 *             (query_result(expr)); kept by `regex`; `$name` only
 *   custom    the fixed `values`; `$name` only
 *   interval  one of the fixed `values` (durations), or "auto" when `auto` is set (the range over
 *             `auto.count`, rounded, at least `auto.min`), inserted as written: `[$name]`
 *   textbox   what the reader types (default `values[0]`), inserted as written
 *   constant  `values[0]`, inserted as written, not shown
 *   adhoc     filters the reader adds (`key|op|value` each, lib/prometheus/adhoc.ts), put into every
 *             series selector of every query; keys offered from the labels of `source` (every series
 *             when empty)
 */
export const VARIABLE_KINDS = ['label', 'query', 'custom', 'interval', 'textbox', 'constant', 'adhoc'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

/** A query variable's choices: label values, label names, or the lines of an instant query's result. */
export const QUERY_VARIABLE_SOURCES = ['values', 'names', 'result'] as const;
export type QueryVariableSource = (typeof QUERY_VARIABLE_SOURCES)[number];

export type VariableDef = {
  /** The URL param and `$name` in queries; for a `label` variable, the label name too. */
  name: string;
  label: string;
  kind?: VariableKind;
  /** label, query: the series selector whose label values are the choices ('' for every series). */
  source?: string;
  /** query: the label whose values are offered (default: `name`). */
  labelName?: string;
  /** query: where the choices come from (default: label values). */
  from?: QueryVariableSource;
  /** interval: offer "auto" (and open on it): the range cut in `count` steps, at least `min`. */
  auto?: { count: number; min: string };
  /** query: keep the values this regex matches (its first group when it has one). */
  regex?: string;
  /** custom, interval: the choices; textbox, constant: the value. */
  values?: string[];
  /** custom, query: more than one value may be chosen (a label variable always may). */
  multi?: boolean;
};
