import { labelMatcher } from './escape';
import { formatDurationMs } from '../time/duration';

/**
 * Query templates are written by us (dashboards are data); only variable values come from the
 * user. Placeholders:
 *   {{filter}}          the matchers of every variable the panel uses, comma-joined (or nothing)
 *   $__rate_interval    the rate window for the panel's step (e.g. 1m)
 *   $__range            the whole range (e.g. 1h), for instant queries over the window
 */
export type TemplateContext = {
  variables: Readonly<Record<string, readonly string[]>>;
  rateIntervalSec: number;
  rangeSec?: number;
};

export function renderFilter(variables: Readonly<Record<string, readonly string[]>>): string {
  return Object.keys(variables)
    .sort()
    .map((name) => labelMatcher(name, variables[name] ?? []))
    .filter((m): m is string => m !== null)
    .join(',');
}

export function renderQuery(template: string, ctx: TemplateContext): string {
  const filter = renderFilter(ctx.variables);
  // Values go in last, so that nothing a user typed is ever read as a placeholder.
  return template
    .replaceAll('$__rate_interval', formatDurationMs(ctx.rateIntervalSec * 1000))
    .replaceAll('$__range', formatDurationMs((ctx.rangeSec ?? 3600) * 1000))
    .replaceAll('{{filter}}', () => filter);
}
