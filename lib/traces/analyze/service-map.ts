import type { TraceIndex } from '../view/trace-index';

/**
 * The service map of a set of traces (issue 17): services and the calls between them. A call is
 * a span whose parent belongs to another service (the client → server pair across services), or
 * a span that names what it calls outside Shannon (`peer.service`, `db.system`, `gen_ai.system`:
 * Qdrant, the LLM providers), whose target becomes a node of its own. A service's requests are
 * its entry spans: roots, and spans whose parent is in another service.
 */
export type MapNode = {
  id: string;
  /** outside Shannon (named by a span's peer.service, db.system or gen_ai.system) */
  external: boolean;
  requests: number;
  errors: number;
  /** ns of each request, for its quantiles */
  durations: number[];
};
export type MapEdge = { from: string; to: string; calls: number; errors: number; durations: number[] };

export class ServiceMapBuilder {
  readonly nodes = new Map<string, MapNode>();
  readonly edges = new Map<string, MapEdge>();

  private node(id: string, external: boolean): MapNode {
    let n = this.nodes.get(id);
    if (!n) this.nodes.set(id, (n = { id, external, requests: 0, errors: 0, durations: [] }));
    return n;
  }

  private edge(from: string, to: string): MapEdge {
    const key = `${from}\u0000${to}`;
    let e = this.edges.get(key);
    if (!e) this.edges.set(key, (e = { from, to, calls: 0, errors: 0, durations: [] }));
    return e;
  }

  /** One trace; `outside(i)` names what span i calls outside Shannon, or null. */
  add(ix: TraceIndex, outside: (i: number) => string | null = () => null): void {
    for (let i = 0; i < ix.n; i++) {
      const svc = ix.strings[ix.service[i]!] ?? 'unknown_service';
      const p = ix.parent[i]!;
      const parentSvc = p >= 0 ? (ix.strings[ix.service[p]!] ?? 'unknown_service') : null;
      const err = ix.error[i]! === 1;
      const dur = ix.dur[i]!;
      if (parentSvc !== svc) {
        const n = this.node(svc, false);
        n.requests++;
        if (err) n.errors++;
        n.durations.push(dur);
        if (parentSvc !== null) {
          const e = this.edge(parentSvc, svc);
          e.calls++;
          if (err) e.errors++;
          e.durations.push(dur);
        }
      }
      const target = outside(i);
      if (target && target !== svc) {
        const n = this.node(target, true);
        n.requests++;
        if (err) n.errors++;
        n.durations.push(dur);
        const e = this.edge(svc, target);
        e.calls++;
        if (err) e.errors++;
        e.durations.push(dur);
      }
    }
  }
}

/** The q-quantile of ns durations (nearest rank), null for none. */
export function quantileNs(xs: number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** What a span calls outside Shannon, from its attributes: peer.service, else db.system, else gen_ai.system. */
export function outsideTarget(attrs: ReadonlyMap<string, string>): string | null {
  return attrs.get('peer.service') ?? attrs.get('db.system') ?? attrs.get('gen_ai.system') ?? null;
}
