import { withAdhocFilters } from '../prometheus/adhoc';
import { renderQuery } from '../prometheus/template';
import { hasQueries, type PanelDef, type QueryDef } from './types';
import { adhocFilters, panelVars } from './variables';

/**
 * A panel's queries as they are asked: its templates with the page's variables (a repeat copy's
 * own value over them), range and ad hoc filters written in; and the quantile queries the built-in
 * pages are written with.
 */

export function quantileQueries(
  bucketMetric: string,
  by: string,
  legendBy: string,
  quantiles: number[] = [0.5, 0.95, 0.99],
): QueryDef[] {
  // Quantiles of one series share its colour; the tail ones are drawn dashed.
  const dashes: Record<number, string | undefined> = { 0.5: undefined, 0.9: '6 3', 0.95: '6 3', 0.99: '2 3' };
  return quantiles.map((q) => ({
    choice: `p${Math.round(q * 100)}`,
    ...(quantiles.length > 1 && dashes[q] ? { dash: dashes[q] } : {}),
    expr: `histogram_quantile(${q}, sum by (le${by ? `, ${by}` : ''}) (rate(${bucketMetric}{ {{filter}} }[$__rate_interval])))`,
    legend: `${legendBy}p${Math.round(q * 100)}`,
  }));
}

/** The exemplar selector of a panel, with the page's variables: `metric{filter}`. */
export function exemplarExpr(
  def: PanelDef,
  vars: Readonly<Record<string, readonly string[]>>,
  range: { start: number; end: number; rateInterval: number },
): string | null {
  if (def.kind !== 'timeseries' || !def.exemplars) return null;
  const own = panelVars(def.variables, def.bound ? { ...vars, ...def.bound } : vars);
  const expr = renderQuery(`${def.exemplars}{ {{filter}} }`, {
    variables: own,
    rateIntervalSec: range.rateInterval,
    rangeSec: range.end - range.start,
  });
  return withAdhocFilters(expr, adhocFilters(vars));
}

/** A panel's queries with the page's variables and range filled in. */
export function panelExprs(
  def: PanelDef,
  vars: Readonly<Record<string, readonly string[]>>,
  range: { start: number; end: number; rateInterval: number; step?: number },
): string[] {
  if (!hasQueries(def)) return [];
  const own = panelVars(def.variables, def.bound ? { ...vars, ...def.bound } : vars);
  // The page's ad hoc filters go into every series selector of every query.
  const filters = adhocFilters(vars);
  return def.queries.map((q) =>
    withAdhocFilters(
      renderQuery(q.expr, {
        variables: own,
        rateIntervalSec: range.rateInterval,
        rangeSec: range.end - range.start,
        ...(range.step ? { stepSec: range.step } : {}),
      }),
      filters,
    ),
  );
}
