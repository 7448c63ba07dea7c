import { criticalTimes } from '../view/analysis';
import type { TraceIndex } from '../view/trace-index';

/**
 * The aggregated critical path of a set of traces over their calling-context tree (CRISP, USENIX
 * ATC '22): a node per distinct path of `service · operation` from the root, holding the
 * critical-path time its spans spent themselves, summed over the traces. A node's inclusive
 * time (its own and its descendants') is the icicle's width; its own time is what it adds.
 */
export type CriticalNode = {
  /** the path, `service · operation` segments joined by " › " */
  key: string;
  service: string;
  name: string;
  depth: number;
  parent: number;
  children: number[];
  /** critical-path ns the node's spans spent themselves, over all traces */
  selfNs: number;
  /** selfNs plus its descendants' */
  totalNs: number;
  /** traces in which the node is on the critical path */
  traces: number;
};

export type CriticalTree = {
  nodes: CriticalNode[];
  /** traces added */
  traces: number;
  /** the critical-path ns of all traces (the root's total) */
  totalNs: number;
};

const SEP = ' › ';
export const opLabel = (service: string, name: string) => `${service} · ${name}`;

export class CriticalTreeBuilder {
  private readonly nodes: CriticalNode[] = [
    { key: '', service: '', name: '(all)', depth: 0, parent: -1, children: [], selfNs: 0, totalNs: 0, traces: 0 },
  ];
  private readonly byKey = new Map<string, number>([['', 0]]);
  private count = 0;

  private child(parent: number, service: string, name: string): number {
    const p = this.nodes[parent]!;
    const key = p.key ? `${p.key}${SEP}${opLabel(service, name)}` : opLabel(service, name);
    let at = this.byKey.get(key);
    if (at === undefined) {
      at = this.nodes.length;
      this.nodes.push({
        key,
        service,
        name,
        depth: p.depth + 1,
        parent,
        children: [],
        selfNs: 0,
        totalNs: 0,
        traces: 0,
      });
      p.children.push(at);
      this.byKey.set(key, at);
    }
    return at;
  }

  /** One trace: its critical path, each span's own part added to its calling-context node. */
  add(ix: TraceIndex): void {
    const { crit, self } = criticalTimes(ix);
    const node = new Int32Array(ix.n).fill(-1);
    const seen = new Set<number>();
    // Pre-order: a span's parent on the path has its node before the span does.
    for (let q = 0; q < ix.n; q++) {
      const i = ix.order[q]!;
      if (!crit[i]) continue;
      const p = ix.parent[i]!;
      const parentNode = p >= 0 && node[p]! >= 0 ? node[p]! : 0;
      const at = this.child(parentNode, ix.strings[ix.service[i]!] ?? '', ix.strings[ix.name[i]!] ?? '');
      node[i] = at;
      this.nodes[at]!.selfNs += self[i]!;
      seen.add(at);
    }
    for (const at of seen) this.nodes[at]!.traces++;
    this.nodes[0]!.traces++;
    this.count++;
  }

  build(): CriticalTree {
    const nodes = this.nodes.map((n) => ({ ...n, children: [...n.children], totalNs: n.selfNs }));
    // Children come after their parents: one backward pass sums the subtrees.
    for (let i = nodes.length - 1; i > 0; i--) nodes[nodes[i]!.parent]!.totalNs += nodes[i]!.totalNs;
    return { nodes, traces: this.count, totalNs: nodes[0]!.totalNs };
  }
}

export function criticalTree(traces: Iterable<TraceIndex>): CriticalTree {
  const b = new CriticalTreeBuilder();
  for (const ix of traces) b.add(ix);
  return b.build();
}

/** A node of the difference of two trees: its share of each group's critical path. */
export type DiffNode = {
  key: string;
  service: string;
  name: string;
  depth: number;
  /** ns per trace, inclusive, in the slow group and the baseline */
  slowPerTrace: number;
  basePerTrace: number;
  /** own time as a share of the group's whole critical path (0–1) */
  slowShare: number;
  baseShare: number;
  /** slowShare − baseShare */
  grew: number;
};

/**
 * Slow minus baseline, per calling-context path: each node's own share of its group's critical
 * path in both, and how much it grew; sorted by growth. A path in one group only has share 0 in
 * the other.
 */
export function diffTrees(slow: CriticalTree, base: CriticalTree): DiffNode[] {
  const keys = new Map<string, { s?: CriticalNode; b?: CriticalNode }>();
  for (const n of slow.nodes.slice(1)) keys.set(n.key, { s: n });
  for (const n of base.nodes.slice(1)) keys.set(n.key, { ...keys.get(n.key), b: n });
  const out: DiffNode[] = [];
  for (const [key, { s, b }] of keys) {
    const any = (s ?? b)!;
    const slowShare = s && slow.totalNs > 0 ? s.selfNs / slow.totalNs : 0;
    const baseShare = b && base.totalNs > 0 ? b.selfNs / base.totalNs : 0;
    out.push({
      key,
      service: any.service,
      name: any.name,
      depth: any.depth,
      slowPerTrace: s && slow.traces ? s.totalNs / slow.traces : 0,
      basePerTrace: b && base.traces ? b.totalNs / base.traces : 0,
      slowShare,
      baseShare,
      grew: slowShare - baseShare,
    });
  }
  return out.sort((x, y) => y.grew - x.grew || x.key.localeCompare(y.key));
}
