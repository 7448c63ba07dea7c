import type { TraceIndex } from './trace-index';

/** Pre-order, depth, subtree sizes; children by start time. Iterative: traces can be deep. */
export function layout(ix: TraceIndex): void {
  const { n, parent, start } = ix;
  const byStart = (a: number, b: number) => start[a]! - start[b]! || a - b;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) ix.childCount[parent[i]!]! += 1;
  for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i]! + ix.childCount[i]!;
  const children = new Int32Array(childStart[n]!);
  const fill = childStart.slice(0, n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) children[fill[parent[i]!]!++] = i;
  for (let i = 0; i < n; i++) {
    const c = ix.childCount[i]!;
    if (c > 1) children.subarray(childStart[i]!, childStart[i]! + c).sort(byStart);
  }
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i]! < 0) roots.push(i);
  // A cycle (a→b→a) has no root: its spans are attached as roots so that none is lost.
  const seen = new Uint8Array(n);
  let p = 0;
  const stack: number[] = [];
  const visit = (r: number) => {
    stack.push(r);
    ix.depth[r] = 0;
    while (stack.length) {
      const i = stack.pop()!;
      seen[i] = 1;
      ix.order[p] = i;
      ix.pos[i] = p++;
      for (let k = childStart[i]! + ix.childCount[i]! - 1; k >= childStart[i]!; k--) {
        const c = children[k]!;
        if (seen[c]) continue;
        ix.depth[c] = ix.depth[i]! + 1;
        stack.push(c);
      }
    }
  };
  roots.sort(byStart).forEach(visit);
  for (let i = 0; i < n; i++) {
    if (seen[i]) continue;
    if (ix.parent[i]! >= 0) ix.childCount[ix.parent[i]!]! -= 1;
    ix.parent[i] = -1;
    ix.missingParent[i] = 1;
    visit(i);
  }
  // Subtree sizes: walk pre-order backwards, adding each span's size to its parent's.
  ix.subtree.fill(1);
  for (let q = n - 1; q >= 0; q--) {
    const i = ix.order[q]!;
    const pa = ix.parent[i]!;
    if (pa >= 0) ix.subtree[pa]! += ix.subtree[i]!;
  }
}

/** Indices of a span's children, in start order (pre-order makes them a scan of its subtree). */
export function childrenOf(ix: TraceIndex, i: number): number[] {
  const out: number[] = [];
  let q = ix.pos[i]! + 1;
  const endPos = ix.pos[i]! + ix.subtree[i]!;
  while (q < endPos) {
    const c = ix.order[q]!;
    out.push(c);
    q += ix.subtree[c]!;
  }
  return out;
}
