import type { PreparedTrace } from './prepare';
import { spanIdOf } from './trace-index';

/** One block of the flame graph: a span, or several spans too small to tell apart merged into one. */
export type FlameBlock = {
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
  // Per depth, the merged block still open (small spans that follow one another).
  const open = new Map<number, FlameBlock>();
  let spans = 0;
  let depth = 0;
  const blockOf = (i: number, cs: number, ce: number): FlameBlock => ({
    depth: ix.depth[i]!,
    start: cs,
    dur: ce - cs,
    count: 1,
    spanId: spanIdOf(ix, i),
    name: ix.strings[ix.name[i]!],
    service: pt.serviceRank[i]!,
    error: ix.error[i] ? 1 : 0,
    critical: pt.critical[i] ? 1 : 0,
  });
  // Pre-order, children by start: at one depth spans come in start order within a parent.
  for (let p = 0; p < ix.n; p++) {
    const i = ix.order[p]!;
    const s = ix.start[i]! + pt.shift[i]!;
    const e = s + ix.dur[i]!;
    if (e < w0 || s > w1) continue;
    spans++;
    const d = ix.depth[i]!;
    if (d + 1 > depth) depth = d + 1;
    const cs = Math.max(s, w0);
    const ce = Math.min(e, w1);
    if (ce - cs >= minDur) {
      blocks.push(blockOf(i, cs, ce));
      continue;
    }
    const m = open.get(d);
    // Joined when it starts within one slice of where the open block ends.
    if (m && cs - (m.start + m.dur) <= minDur && cs >= m.start) {
      m.dur = Math.max(m.dur, ce - m.start);
      m.count++;
      m.error = m.error || (ix.error[i] ? 1 : 0);
      m.critical = m.critical || (pt.critical[i] ? 1 : 0);
      continue;
    }
    const b = blockOf(i, cs, ce);
    open.set(d, b);
    blocks.push(b);
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
