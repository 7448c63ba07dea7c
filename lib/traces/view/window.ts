/**
 * The waterfall's rows for a view (collapse state, filters, search) and a window of them: the
 * browser asks only for the rows it shows, so a million-span trace never crosses the wire whole.
 * One O(n) pass per distinct view; the caller caches the last few.
 */
import { haystackOf, indexOfSpan, parentIdOf, spanIdOf, type GenAi } from './trace-index';
import type { PreparedTrace } from './prepare';

export type ViewSpec = {
  /** false: all expanded except `toggled`; true: all collapsed except `toggled` */
  collapseAll: boolean;
  toggled: string[];
  hideServices: string[];
  minDurationNs: number;
  criticalOnly: boolean;
  /** case-insensitive text matched against name, service, span id and attributes */
  search: string;
  matchesOnly: boolean;
};

export const DEFAULT_VIEW: ViewSpec = {
  collapseAll: false,
  toggled: [],
  hideServices: [],
  minDurationNs: 0,
  criticalOnly: false,
  search: '',
  matchesOnly: false,
};

export type ComputedView = {
  /** span indices of the visible rows, in order */
  rows: Int32Array;
  /** spans a filter (service, duration, critical only, matches only) hides, wherever they are */
  hidden: number;
  /** spans inside collapsed subtrees */
  collapsedAway: number;
  /** spans matching the search, shown or not */
  matchCount: number;
  /** row numbers of the visible matches (for next / previous), at most MAX_MATCH_ROWS */
  matchRows: number[];
};

const MAX_MATCH_ROWS = 10_000;

export function viewKey(v: ViewSpec): string {
  return JSON.stringify([
    v.collapseAll,
    [...v.toggled].sort(),
    [...v.hideServices].sort(),
    v.minDurationNs,
    v.criticalOnly,
    v.search.toLowerCase(),
    v.matchesOnly,
  ]);
}

export function computeView(pt: PreparedTrace, v: ViewSpec): ComputedView {
  const { ix } = pt;
  const toggled = new Set<number>();
  for (const id of v.toggled) {
    const i = indexOfSpan(ix, id);
    if (i >= 0) toggled.add(i);
  }
  const hiddenServices = new Set<number>();
  for (const s of v.hideServices) {
    const k = ix.strings.indexOf(s);
    if (k >= 0) hiddenServices.add(k);
  }
  const needle = v.search.trim().toLowerCase();
  const isMatch = (i: number) => needle !== '' && haystackOf(ix, i).includes(needle);
  const passes = (i: number) =>
    !hiddenServices.has(ix.service[i]!) &&
    ix.dur[i]! >= v.minDurationNs &&
    (!v.criticalOnly || pt.critical[i] === 1) &&
    (!v.matchesOnly || needle === '' || isMatch(i));
  let hidden = 0;
  let matchCount = 0;
  for (let i = 0; i < ix.n; i++) {
    if (!passes(i)) hidden++;
    if (isMatch(i)) matchCount++;
  }
  const rows = new Int32Array(ix.n);
  let r = 0;
  let collapsedAway = 0;
  const matchRows: number[] = [];
  for (let q = 0; q < ix.n;) {
    const i = ix.order[q]!;
    if (passes(i)) {
      if (needle !== '' && matchRows.length < MAX_MATCH_ROWS && isMatch(i)) matchRows.push(r);
      rows[r++] = i;
    }
    const collapsed = ix.childCount[i]! > 0 && (v.collapseAll ? !toggled.has(i) : toggled.has(i));
    if (collapsed) {
      collapsedAway += ix.subtree[i]! - 1;
      q += ix.subtree[i]!;
    } else q++;
  }
  return { rows: rows.slice(0, r), hidden, collapsedAway, matchCount, matchRows };
}

export type WaterfallRow = {
  row: number;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  /** colour index: the service's rank of first appearance */
  serviceRank: number;
  depth: number;
  /** ns from the trace start, as received */
  start: number;
  /** ns by which the skew correction moves this span (0 when it does not) */
  shift: number;
  dur: number;
  self: number;
  childCount: number;
  collapsed: boolean;
  critical: boolean;
  error: boolean;
  kind: number;
  skewed: boolean;
  missingParent: boolean;
  match: boolean;
  /** event times, ns from the trace start */
  events?: number[];
  genAi?: GenAi;
};

export function isCollapsed(pt: PreparedTrace, v: ViewSpec, i: number): boolean {
  if (pt.ix.childCount[i] === 0) return false;
  const t = v.toggled.includes(spanIdOf(pt.ix, i));
  return v.collapseAll ? !t : t;
}

export function rowAt(pt: PreparedTrace, v: ViewSpec, cv: ComputedView, r: number): WaterfallRow {
  const { ix } = pt;
  const i = cv.rows[r]!;
  const needle = v.search.trim().toLowerCase();
  const row: WaterfallRow = {
    row: r,
    spanId: spanIdOf(ix, i),
    name: ix.strings[ix.name[i]!]!,
    service: ix.strings[ix.service[i]!]!,
    serviceRank: pt.serviceRank[i]!,
    depth: ix.depth[i]!,
    start: ix.start[i]!,
    shift: pt.shift[i]!,
    dur: ix.dur[i]!,
    self: pt.self[i]!,
    childCount: ix.childCount[i]!,
    collapsed: isCollapsed(pt, v, i),
    critical: pt.critical[i] === 1,
    error: ix.error[i] === 1,
    kind: ix.kind[i]!,
    skewed: pt.skewed[i] === 1,
    missingParent: ix.missingParent[i] === 1,
    match: needle !== '' && haystackOf(ix, i).includes(needle),
  };
  const pid = parentIdOf(ix, i);
  if (pid !== undefined) row.parentSpanId = pid;
  const ev = ix.events[i];
  if (ev) row.events = Array.from(ev);
  const g = ix.genAi[i];
  if (g) row.genAi = g;
  return row;
}

export type RowWindow = {
  total: number;
  hidden: number;
  collapsedAway: number;
  matchCount: number;
  matchRows: number[];
  offset: number;
  rows: WaterfallRow[];
  /** the row of the focused span, null when it is hidden or collapsed away */
  focusRow: number | null;
};

export const MAX_WINDOW = 2000;

export function windowOf(
  pt: PreparedTrace,
  v: ViewSpec,
  cv: ComputedView,
  offset: number,
  limit: number,
  focus?: string,
): RowWindow {
  const from = Math.max(0, Math.min(offset, cv.rows.length));
  const to = Math.min(cv.rows.length, from + Math.min(limit, MAX_WINDOW));
  const rows: WaterfallRow[] = [];
  for (let r = from; r < to; r++) rows.push(rowAt(pt, v, cv, r));
  let focusRow: number | null = null;
  if (focus) {
    const i = indexOfSpan(pt.ix, focus);
    if (i >= 0) {
      const r = cv.rows.indexOf(i);
      focusRow = r >= 0 ? r : null;
    }
  }
  return {
    total: cv.rows.length,
    hidden: cv.hidden,
    collapsedAway: cv.collapsedAway,
    matchCount: cv.matchCount,
    matchRows: cv.matchRows,
    offset: from,
    rows,
    focusRow,
  };
}
