import { UNITS, type Unit } from '../format/units';

/**
 * Explore's own URL state (the range, refresh and zone are the page's, as on every page):
 * `q` repeated, one per query (A, B, …); `tab` graph, table or json; `unit` the graph's unit when the
 * person picked one (else it is guessed from the first query).
 */
export type ExploreTab = 'graph' | 'table' | 'json';
export type ExploreState = {
  queries: string[];
  tab: ExploreTab;
  unit: Unit | null;
  /** Queries switched off (by index; `off=B` in the URL): kept in the editor, not run. */
  off: number[];
};

export const MAX_QUERIES = 8;
/** A query's name: its place in the list. */
export const LETTERS = 'ABCDEFGH';
export const MAX_QUERY_LENGTH = 20_000;

/**
 * A pane's state; the right-hand pane of a split view has its own keys with the suffix `2`
 * (`q2`, `tab2`, `unit2`, `off2`).
 */
export function parseExplore(sp: URLSearchParams, suffix = ''): { state: ExploreState; notices: string[] } {
  const notices: string[] = [];
  const all = sp.getAll(`q${suffix}`).map((q) => q.trim());
  const queries = all.filter((q) => q.length > 0 && q.length <= MAX_QUERY_LENGTH).slice(0, MAX_QUERIES);
  if (all.some((q) => q.length > MAX_QUERY_LENGTH))
    notices.push(`A query longer than ${MAX_QUERY_LENGTH.toLocaleString('en-US')} characters was left out.`);
  if (all.filter((q) => q.length > 0).length > MAX_QUERIES)
    notices.push(`Only the first ${MAX_QUERIES} queries are shown.`);
  const tab = sp.get(`tab${suffix}`);
  if (tab !== null && tab !== 'graph' && tab !== 'table' && tab !== 'json')
    notices.push(`"tab${suffix}=${tab.slice(0, 20)}" is not graph, table or json.`);
  const unit = sp.get(`unit${suffix}`);
  if (unit !== null && !(UNITS as readonly string[]).includes(unit))
    notices.push(`"unit${suffix}=${unit.slice(0, 20)}" is not one of ${UNITS.join(', ')}; the unit is guessed.`);
  const off = [...new Set(sp.getAll(`off${suffix}`))]
    .map((l) => LETTERS.indexOf(l))
    .filter((i) => i >= 0 && i < queries.length)
    .sort();
  return {
    state: {
      off,
      queries,
      tab: tab === 'table' || tab === 'json' ? tab : 'graph',
      unit: unit !== null && (UNITS as readonly string[]).includes(unit) ? (unit as Unit) : null,
    },
    notices,
  };
}

/** The right-hand pane of a split view: PromQL or a trace search; its range linked to the header's or its own. */
export type SplitState = { split: 'metrics' | 'traces' | null; linked: boolean };

/** Keys of the right-hand pane's trace search carry this prefix (`t_service`, `t_tags`, …). */
export const TRACE_PANE_PREFIX = 't_';

export function parseSplit(sp: URLSearchParams): { split: SplitState; notices: string[] } {
  const raw = sp.get('split');
  const notices: string[] = [];
  if (raw !== null && raw !== 'metrics' && raw !== 'traces')
    notices.push(`"split=${raw.slice(0, 20)}" is not metrics or traces; one pane is shown.`);
  const split = raw === 'metrics' || raw === 'traces' ? raw : null;
  return { split: { split, linked: sp.get('unlink') !== '1' }, notices };
}

/**
 * The unit a query's values are in, from the metric name as Prometheus's naming conventions put
 * it: `_seconds` (also inside histogram_quantile), `_milliseconds`/`_ms`, `_bytes`; a rate of a
 * `_total` counter is per second; a ratio of two rates has no unit.
 */
export function guessUnit(expr: string): Unit {
  const e = expr.replace(/\s+/g, '');
  const metric = /([a-zA-Z_:][a-zA-Z0-9_:]*?)(_bucket|_sum|_count)?(?=\{|\[|\)|$)/.exec(
    e.replace(/^.*?\(([a-zA-Z_:][a-zA-Z0-9_:]*[{[].*)$/, '$1'),
  );
  const name = metric?.[1] ?? e;
  const suffix = metric?.[2] ?? '';
  const isRate = /\b(rate|irate|increase)\(/.test(expr);
  if (/\/\s*(sum|rate|avg|count)/.test(expr) && !/histogram_quantile/.test(expr)) return 'short';
  if (suffix === '_count') return isRate ? 'reqps' : 'short';
  if (/_seconds$/.test(name)) return 's';
  if (/_(milliseconds|ms)$/.test(name)) return 'ms';
  if (/_bytes$/.test(name)) return isRate ? 'bytesps' : 'bytes';
  if (/_total$/.test(name) && isRate) return 'ops';
  return 'short';
}
