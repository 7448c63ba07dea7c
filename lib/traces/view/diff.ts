/**
 * Two traces aligned by their service/operation paths: children of matched spans are paired by
 * (service, operation) in start order (the k-th "tool search" of one with the k-th of the other);
 * what has no partner is added or removed with its whole subtree. Each matched pair carries its
 * duration change, which Jaeger's structural diff does not.
 */
import { mainRoot } from './analysis';
import { childrenOf, spanIdOf, type TraceIndex } from './trace-index';

export type DiffStatus = 'matched' | 'added' | 'removed';

export type DiffRow = {
  depth: number;
  service: string;
  name: string;
  status: DiffStatus;
  aSpanId?: string;
  bSpanId?: string;
  aDurNs?: number;
  bDurNs?: number;
  /** b − a, for matched spans */
  deltaNs?: number;
  /** something below differs: a span added or removed, or a duration change of at least `minChange` */
  subtreeChanged: boolean;
};

export type TraceDiff = { rows: DiffRow[]; matched: number; added: number; removed: number; truncated: boolean };

const MAX_ROWS = 5000;

const keyOf = (ix: TraceIndex, i: number) => `${ix.strings[ix.service[i]!]}\u0000${ix.strings[ix.name[i]!]}`;

/**
 * `minChange`: a matched span whose duration changed by at least this much (ns) and this fraction
 * marks its ancestors as changed (defaults: 1 ms and 10 %).
 */
export function diffTraces(a: TraceIndex, b: TraceIndex, minChange = { ns: 1_000_000, ratio: 0.1 }): TraceDiff {
  const out: TraceDiff = { rows: [], matched: 0, added: 0, removed: 0, truncated: false };
  const ra = mainRoot(a);
  const rb = mainRoot(b);
  // Each stack entry: a pair (or one side) at a depth; rows are emitted in pre-order.
  type Item = { ia: number; ib: number; depth: number };
  const stack: Item[] = [{ ia: ra, ib: rb, depth: 0 }];
  const parentRow: number[] = [];
  const parentOfItem = new Map<Item, number>();
  while (stack.length) {
    const it = stack.pop()!;
    const { ia, ib, depth } = it;
    if (ia < 0 && ib < 0) continue;
    const src = ia >= 0 ? a : b;
    const si = ia >= 0 ? ia : ib;
    const status: DiffStatus = ia >= 0 && ib >= 0 ? 'matched' : ia >= 0 ? 'removed' : 'added';
    out[status]++;
    if (out.rows.length >= MAX_ROWS) {
      out.truncated = true;
    } else {
      const row: DiffRow = {
        depth,
        service: src.strings[src.service[si]!]!,
        name: src.strings[src.name[si]!]!,
        status,
        subtreeChanged: false,
      };
      if (ia >= 0) {
        row.aSpanId = spanIdOf(a, ia);
        row.aDurNs = a.dur[ia]!;
      }
      if (ib >= 0) {
        row.bSpanId = spanIdOf(b, ib);
        row.bDurNs = b.dur[ib]!;
      }
      if (status === 'matched') row.deltaNs = row.bDurNs! - row.aDurNs!;
      out.rows.push(row);
      parentRow.push(parentOfItem.get(it) ?? -1);
    }
    const me = out.rows.length - 1;
    // Pair the children by key, k-th with k-th, in start order; unpaired ones stand alone.
    const ca = ia >= 0 ? childrenOf(a, ia) : [];
    const cb = ib >= 0 ? childrenOf(b, ib) : [];
    const byKey = new Map<string, number[]>();
    for (const c of cb) {
      const k = keyOf(b, c);
      const list = byKey.get(k);
      if (list) list.push(c);
      else byKey.set(k, [c]);
    }
    const pairs: Item[] = [];
    for (const c of ca) {
      const list = byKey.get(keyOf(a, c));
      pairs.push({ ia: c, ib: list?.length ? list.shift()! : -1, depth: depth + 1 });
    }
    for (const list of byKey.values()) for (const c of list) pairs.push({ ia: -1, ib: c, depth: depth + 1 });
    const startOf = (p: Item) => (p.ia >= 0 ? a.start[p.ia]! : b.start[p.ib]!);
    pairs.sort((x, y) => startOf(x) - startOf(y));
    for (let k = pairs.length - 1; k >= 0; k--) {
      parentOfItem.set(pairs[k]!, me);
      stack.push(pairs[k]!);
    }
  }
  // Mark changes upwards: a row that differs marks every ancestor.
  for (let r = out.rows.length - 1; r >= 0; r--) {
    const row = out.rows[r]!;
    const big =
      row.deltaNs !== undefined &&
      Math.abs(row.deltaNs) >= minChange.ns &&
      Math.abs(row.deltaNs) >= minChange.ratio * Math.max(row.aDurNs!, 1);
    if (row.status !== 'matched' || big || row.subtreeChanged) {
      for (let p = parentRow[r]!; p >= 0 && !out.rows[p]!.subtreeChanged; p = parentRow[p]!)
        out.rows[p]!.subtreeChanged = true;
    }
  }
  return out;
}
