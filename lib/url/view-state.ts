import { parseZoneSetting } from '../format/time-zone';
import { isLabelName } from '../prometheus/escape';
import { planRange } from '../prometheus/step';
import { parseDurationMs } from '../time/duration';
import { parseTimeExpr, REFRESH_OPTIONS, type RefreshOption, resolveTimeExpr } from './time';

/**
 * The share-a-URL contract for dashboard pages: `from`, `to`, `refresh`, and one repeated
 * param per template variable, named after its label. Parsing never throws: a bad param falls
 * back to its default and adds a notice that says what was wrong.
 */
export type ViewState = {
  from: string;
  to: string;
  refresh: RefreshOption;
  /** Compare with a shifted range (`shift=1d`): every time series panel overlays its series this long ago. */
  shift: string | null;
  vars: Record<string, string[]>;
};

export type ViewSpec = { variables: readonly string[]; defaultFrom?: string };

export const DEFAULT_FROM = 'now-1h';
export const DEFAULT_TO = 'now';
const MAX_VALUES = 100;
const MAX_VALUE_LENGTH = 1024;

export function defaultViewState(spec: ViewSpec): ViewState {
  return {
    from: spec.defaultFrom ?? DEFAULT_FROM,
    to: DEFAULT_TO,
    refresh: 'off',
    shift: null,
    vars: Object.fromEntries(spec.variables.map((v) => [v, []])),
  };
}

export function parseViewState(
  params: URLSearchParams,
  spec: ViewSpec,
  nowMs: number = Date.now(),
): { state: ViewState; notices: string[] } {
  const state = defaultViewState(spec);
  const notices: string[] = [];
  const from = params.get('from');
  const to = params.get('to');
  const fromExpr = from === null ? null : parseTimeExpr(from);
  const toExpr = to === null ? null : parseTimeExpr(to);
  if (from !== null && !fromExpr) notices.push(`"from=${clip(from)}" is not a time; showing ${state.from} instead.`);
  if (to !== null && !toExpr) notices.push(`"to=${clip(to)}" is not a time; showing ${state.to} instead.`);
  const candFrom = fromExpr ? (from as string).trim() : state.from;
  const candTo = toExpr ? (to as string).trim() : state.to;
  const fMs = resolveTimeExpr(parseTimeExpr(candFrom)!, nowMs);
  const tMs = resolveTimeExpr(parseTimeExpr(candTo)!, nowMs);
  if (fMs < tMs) {
    state.from = candFrom;
    state.to = candTo;
  } else {
    notices.push(
      `"from" (${clip(candFrom)}) is not before "to" (${clip(candTo)}); showing ${state.from} to ${state.to} instead.`,
    );
  }

  const refresh = params.get('refresh');
  if (refresh !== null) {
    if ((REFRESH_OPTIONS as readonly string[]).includes(refresh)) state.refresh = refresh as RefreshOption;
    else notices.push(`"refresh=${clip(refresh)}" is not one of ${REFRESH_OPTIONS.join(', ')}; auto-refresh is off.`);
  }

  const shift = params.get('shift');
  if (shift !== null) {
    if (parseShiftSec(shift) !== null) state.shift = shift.trim();
    else
      notices.push(
        `"shift=${clip(shift)}" is not a time shift between 1m and 1y (such as 1d or 1w); comparison is off.`,
      );
  }

  const tz = params.get('tz');
  if (tz !== null && parseZoneSetting(tz) === null)
    notices.push(
      `"tz=${clip(tz)}" is not a time zone (use UTC, browser or a name such as Europe/Berlin); times are shown in your own zone.`,
    );

  for (const name of spec.variables) {
    if (!isLabelName(name)) continue;
    const values = [...new Set(params.getAll(name))];
    const ok = values.filter((v) => v.length > 0 && v.length <= MAX_VALUE_LENGTH);
    if (ok.length < values.length) notices.push(`Some "${name}" values were empty or too long and were ignored.`);
    if (ok.length > MAX_VALUES) notices.push(`Only the first ${MAX_VALUES} "${name}" values are used.`);
    state.vars[name] = ok.slice(0, MAX_VALUES);
  }
  return { state, notices };
}

/** The URL params for a state; params the page does not own are kept as they were. */
export function serializeViewState(state: ViewState, keep?: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  if (keep) {
    for (const [k, v] of keep) {
      if (k === 'from' || k === 'to' || k === 'refresh' || k === 'shift' || k in state.vars) continue;
      out.append(k, v);
    }
  }
  out.set('from', state.from);
  out.set('to', state.to);
  if (state.refresh !== 'off') out.set('refresh', state.refresh);
  if (state.shift) out.set('shift', state.shift);
  for (const name of Object.keys(state.vars).sort()) {
    for (const v of state.vars[name] ?? []) out.append(name, v);
  }
  return out;
}

/** Resolve a state's range to absolute epoch milliseconds. */
export function resolveRange(state: Pick<ViewState, 'from' | 'to'>, nowMs: number): { fromMs: number; toMs: number } {
  return {
    fromMs: resolveTimeExpr(parseTimeExpr(state.from)!, nowMs),
    toMs: resolveTimeExpr(parseTimeExpr(state.to)!, nowMs),
  };
}

export type RangeSettings = { maxDataPoints: number; scrapeIntervalSec: number };

/**
 * The range a dashboard's panels query: the state's from/to resolved against `nowMs`, with step
 * and rate interval. The browser and the server's prefetch both call this, so their query keys match.
 */
export function planViewRange(state: Pick<ViewState, 'from' | 'to'>, nowMs: number, settings: RangeSettings) {
  const { fromMs, toMs } = resolveRange(state, nowMs);
  return planRange(fromMs / 1000, toMs / 1000, settings);
}

/** A Next.js `searchParams` object as URLSearchParams (repeated params kept in order). */
export function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(record))
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, x);
  return out;
}

/** The same view with its range pinned to absolute times: what "Copy absolute link" shares. */
export function absoluteState(state: ViewState, nowMs: number): ViewState {
  const { fromMs, toMs } = resolveRange(state, nowMs);
  return { ...state, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), refresh: 'off' };
}

/** The presets offered beside the range ("compare with 1 day ago"); any duration from 1m to 1y is taken. */
export const SHIFT_PRESETS = ['1h', '1d', '1w'] as const;

/** A `shift` value in seconds, or null when it is not a duration from one minute to a year. */
export function parseShiftSec(input: string): number | null {
  const ms = parseDurationMs(input.trim());
  if (ms === null || ms < 60_000 || ms > 366 * 86_400_000) return null;
  return ms / 1000;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * The URL a dashboard opens on when this one names no range: the dashboard's own default range
 * (and auto-refresh) written in, as Grafana does on load; null when there is nothing to add.
 */
export function withOpeningDefaults(
  params: URLSearchParams,
  d: { time?: { from: string; to: string }; refresh?: string },
): URLSearchParams | null {
  const out = new URLSearchParams(params);
  let added = false;
  if (d.time && !params.has('from') && !params.has('to')) {
    out.set('from', d.time.from);
    out.set('to', d.time.to);
    added = true;
  }
  if (d.refresh && d.refresh !== 'off' && !params.has('refresh')) {
    out.set('refresh', d.refresh);
    added = true;
  }
  return added ? out : null;
}
