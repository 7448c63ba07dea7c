import type { PreparedTrace } from './prepare';
import { spanIdOf } from './trace-index';

/** One block of the flame graph: a span, or several spans too small to tell apart merged into one. */
export type FlameBlock = {
  /** the row it is drawn on: its depth, or further down where parallel siblings take the rows above */
  depth: number;
  /** ns from the trace start; on the window's time axis */
  start: number;
  dur: number;
  /** 1 for a span; more for a merged block of small neighbours at one depth */
  count: number;
  spanId?: string;
  name?: string;
  service: number;
  error: 0 | 1;
  critical: 0 | 1;
};

export type FlameLayout = {
  window: [number, number];
  depth: number;
  blocks: FlameBlock[];
  /** spans in the window */
  spans: number;
  /** blocks dropped past MAX_BLOCKS (the deepest first go) */
  truncated: boolean;
};

export const MAX_BLOCKS = 20_000;

/**
 * The trace as a flame graph: each span a block at its depth, as wide as it lasts, over a time
 * window (the waterfall's zoom). Spans narrower than one of `columns` slices of the window are
 * merged with their small neighbours at the same depth, so a million-span trace is a few thousand
 * blocks; a merged block says how many spans it holds. Spans outside the window are left out and
 * blocks are clipped to it.
 */
export function flameLayout(pt: PreparedTrace, window: [number, number], columns = 1200): FlameLayout {
  const { ix } = pt;
  const [w0, w1] = window;
  const span = Math.max(w1 - w0, 1);
  const minDur = span / columns;
  const blocks: FlameBlock[] = [];
  // Each row's blocks (as time intervals) and the merged block still open on it.
  const rows: { taken: [number, number][]; open?: FlameBlock }[] = [];
  const rowOf = new Int32Array(ix.n).fill(-1);
  let spans = 0;
  let depth = 0;
  const blockOf = (i: number, row: number, cs: number, ce: number): FlameBlock => ({
    depth: row,
    start: cs,
    dur: ce - cs,
    count: 1,
    spanId: spanIdOf(ix, i),
    name: ix.strings[ix.name[i]!],
    service: pt.serviceRank[i]!,
    error: ix.error[i] ? 1 : 0,
    critical: pt.critical[i] ? 1 : 0,
  });
  const free = (r: number, cs: number, ce: number) => !(rows[r]?.taken ?? []).some(([a, b]) => a < ce && cs < b);
  // Pre-order, children by start. A span goes on the first row below its parent's that is free
  // over its time: parallel siblings (DAG, swarm agents) get rows of their own instead of
  // covering each other.
  for (let p = 0; p < ix.n; p++) {
    const i = ix.order[p]!;
    const s = ix.start[i]! + pt.shift[i]!;
    const e = s + ix.dur[i]!;
    if (e < w0 || s > w1) continue;
    spans++;
    const cs = Math.max(s, w0);
    const ce = Math.min(e, w1);
    const parent = ix.parent[i]!;
    let r = parent >= 0 && rowOf[parent]! >= 0 ? rowOf[parent]! + 1 : ix.depth[i]!;
    const small = ce - cs < minDur;
    for (; ; r++) {
      const row = (rows[r] ??= { taken: [] });
      const m = row.open;
      // A small span joins the row's open merged block when it starts within one slice of its end.
      if (small && m && cs >= m.start && cs - (m.start + m.dur) <= minDur) {
        m.dur = Math.max(m.dur, ce - m.start);
        m.count++;
        m.error = m.error || (ix.error[i] ? 1 : 0);
        m.critical = m.critical || (pt.critical[i] ? 1 : 0);
        row.taken[row.taken.length - 1] = [m.start, m.start + m.dur];
        break;
      }
      if (!free(r, cs, ce)) continue;
      const b = blockOf(i, r, cs, ce);
      blocks.push(b);
      row.taken.push([cs, ce]);
      row.open = small ? b : undefined;
      break;
    }
    rowOf[i] = r;
    if (r + 1 > depth) depth = r + 1;
  }
  // A merged block names no single span.
  for (const b of blocks)
    if (b.count > 1) {
      delete b.spanId;
      delete b.name;
    }
  const truncated = blocks.length > MAX_BLOCKS;
  const kept = truncated ? blocks.sort((a, b) => a.depth - b.depth).slice(0, MAX_BLOCKS) : blocks;
  return { window, depth, blocks: kept, spans, truncated };
}
