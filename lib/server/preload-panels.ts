import 'server-only';
import { preload } from 'react-dom';
import { panelExprs, type DashboardDef } from '../dashboards/types';
import { planRange } from '../prometheus/step';
import { rangeQueryUrl } from '../queries/prom';
import { parseViewState, resolveRange } from '../url/view-state';

/**
 * Ask the browser to fetch every panel's data while the page's JavaScript is still loading:
 * the client later requests exactly these URLs (same range plan, same anchor) and gets the
 * preloaded answers instead of starting only after hydration.
 */
export function preloadPanels(
  dashboard: DashboardDef,
  searchParams: Record<string, string | string[] | undefined>,
  settings: { maxDataPoints: number; scrapeIntervalSec: number },
  anchorMs: number,
) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(searchParams)) {
    for (const item of Array.isArray(v) ? v : v === undefined ? [] : [v]) params.append(k, item);
  }
  const { state } = parseViewState(params, { variables: dashboard.variables.map((v) => v.name) }, anchorMs);
  const { fromMs, toMs } = resolveRange(state, anchorMs);
  const range = planRange(fromMs / 1000, toMs / 1000, settings);
  for (const panel of dashboard.panels) {
    for (const query of panelExprs(panel, state.vars, range)) {
      preload(rangeQueryUrl({ query, start: range.start, end: range.end, step: range.step }), { as: 'fetch', crossOrigin: 'anonymous' });
    }
  }
}
