import type { ColorThresholds, LegendColumn, Reducer, SeriesOverride, ThresholdLine, ValueMapping } from './types';

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

/**
 * Thresholds as colour steps (stat, gauge, bar gauge, bar chart). Percentage thresholds are
 * placed between the panel's min and max when it has them (a gauge always does); without them
 * Grafana takes the data's extremes, which change with the range, so they are reported instead.
 */
export function colorThresholds(
  defaults: Json,
  notes: FieldNotes,
  range?: { min: number; max: number },
): ColorThresholds | undefined {
  const t = defaults.thresholds;
  if (!isObj(t) || !Array.isArray(t.steps) || t.steps.length === 0) return undefined;
  const pct = t.mode === 'percentage';
  if (pct && !range) {
    notes.push('percentage thresholds without a min and max: not imported (only absolute ones are)');
    return undefined;
  }
  const at = (v: number) => (pct && range ? range.min + (v / 100) * (range.max - range.min) : v);
  const steps = t.steps.filter(isObj);
  const base = grafanaColor(steps[0]?.color) ?? '#56a64b';
  const rest = steps
    .slice(1)
    .filter((s) => typeof s.value === 'number')
    .map((s) => ({ value: at(s.value as number), color: grafanaColor(s.color) ?? base }));
  if (pct) notes.push(`percentage thresholds: placed between ${range!.min} and ${range!.max}`);
  return { base, steps: rest.slice(0, 20) };
}

const SPECIAL: Record<string, 'null' | 'nan' | 'null+nan'> = { null: 'null', nan: 'nan', 'null+nan': 'null+nan' };

/** One mapping's result (text, colour) as the console's. */
function shownOf(r: unknown): { text?: string; color?: string } {
  if (!isObj(r)) return {};
  const text = str(r.text).slice(0, 200);
  const color = grafanaColor(r.color);
  return { ...(text ? { text } : {}), ...(color ? { color } : {}) };
}

/**
 * Grafana's value mappings (value, range, regex, special; Grafana 7's numbered types and legacy
 * singlestat `valueMaps`/`rangeMaps` too), in Grafana's order (each result's `index`).
 */
export function valueMappings(p: Json, defaults: Json, notes: FieldNotes): ValueMapping[] | undefined {
  const out: { at: number; m: ValueMapping }[] = [];
  const push = (m: ValueMapping, at: unknown) => out.push({ at: typeof at === 'number' ? at : out.length, m });
  const list = Array.isArray(defaults.mappings) ? defaults.mappings.filter(isObj) : [];
  for (const g of list) {
    const o = isObj(g.options) ? g.options : {};
    if (g.type === 'value' || g.type === 1) {
      if (g.type === 1) push({ kind: 'value', value: String(g.value ?? ''), ...shownOf(g) }, g.id);
      else
        for (const [value, r] of Object.entries(o))
          push({ kind: 'value', value, ...shownOf(r) }, isObj(r) ? r.index : undefined);
    } else if (g.type === 'range' || g.type === 2) {
      const src = g.type === 2 ? g : o;
      const n = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : Number(v));
      const [from, to] = [n(src.from), n(src.to)];
      const r = g.type === 2 ? g : o.result;
      push(
        {
          kind: 'range',
          ...(Number.isFinite(from) ? { from } : {}),
          ...(Number.isFinite(to) ? { to } : {}),
          ...shownOf(r),
        },
        isObj(r) ? r.index : undefined,
      );
    } else if (g.type === 'regex' && str(o.pattern)) {
      push(
        { kind: 'regex', pattern: str(o.pattern).slice(0, 500), ...shownOf(o.result) },
        isObj(o.result) ? o.result.index : undefined,
      );
    } else if (g.type === 'special' && SPECIAL[str(o.match)]) {
      push(
        { kind: 'special', match: SPECIAL[str(o.match)]!, ...shownOf(o.result) },
        isObj(o.result) ? o.result.index : undefined,
      );
    } else
      notes.push(
        `a value mapping of type ${JSON.stringify(g.type)}${isObj(g.options) && g.options.match ? ` (${str(g.options.match)})` : ''}: not imported`,
      );
  }
  for (const v of Array.isArray(p.valueMaps) ? p.valueMaps.filter(isObj) : [])
    push({ kind: 'value', value: String(v.value ?? ''), ...shownOf(v) }, undefined);
  for (const r of Array.isArray(p.rangeMaps) ? p.rangeMaps.filter(isObj) : []) {
    const [from, to] = [Number(r.from), Number(r.to)];
    push(
      {
        kind: 'range',
        ...(Number.isFinite(from) ? { from } : {}),
        ...(Number.isFinite(to) ? { to } : {}),
        ...shownOf(r),
      },
      undefined,
    );
  }
  const kept = out
    .sort((a, b) => a.at - b.at)
    .map((x) => x.m)
    .filter((m) => {
      if (m.kind !== 'regex') return true;
      try {
        new RegExp(m.pattern);
        return true;
      } catch {
        notes.push(`a regex value mapping /${m.pattern}/ that does not compile: not imported`);
        return false;
      }
    });
  return kept.length ? kept.slice(0, 100) : undefined;
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
    let unitOverride = false;
    for (const prop of Array.isArray(o.properties) ? o.properties.filter(isObj) : []) {
      const id = str(prop.id);
      const v = prop.value;
      if (id === 'color' && isObj(v)) {
        const c = grafanaColor(v.fixedColor);
        if (c) so.color = c;
      } else if (id === 'custom.axisPlacement' && (v === 'right' || v === 'left')) so.axis = v;
      else if (id === 'custom.hideFrom' && isObj(v) && (v.viz === true || v.legend === true)) so.hidden = true;
      else if (id === 'custom.drawStyle' && (v === 'bars' || v === 'points' || v === 'line')) so.draw = v;
      else if (id === 'unit' && typeof v === 'string') {
        // Grafana gives series of another unit an axis of their own: here, the right one.
        if (out.rightUnit && out.rightUnit !== v)
          notes.push(`override of "${what}": a third unit (${v}): drawn on the right axis in ${out.rightUnit}`);
        else out.rightUnit = v;
        unitOverride = true;
      } else if (id === 'displayName' && typeof v === 'string' && v.trim()) so.displayName = v.trim().slice(0, 200);
      else notes.push(`override of "${what}": ${id} is not imported`);
    }
    if (unitOverride && so.axis === undefined) so.axis = 'right';
    if (Object.keys(so).length > 1) overrides.push(so);
  }
  if (overrides.length) out.overrides = overrides.slice(0, 100);
  return out;
}

/** Panel features the console does not carry over, each named for the report. */
export function unsupportedFeatures(p: Json, defaults: Json): string[] {
  // (Single-value kinds take their colour mode as thresholds: grafana-colours.ts.)
  const oneValue = ['stat', 'singlestat', 'gauge', 'bargauge', 'barchart'].includes(str(p.type));
  const out: string[] = [];
  if (Array.isArray(p.transformations) && p.transformations.length)
    out.push(
      `transformations (${p.transformations
        .filter(isObj)
        .map((t) => str(t.id))
        .join(', ')}) are not applied`,
    );
  if (
    !oneValue &&
    isObj(defaults.color) &&
    str(defaults.color.mode) &&
    !['thresholds', 'palette-classic'].includes(str(defaults.color.mode))
  )
    out.push(`colour mode "${str(defaults.color.mode)}": drawn in the console's palette`);
  return out;
}
