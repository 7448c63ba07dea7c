import { escapeRegex, escapeString, labelMatcher } from './escape';
import { formatDurationMs } from '../time/duration';

/**
 * Query templates are written by us (dashboards are data); only variable values come from the
 * user. Placeholders:
 *   {{filter}}          the matchers of every variable the panel uses, comma-joined (or nothing)
 *   $__rate_interval    the rate window for the panel's step (e.g. 1m)
 *   $__range            the whole range (e.g. 1h), for instant queries over the window
 *   $__range_s, $__range_ms, $__interval (the step), $__interval_ms   as Grafana has them
 *   $name ${name} ${name:regex} ${name:pipe} [[name]]
 *                       a variable of the panel as Grafana writes it (imported dashboards): its
 *                       values as an escaped regex alternation, `.*` when none is picked
 */
export type TemplateContext = {
  variables: Readonly<Record<string, readonly string[]>>;
  rateIntervalSec: number;
  rangeSec?: number;
  /** the query's step: Grafana's $__interval */
  stepSec?: number;
};

/** Keys of a template's variables that are not label filters (lib/dashboards/variables.ts). */
const NOT_A_FILTER = /^[~=+]/;

export function renderFilter(variables: Readonly<Record<string, readonly string[]>>): string {
  return Object.keys(variables)
    .filter((name) => !NOT_A_FILTER.test(name))
    .sort()
    .map((name) => labelMatcher(name, variables[name] ?? []))
    .filter((m): m is string => m !== null)
    .join(',');
}

/** Every placeholder, in one pass: what is substituted is never read again as a placeholder. */
const PLACEHOLDER =
  /\$__rate_interval|\$__range_ms|\$__range_s|\$__range|\$__interval_ms|\$__interval|\{\{filter\}\}|\$\{(\w+)(?::(\w+))?\}|\[\[(\w+)\]\]|\$(\w+)/g;

/**
 * A variable's values where Grafana's `$var` stands, in the format asked for: by default (and
 * `regex`) an escaped regex alternation for a matcher, `.*` when none is picked; `pipe` and
 * `csv` join the values as they are; `raw`/`text` the values comma-joined.
 */
function variableText(values: readonly string[], format: string | undefined): string {
  switch (format) {
    case 'pipe':
      return escapeString(values.join('|'));
    case 'csv':
    case 'raw':
    case 'text':
      return escapeString(values.join(','));
    default:
      return values.length === 0 ? '.*' : escapeString(values.map(escapeRegex).join('|'));
  }
}

export function renderQuery(template: string, ctx: TemplateContext): string {
  const filter = renderFilter(ctx.variables);
  return template.replace(PLACEHOLDER, (m, braced?: string, format?: string, bracketed?: string, bare?: string) => {
    if (m === '$__rate_interval') return formatDurationMs(ctx.rateIntervalSec * 1000);
    const rangeSec = ctx.rangeSec ?? 3600;
    const stepSec = ctx.stepSec ?? ctx.rateIntervalSec / 4;
    if (m === '$__range') return formatDurationMs(rangeSec * 1000);
    if (m === '$__range_s') return String(Math.round(rangeSec));
    if (m === '$__range_ms') return String(Math.round(rangeSec * 1000));
    if (m === '$__interval') return formatDurationMs(stepSec * 1000);
    if (m === '$__interval_ms') return String(Math.round(stepSec * 1000));
    if (m === '{{filter}}') return filter;
    const name = braced ?? bracketed ?? bare ?? '';
    const written = ctx.variables[`=${name}`];
    if (written !== undefined) return written[0] ?? '';
    const values = ctx.variables[name] ?? ctx.variables[`~${name}`];
    return values === undefined ? m : variableText(values, format);
  });
}
