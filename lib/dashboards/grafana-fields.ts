import type { ColorThresholds, LegendColumn, Reducer, SeriesOverride, ThresholdLine } from './types';

/**
 * Grafana's field config and panel options → the console's panel options (issue 16): thresholds,
 * overrides, legend, draw style, stacking, reducers. What has no counterpart is returned as a
 * note for the import report, never dropped silently. Field names follow Grafana's documented
 * dashboard JSON model.
 */
export type Json = Record<string, unknown>;
export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);

/** Grafana's named palette colours, as hex (the shade variants share their hue's value). */
const PALETTE: Record<string, string> = {
  green: '#56a64b',
  red: '#e02f44',
  orange: '#ff780a',
  yellow: '#f2cc0c',
  blue: '#3274d9',
  purple: '#a352cc',
  transparent: 'transparent',
  text: 'currentColor',
};

/** A Grafana colour (`green`, `semi-dark-red`, `#ff0000`, `rgba(…)`) as a CSS colour. */
export function grafanaColor(c: unknown): string | undefined {
  const s = str(c).trim();
  if (!s) return undefined;
  if (/^#[0-9a-f]{3,8}$/i.test(s) || /^rgba?\([\d\s.,%]+\)$/i.test(s)) return s.slice(0, 40);
  const hue = s.replace(/^(super-light|light|semi-dark|dark)-/, '');
  return PALETTE[hue];
}

const REDUCERS: Record<string, Reducer> = { lastNotNull: 'last', last: 'last', mean: 'mean', max: 'max', min: 'min' };

export type FieldNotes = string[];

/** Absolute thresholds as colour steps (stat, gauge, bar gauge); percentage ones are reported. */
export function colorThresholds(defaults: Json, notes: FieldNotes): ColorThresholds | undefined {
  const t = defaults.thresholds;
  if (!isObj(t) || !Array.isArray(t.steps) || t.steps.length === 0) return undefined;
  if (t.mode === 'percentage') {
    notes.push('percentage thresholds: not imported (only absolute ones are)');
    return undefined;
  }
  const steps = t.steps.filter(isObj);
  const base = grafanaColor(steps[0]?.color) ?? '#56a64b';
  const rest = steps
    .slice(1)
    .filter((s) => typeof s.value === 'number')
    .map((s) => ({ value: s.value as number, color: grafanaColor(s.color) ?? base }));
  return { base, steps: rest.slice(0, 20) };
}

/** Threshold lines on a time series, when Grafana draws them (thresholdsStyle other than off). */
export function thresholdLines(defaults: Json): ThresholdLine[] | undefined {
  const custom = isObj(defaults.custom) ? defaults.custom : {};
  const style = isObj(custom.thresholdsStyle) ? str(custom.thresholdsStyle.mode, 'off') : 'off';
  if (style === 'off' || !isObj(defaults.thresholds) || !Array.isArray(defaults.thresholds.steps)) return undefined;
  if (defaults.thresholds.mode === 'percentage') return undefined;
  const lines = defaults.thresholds.steps
    .filter(isObj)
    .filter((s) => typeof s.value === 'number')
    .map((s) => ({
      value: s.value as number,
      label: String(s.value),
      ...(grafanaColor(s.color) ? { color: grafanaColor(s.color)! } : {}),
    }));
  return lines.length ? lines.slice(0, 20) : undefined;
}

/** A stat-like panel's reducer from `options.reduceOptions.calcs`. */
export function reducerOf(options: Json, notes: FieldNotes): Reducer | undefined {
  const calcs =
    isObj(options.reduceOptions) && Array.isArray(options.reduceOptions.calcs) ? options.reduceOptions.calcs : [];
  const c = str(calcs[0]);
  if (!c) return undefined;
  const r = REDUCERS[c];
  if (!r) notes.push(`reducer "${c}": shown as the last value`);
  return r;
}

export type TimeseriesOptions = {
  legend?: { placement?: 'bottom' | 'right' | 'hidden'; columns?: LegendColumn[] };
  draw?: 'line' | 'bars' | 'points';
  stack?: boolean;
  overrides?: SeriesOverride[];
  rightUnit?: string;
};

/** Legend, draw style, stacking and series overrides of a time series or legacy graph panel. */
export function timeseriesOptions(p: Json, defaults: Json, notes: FieldNotes): TimeseriesOptions {
  const out: TimeseriesOptions = {};
  const options = isObj(p.options) ? p.options : {};
  const legend = isObj(options.legend) ? options.legend : isObj(p.legend) ? p.legend : null;
  if (legend) {
    const hidden = legend.showLegend === false || legend.displayMode === 'hidden' || legend.show === false;
    const placement = hidden
      ? 'hidden'
      : legend.placement === 'right' || legend.rightSide === true
        ? 'right'
        : 'bottom';
    const calcs = Array.isArray(legend.calcs) ? legend.calcs.map((c) => REDUCERS[str(c)]).filter(Boolean) : [];
    out.legend = { placement, ...(calcs.length ? { columns: [...new Set(calcs)] as LegendColumn[] } : {}) };
  }
  const custom = isObj(defaults.custom) ? defaults.custom : {};
  const draw =
    str(custom.drawStyle) || (p.bars === true ? 'bars' : p.points === true && p.lines === false ? 'points' : '');
  if (draw === 'bars' || draw === 'points') out.draw = draw;
  const stacking = isObj(custom.stacking) ? str(custom.stacking.mode) : p.stack === true ? 'normal' : '';
  if (stacking === 'normal') out.stack = true;
  if (stacking === 'percent') notes.push('stacked as percentages in Grafana: stacked as values');
  const overrides: SeriesOverride[] = [];
  const fc =
    isObj(p.fieldConfig) && Array.isArray(p.fieldConfig.overrides) ? p.fieldConfig.overrides.filter(isObj) : [];
  for (const o of fc) {
    const m = isObj(o.matcher) ? o.matcher : {};
    const what = str(m.options);
    const match = m.id === 'byName' && what ? { name: what } : m.id === 'byRegexp' && what ? { regex: what } : null;
    if (!match) {
      notes.push(`an override matching ${str(m.id, 'something')}: only by name and by regex are imported`);
      continue;
    }
    const so: SeriesOverride = { match };
    for (const prop of Array.isArray(o.properties) ? o.properties.filter(isObj) : []) {
      const id = str(prop.id);
      const v = prop.value;
      if (id === 'color' && isObj(v)) {
        const c = grafanaColor(v.fixedColor);
        if (c) so.color = c;
      } else if (id === 'custom.axisPlacement' && (v === 'right' || v === 'left')) so.axis = v;
      else if (id === 'custom.hideFrom' && isObj(v) && (v.viz === true || v.legend === true)) so.hidden = true;
      else if (id === 'custom.drawStyle' && (v === 'bars' || v === 'points' || v === 'line')) so.draw = v;
      else if (id === 'unit' && typeof v === 'string') out.rightUnit = v;
      else if (id === 'displayName' && typeof v === 'string' && v.trim()) so.displayName = v.trim().slice(0, 200);
      else notes.push(`override of "${what}": ${id} is not imported`);
    }
    if (Object.keys(so).length > 1) overrides.push(so);
  }
  if (overrides.length) out.overrides = overrides.slice(0, 100);
  return out;
}

/** Panel features the console does not carry over, each named for the report. */
export function unsupportedFeatures(p: Json, defaults: Json): string[] {
  const out: string[] = [];
  if (Array.isArray(p.transformations) && p.transformations.length)
    out.push(
      `transformations (${p.transformations
        .filter(isObj)
        .map((t) => str(t.id))
        .join(', ')}) are not applied`,
    );
  if (str(p.repeat)) out.push(`repeated by $${str(p.repeat)} in Grafana: shown once`);
  if (typeof defaults.decimals === 'number') out.push(`decimals (${defaults.decimals}): the console picks its own`);
  if (
    isObj(defaults.color) &&
    str(defaults.color.mode) &&
    !['thresholds', 'palette-classic', 'fixed'].includes(str(defaults.color.mode))
  )
    out.push(`colour mode "${str(defaults.color.mode)}": drawn in the console's palette`);
  return out;
}
