import { type AdhocFilter, parseAdhoc } from '../prometheus/adhoc';
import { labelMatcher } from '../prometheus/escape';
import { renderQuery } from '../prometheus/template';
import { formatDurationMs, parseDurationMs } from '../time/duration';
import type { QueryVariableSource, VariableDef, VariableKind } from './variable-types';

const kindOf = (v: VariableDef): VariableKind => v.kind ?? 'label';

/** The choice an interval variable with `auto` offers first: its value follows the range. */
export const AUTO = 'auto';

/** Steps an automatic interval is rounded up to, in seconds: the durations people write. */
const ROUND_STEPS = [
  1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 604_800,
];

/**
 * An "auto" interval for a range: the range cut into `count` steps, rounded up to a duration
 * people write (1m, 5m, 1h, …) and never under `min` (`1h` over 30 steps → 2m).
 */
export function autoInterval(rangeSec: number, auto: { count: number; min: string }): string {
  const raw = rangeSec / Math.max(1, auto.count);
  const round = ROUND_STEPS.find((s) => s >= raw) ?? Math.ceil(raw / 86_400) * 86_400;
  const minSec = (parseDurationMs(auto.min) ?? 0) / 1000;
  return formatDurationMs(Math.max(round, minSec) * 1000);
}

/** Whether a variable offers label values from Prometheus (label and query variables). */
export const fromPrometheus = (v: VariableDef) => kindOf(v) === 'label' || kindOf(v) === 'query';

/** The label whose values a Prometheus-backed variable offers. */
export const labelOf = (v: VariableDef) => (kindOf(v) === 'query' ? (v.labelName ?? v.name) : v.name);

/**
 * The series selector whose label values a variable offers, chained as in Grafana: the label
 * variables before it on the page narrow it (`/llm?provider=openai` offers only the models
 * OpenAI served). Later variables never narrow earlier ones, so a choice can always be changed.
 */
export function variableSource(
  variables: readonly VariableDef[],
  name: string,
  vars: Readonly<Record<string, readonly string[]>>,
): string {
  const at = variables.findIndex((v) => v.name === name);
  if (at < 0) throw new Error(`no variable ${JSON.stringify(name)} on this dashboard`);
  // A selector that names variables before it (Grafana's label_values(m{job="$job"}, …)) has them
  // written in, as in a panel's query; later ones are not known yet and match everything.
  const before = effectiveVars(variables.slice(0, at), vars);
  const own = renderQuery(variables[at]!.source?.trim() ?? '', {
    variables: {
      ...Object.fromEntries(variables.slice(at).map((v) => [`~${v.name}`, [] as string[]])),
      ...Object.fromEntries(
        Object.entries(before).map(([k, v]) => [k.startsWith('~') || k.startsWith('=') ? k : `~${k}`, v]),
      ),
    },
    rateIntervalSec: 60,
  });
  const matchers = variables
    .slice(0, at)
    .filter((v) => kindOf(v) === 'label')
    .map((v) => labelMatcher(v.name, vars[v.name] ?? []))
    .filter((m): m is string => m !== null);
  if (matchers.length === 0) return own;
  if (!own) return `{${matchers.join(',')}}`;
  const close = own.lastIndexOf('}');
  if (close < 0) return `${own}{${matchers.join(',')}}`;
  const inside = own.slice(own.indexOf('{') + 1, close).trim();
  return `${own.slice(0, close)}${inside ? ',' : ''}${matchers.join(',')}${own.slice(close)}`;
}

/** What a Prometheus-backed variable's choices are asked with: label values, label names or a query's result. */
export type ChoicesRequest = { from: QueryVariableSource; label: string; source: string };

export function choicesRequest(v: VariableDef, source: string): ChoicesRequest {
  return { from: kindOf(v) === 'query' ? (v.from ?? 'values') : 'values', label: labelOf(v), source };
}

/**
 * An instant query's result as a query_result() variable lists it, one line per series, as
 * Grafana writes them for its regex: `name{label="value",…} value timestamp_ms`.
 */
export function resultLines(
  series: readonly { labels: Readonly<Record<string, string>>; t: number; value: number | null }[],
): string[] {
  return series.map(({ labels, t, value }) => {
    const inner = Object.entries(labels)
      .filter(([k]) => k !== '__name__')
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(',');
    return `${labels.__name__ ?? ''}{${inner}} ${value ?? 'NaN'} ${Math.round(t * 1000)}`;
  });
}

/** A query variable's values kept by its regex (the first group when it has one), without repeats. */
export function keepByRegex(values: readonly string[], regex: string | undefined): string[] {
  if (!regex) return [...values];
  let re: RegExp;
  try {
    re = new RegExp(regex);
  } catch {
    return [...values];
  }
  const out = new Set<string>();
  for (const v of values) {
    const m = re.exec(v);
    if (m) out.add(m[1] ?? m[0]);
  }
  return [...out];
}

/**
 * Prefixes that tell the query template how a variable is written (lib/prometheus/template.ts):
 * a bare name is a label filter (and `$name` as a regex), `~name` is `$name` as a regex only,
 * `=name` is `$name` as written (intervals, text, constants).
 */
export const REGEX_ONLY = '~';
export const AS_WRITTEN = '=';
/** `+name`: an ad hoc variable's filters, added to every query (lib/prometheus/adhoc.ts). */
export const ADHOC = '+';

/** The ad hoc filters among the values the panels are drawn with (effectiveVars), parsed. */
export function adhocFilters(vars: Readonly<Record<string, readonly string[]>>): AdhocFilter[] {
  return Object.entries(vars)
    .filter(([k]) => k.startsWith(ADHOC))
    .flatMap(([, values]) =>
      values.flatMap((t) => {
        const r = parseAdhoc(t);
        return r.ok ? [r.filter] : [];
      }),
    );
}

/** The values without any ad hoc filters. */
export const withoutAdhoc = (vars: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(vars).filter(([k]) => !k.startsWith(ADHOC)));

/** What is wrong with the ad hoc filters the URL gives, one line each (the bad ones are left out). */
export function adhocProblems(defs: readonly VariableDef[], picked: Readonly<Record<string, readonly string[]>>) {
  return defs
    .filter((d) => kindOf(d) === 'adhoc')
    .flatMap((d) =>
      (picked[d.name] ?? []).flatMap((t) => {
        const r = parseAdhoc(t);
        return r.ok ? [] : [`Filter ${d.name}: ${r.error}; left out.`];
      }),
    );
}

/**
 * The values the panels are drawn with: what the URL picked, or each variable's default (the
 * first value of an interval, "auto" when it offers it, a text box or a constant; none, meaning
 * all, for the others), keyed as the query template reads them. "auto" is worked out for
 * `rangeSec`, the page's range.
 */
export function effectiveVars(
  defs: readonly VariableDef[],
  picked: Readonly<Record<string, readonly string[]>>,
  rangeSec = 3600,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of defs) {
    const chosen = [...(picked[d.name] ?? [])];
    const kind = kindOf(d);
    if (kind === 'label') out[d.name] = chosen;
    else if (kind === 'adhoc') out[`${ADHOC}${d.name}`] = chosen.filter((t) => parseAdhoc(t).ok);
    else if (kind === 'query' || kind === 'custom') out[`${REGEX_ONLY}${d.name}`] = chosen;
    else if (kind === 'interval' && d.auto && (chosen[0] ?? AUTO) === AUTO)
      out[`${AS_WRITTEN}${d.name}`] = [autoInterval(rangeSec, d.auto)];
    else {
      const value = kind === 'constant' ? d.values?.[0] : (chosen[0] ?? d.values?.[0]);
      out[`${AS_WRITTEN}${d.name}`] = [value ?? ''];
    }
  }
  return out;
}

/** The entries of `vars` a panel uses, by the names it lists (however each is keyed). */
export function panelVars(
  names: readonly string[],
  vars: Readonly<Record<string, readonly string[]>>,
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const n of names) {
    for (const key of [n, `${REGEX_ONLY}${n}`, `${AS_WRITTEN}${n}`]) {
      if (vars[key] !== undefined) {
        out[key] = vars[key];
        break;
      }
    }
    // A label variable no value of which is picked is still the panel's (an empty filter).
    if (!Object.keys(out).some((k) => k === n || k.slice(1) === n)) out[n] = [];
  }
  return out;
}
