import 'server-only';
import type { DashboardDef } from '../dashboards/types';
import { exemplarExpr, panelExprs } from '../dashboards/types';
import { promKeys } from '../queries/prom';
import type { Prefetched, PrefetchResult } from '../queries/prefetched';
import { parseViewState, planViewRange, type RangeSettings, resolveRange } from '../url/view-state';
import { canaryKey } from '../policy/canary-queries';
import { alertsNow, canaryInputs, exemplars, labelValues, rangeQuery } from './prom';
import { errorOf } from './route';

/** A promise that always resolves: to the data, or to the error as the API would have answered it. */
function settle(p: Promise<unknown>): Promise<PrefetchResult> {
  return p.then(
    (data) => ({ ok: true as const, data }),
    (e: unknown) => {
      const { status, code, message } = errorOf(e);
      return { ok: false as const, status, code, message };
    },
  );
}

/**
 * Everything a dashboard page asks for first, started on the server as the request arrives:
 * each panel's range queries and exemplars, the variables' values and the alerts. The promises
 * go to the browser with the page (streamed as each settles), under the same query keys the
 * panels use, so the browser asks for none of it again. Keys are computed exactly as the panels
 * compute them: the same URL parsing, the same request anchor for "now".
 */
export function dashboardPrefetch(dashboard: DashboardDef, search: URLSearchParams, anchorMs: number, settings: RangeSettings): Prefetched[] {
  const { state } = parseViewState(search, { variables: dashboard.variables.map((v) => v.name) }, anchorMs);
  const range = planViewRange(state, anchorMs, settings);
  const out: Prefetched[] = [];
  const seen = new Set<string>();
  const add = (key: readonly unknown[], load: () => Promise<unknown>, inline = false) => {
    const id = JSON.stringify(key);
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ key, promise: settle(load()), inline });
  };
  for (const p of dashboard.panels) {
    for (const query of panelExprs(p, state.vars, range)) {
      add(promKeys.range({ query, start: range.start, end: range.end, step: range.step }), () => rangeQuery(query, range.start, range.end, range.step), true);
    }
    const ex = exemplarExpr(p, state.vars, range);
    if (ex) add(promKeys.exemplars(ex, range.start, range.end), () => exemplars(ex, range.start, range.end), true);
  }
  for (const v of dashboard.variables) {
    add(promKeys.labelValues(v.name, v.source, range.start, range.end), () => labelValues(v.name, [v.source], range.start, range.end));
  }
  add(promKeys.alerts(anchorMs), () => alertsNow());
  return out;
}

/**
 * The canary verdict's inputs for the page's range, as the API sends them (through JSON: the
 * +Inf bucket's bound arrives as null), read by the verdict while it renders.
 */
export function canaryPrefetch(search: URLSearchParams, anchorMs: number): Prefetched[] {
  const { state } = parseViewState(search, { variables: [] }, anchorMs);
  const { fromMs, toMs } = resolveRange(state, anchorMs);
  const start = Math.floor(fromMs / 1000);
  const end = Math.floor(toMs / 1000);
  if (!(end > start)) return [];
  const load = canaryInputs(start, end).then((d) => JSON.parse(JSON.stringify(d)) as unknown);
  return [{ key: canaryKey(start, end), promise: settle(load), inline: true }];
}
