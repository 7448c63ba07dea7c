import 'server-only';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { installPromqlParser } from '../prometheus/adhoc';
import { panelsAtLoad } from '../dashboards/layout';
import { expandRepeats, repeatVariables } from '../dashboards/repeat';
import type { DashboardDef, PanelDef } from '../dashboards/types';
import { pickedChoices, withChoices } from '../dashboards/choices';
import { choicesRequest, effectiveVars, fromPrometheus, keepByRegex, variableSource } from '../dashboards/variables';
import { annotationQueries } from '../annotations/queries';
import { ANNOTATIONS_PARAM, annotationSources } from '../annotations/sources';
import { exemplarExpr, panelExprs } from '../dashboards/panel-queries';
import { promKeys } from '../queries/prom';
import type { Prefetched, PrefetchResult } from '../queries/prefetched';
import { parseViewState, parseShiftSec, planViewRange, type RangeSettings, resolveRange } from '../url/view-state';
import { canaryKey } from '../policy/canary-queries';
import { alertsNow, canaryInputs, exemplars, instantQuery, rangeQuery, targetsNow } from './prom';
import { variableChoices } from './prom-meta';
import { SLO_TILES } from '../overview/slo';
import { getConfig } from '../config';
import { requestAnchorMs } from './request-anchor';
import { headers } from 'next/headers';
import { errorOf } from './route';

// The server starts pages' queries with their ad hoc filters in them (the browser loads it on demand).
installPromqlParser(promqlParser);

/**
 * A promise that always resolves: to the data, or to the error as the API would have answered it.
 * Once settled it carries React's marks of a settled promise (`status`, `value`), so that a page
 * rendered after it settled sends its value inline and `use()` reads it without suspending.
 */
export function settle(p: Promise<unknown>): Promise<PrefetchResult> {
  const out: Promise<PrefetchResult> & { status?: 'fulfilled'; value?: PrefetchResult } = p.then(
    (data) => ({ ok: true as const, data }),
    (e: unknown) => {
      const { status, code, message } = errorOf(e);
      return { ok: false as const, status, code, message };
    },
  );
  void out.then((v) => {
    out.status = 'fulfilled';
    out.value = v;
  });
  return out;
}

/**
 * The entries with every answer that has settled by now as its value instead of its promise: sent
 * inline with the page, a component reads it while rendering without waiting (a promise, even a
 * settled one, reaches the server's own render of client components a moment later, and the
 * panel would be streamed, and revealed, separately).
 */
export function withSettled(entries: readonly Prefetched[]): Prefetched[] {
  return entries.map((e) => {
    const p = e.answer as { status?: string; value?: PrefetchResult };
    return p.status === 'fulfilled' && p.value ? { ...e, answer: p.value } : e;
  });
}

/** Resolves when every promise has settled, or after `ms`, whichever comes first. */
export function settledWithin(promises: readonly unknown[], ms: number): Promise<void> {
  if (promises.length === 0 || ms <= 0) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    Promise.all(promises).then(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Everything a dashboard page asks for first, started on the server as the request arrives:
 * each panel's range queries and exemplars, the variables' values and the alerts. The promises
 * go to the browser with the page (streamed as each settles), under the same query keys the
 * panels use, so the browser asks for none of it again. Keys are computed exactly as the panels
 * compute them: the same URL parsing, the same request anchor for "now".
 */
export function dashboardPrefetch(
  dashboard: DashboardDef,
  search: URLSearchParams,
  anchorMs: number,
  settings: RangeSettings,
  /** Answers started later, still with the page: the copies of a repeat by every value of a variable. */
  later?: (entries: Promise<Prefetched[]>) => void,
): Prefetched[] {
  const { state } = parseViewState(search, { variables: dashboard.variables.map((v) => v.name) }, anchorMs);
  const range = planViewRange(state, anchorMs, settings);
  const vars = effectiveVars(dashboard.variables, state.vars, range.end - range.start);
  let out: Prefetched[] = [];
  const seen = new Set<string>();
  const add = (key: readonly unknown[], load: () => Promise<unknown>, inline = false) => {
    const id = JSON.stringify(key);
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ key, answer: settle(load()), inline });
  };
  const shiftSec = state.shift ? (parseShiftSec(state.shift) ?? 0) : 0;
  const rangeSec = range.end - range.start;
  // Repeats are drawn for the values picked (or a custom variable's own); those repeating by every
  // value a variable offers start once its values are read (below).
  const drawn = expandRepeats(dashboard, state.vars, () => undefined, rangeSec);
  startPanels(drawn);
  function startPanels(d: ReturnType<typeof expandRepeats>) {
    for (const panel of panelsAtLoad(d, search)) {
      if (d.waiting.has(panel.id)) continue;
      startPanel(panel);
    }
  }
  function startPanel(panel: PanelDef) {
    const p = withChoices(panel, pickedChoices(panel, search));
    for (const query of panelExprs(p, vars, range)) {
      // With a comparison, time series panels draw the same queries over the earlier range too.
      const starts = shiftSec && p.kind === 'timeseries' ? [range.start, range.start - shiftSec] : [range.start];
      for (const start of starts) {
        const end = range.end - (range.start - start);
        add(
          promKeys.range({ query, start, end, step: range.step }),
          () => rangeQuery(query, start, end, range.step),
          true,
        );
      }
    }
    const ex = exemplarExpr(p, vars, range);
    if (ex)
      add(
        promKeys.exemplars(ex, range.start, range.end, range.step),
        () => exemplars(ex, range.start, range.end, undefined, range.step),
        true,
      );
  }
  // The annotations every time series chart marks (read while the panels render).
  if (search.get(ANNOTATIONS_PARAM) !== 'off' && dashboard.panels.some((p) => p.kind === 'timeseries')) {
    for (const q of annotationQueries(annotationSources(dashboard), range))
      add(promKeys.range(q), () => rangeQuery(q.query, q.start, q.end, q.step), true);
  }
  const offered = new Map<string, Promise<string[]>>();
  for (const v of dashboard.variables.filter(fromPrometheus)) {
    const r = choicesRequest(v, variableSource(dashboard.variables, v.name, state.vars));
    const load = variableChoices(r, range.start, range.end);
    const values = load.then((c) => keepByRegex(c.values, v.regex));
    values.catch(() => undefined); // (its failure is the choices entry's to tell)
    offered.set(v.name, values);
    add(promKeys.choices(r, range.start, range.end), () => load);
  }
  add(promKeys.alerts(anchorMs), () => alertsNow(), true);
  // The copies of a repeat by every value: worked out from the same values the browser gets, as it
  // will (lib/dashboards/repeat.ts), and their answers started with the page.
  const all = repeatVariables(dashboard).filter((v) => offered.has(v.name) && !state.vars[v.name]?.length);
  if (later && drawn.waiting.size > 0 && all.length > 0) {
    const first = out;
    later(
      Promise.all(all.map(async (v) => [v.name, await offered.get(v.name)!] as const)).then(
        (known) => {
          out = [];
          const values = new Map(known);
          startPanels(expandRepeats(dashboard, state.vars, (n) => values.get(n), rangeSec));
          return out;
        },
        () => [], // the variable's values failed: the browser says so
      ),
    );
    return first;
  }
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
  return [{ key: canaryKey(start, end), answer: settle(load), inline: true }];
}

/** The overview's answers: the scrape targets, each SLO tile's value now, the alerts. */
export function overviewPrefetch(anchorMs: number): Prefetched[] {
  const anchorSec = Math.floor(anchorMs / 1000);
  return [
    { key: promKeys.targets(anchorMs), answer: settle(targetsNow()), inline: true },
    ...SLO_TILES.map((t) => ({
      key: promKeys.instant(t.expr, anchorSec),
      answer: settle(instantQuery(t.expr, anchorSec)),
      inline: true,
    })),
    { key: promKeys.alerts(anchorMs), answer: settle(alertsNow()), inline: true },
  ];
}

/**
 * A page's answers, started on the server as the request arrives (a full page load only: after a
 * navigation inside the app the browser keeps its own "now", and asks for itself). Waits up to
 * PAGE_DATA_WAIT for them; those settled by then are sent as values, the rest stream.
 */
export async function pageAnswers(
  start: (anchorMs: number, later: (entries: Promise<Prefetched[]>) => void) => Prefetched[],
): Promise<Prefetched[]> {
  if ((await headers()).has('rsc')) return [];
  const until = Date.now() + getConfig().pageDataWaitMs;
  const later: Promise<Prefetched[]>[] = [];
  const started = start(requestAnchorMs(), (p) => later.push(p));
  await settledWithin(
    started.map((e) => e.answer),
    until - Date.now(),
  );
  // Answers started later (a repeat's copies, once its variable's values are read) go with the
  // page when they are started within the same wait; the page waits for them as for the rest.
  if (later.length) {
    let more: Prefetched[] = [];
    await settledWithin([Promise.all(later).then((l) => void (more = l.flat()))], until - Date.now());
    started.push(...more);
    await settledWithin(
      more.map((e) => e.answer),
      until - Date.now(),
    );
  }
  return withSettled(started);
}
