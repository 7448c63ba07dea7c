/**
 * What the waterfall computes once per trace: critical path, self time, per-operation statistics
 * and clock-skew corrections. All iterative and O(n log n) at worst, for million-span traces.
 */
import type { TraceIndex } from './trace-index';

/** The root the trace's critical path starts from: the top-level span that ends last. */
export function mainRoot(ix: TraceIndex): number {
  let best = -1;
  for (let q = 0; q < ix.n; q += ix.subtree[ix.order[q]!]!) {
    const i = ix.order[q]!;
    if (best < 0 || ix.start[i]! + ix.dur[i]! > ix.start[best]! + ix.dur[best]!) best = i;
  }
  return best;
}

/**
 * Spans on the critical path: the chain of work that decided when the trace ended. From the
 * root's end, walk back: the child that finished last before the cursor was blocking; descend
 * into it (its own end clipped to the parent's), then move the cursor to that child's start.
 */
export function criticalPath(ix: TraceIndex): Uint8Array {
  return criticalTimes(ix).crit;
}

/**
 * The critical path with the time each span spends on it itself (CRISP's attribution): the part
 * of its window on the path that no child on the path covers. The times add up to the root's
 * duration (its end clipped as the walk clips it).
 */
export function criticalTimes(ix: TraceIndex): { crit: Uint8Array; self: Float64Array } {
  const crit = new Uint8Array(ix.n);
  const self = new Float64Array(ix.n);
  const root = mainRoot(ix);
  if (root < 0) return { crit, self };
  const { start, dur, order, subtree, pos } = ix;
  const work: number[] = [root, start[root]! + dur[root]!];
  const kids: number[] = [];
  const ends = new Float64Array(ix.n);
  while (work.length) {
    const limit = work.pop()!;
    const i = work.pop()!;
    crit[i] = 1;
    const s = start[i]!;
    let cursor = Math.min(s + dur[i]!, limit);
    let own = Math.max(0, cursor - s);
    // Children from latest (clipped) end to earliest; ties: earlier start first.
    kids.length = 0;
    for (let q = pos[i]! + 1, e = pos[i]! + subtree[i]!; q < e; q += subtree[order[q]!]!) kids.push(order[q]!);
    if (kids.length > 0) {
      for (const c of kids) ends[c] = Math.min(start[c]! + dur[c]!, limit);
      if (kids.length > 1) kids.sort((a, b) => ends[b]! - ends[a]! || start[a]! - start[b]!);
      for (const c of kids) {
        if (cursor <= s) break;
        if (start[c]! >= cursor) continue;
        const end = Math.min(ends[c]!, cursor);
        work.push(c, end);
        // The child's stretch on the path is its, not the parent's (a child that starts before
        // its parent, clock skew, is counted from the parent's start).
        own -= Math.max(0, end - Math.max(start[c]!, s));
        cursor = start[c]!;
      }
    }
    self[i] = Math.max(0, own);
  }
  return { crit, self };
}

/** Each span's duration minus the time covered by its children (clipped to the span). */
export function selfTimes(ix: TraceIndex): Float64Array {
  const self = new Float64Array(ix.n);
  const { start, dur, order, subtree, pos } = ix;
  for (let i = 0; i < ix.n; i++) {
    const s = start[i]!;
    const e = s + dur[i]!;
    let covered = 0;
    let runS = 0;
    let runE = -Infinity;
    // Children come in start order (pre-order), so overlapping intervals merge in one pass.
    for (let q = pos[i]! + 1, end = pos[i]! + subtree[i]!; q < end; q += subtree[order[q]!]!) {
      const c = order[q]!;
      const cs = Math.max(s, start[c]!);
      const ce = Math.min(e, start[c]! + dur[c]!);
      if (ce <= cs) continue;
      if (cs > runE) {
        if (runE > runS) covered += runE - runS;
        runS = cs;
        runE = ce;
      } else if (ce > runE) runE = ce;
    }
    if (runE > runS) covered += runE - runS;
    self[i] = Math.max(0, dur[i]! - covered);
  }
  return self;
}

export type OperationStats = {
  service: string;
  operation: string;
  count: number;
  totalNs: number;
  selfNs: number;
  avgNs: number;
  maxNs: number;
  errors: number;
};

/** Per service and operation: count, total, self time, average, max; largest self time first. */
export function operationStats(ix: TraceIndex, self: Float64Array = selfTimes(ix)): OperationStats[] {
  const by = new Map<number, OperationStats>();
  const width = ix.strings.length;
  for (let i = 0; i < ix.n; i++) {
    const key = ix.service[i]! * width + ix.name[i]!;
    let st = by.get(key);
    if (!st) {
      st = {
        service: ix.strings[ix.service[i]!]!,
        operation: ix.strings[ix.name[i]!]!,
        count: 0,
        totalNs: 0,
        selfNs: 0,
        avgNs: 0,
        maxNs: 0,
        errors: 0,
      };
      by.set(key, st);
    }
    st.count++;
    st.totalNs += ix.dur[i]!;
    st.selfNs += self[i]!;
    st.maxNs = Math.max(st.maxNs, ix.dur[i]!);
    st.errors += ix.error[i]!;
  }
  const out = [...by.values()];
  for (const s of out) s.avgNs = s.totalNs / s.count;
  return out.sort(
    (a, b) => b.selfNs - a.selfNs || a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation),
  );
}

/**
 * Clock-skew corrections: a child in another service that starts before its parent, or ends
 * after it, is moved (with its subtree) to fit inside the parent; a child longer than its parent
 * is aligned to the parent's start. Same-service children share a clock and are never moved.
 * Returns the shift per span (ns) and how many spans were out of place.
 */
export function skewShifts(ix: TraceIndex): { shift: Float64Array; skewed: Uint8Array; count: number } {
  const shift = new Float64Array(ix.n);
  const skewed = new Uint8Array(ix.n);
  let count = 0;
  for (let q = 0; q < ix.n; q++) {
    const i = ix.order[q]!;
    const p = ix.parent[i]!;
    if (p < 0) continue;
    const inherited = shift[p]!;
    shift[i] = inherited;
    if (ix.service[p] === ix.service[i]) continue;
    const ps = ix.start[p]! + inherited;
    const pe = ps + ix.dur[p]!;
    const cs = ix.start[i]! + inherited;
    const ce = cs + ix.dur[i]!;
    let own = 0;
    if (cs < ps) own = ps - cs;
    else if (ce > pe) own = Math.max(ps - cs, pe - ce);
    if (own !== 0) {
      shift[i] = inherited + own;
      skewed[i] = 1;
      count++;
    }
  }
  return { shift, skewed, count };
}

/** Deepest nesting level, counting the root as 1. */
export function maxDepth(ix: TraceIndex): number {
  let d = 0;
  for (let i = 0; i < ix.n; i++) d = Math.max(d, ix.depth[i]! + 1);
  return d;
}
