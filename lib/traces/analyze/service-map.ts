import type { TraceIndex } from '../view/trace-index';

/**
 * The service map of a set of traces (issue 17): services and the calls between them. A call is
 * a span whose parent belongs to another service (the client → server pair across services), or
 * a span that names what it calls outside Shannon (`peer.service`, `db.system`, `gen_ai.system`:
 * Qdrant, the LLM providers), whose target becomes a node of its own. A service's requests are
 * its entry spans: roots, and spans whose parent is in another service.
 */
/** Counts over time in equal buckets from `startMs`: requests, errors and each request's ns. */
export type MapSeries = { count: Uint32Array; errors: Uint32Array; durations: number[][] };
export type Buckets = { startMs: number; stepMs: number; n: number };

type Tally = {
  errors: number;
  /** ns of each request, for its quantiles */
  durations: number[];
  /** the same over time, when the builder is given buckets */
  series?: MapSeries;
};
export type MapNode = Tally & {
  id: string;
  /** outside Shannon (named by a span's peer.service, db.system or gen_ai.system) */
  external: boolean;
  requests: number;
};
export type MapEdge = Tally & { from: string; to: string; calls: number };

export class ServiceMapBuilder {
  readonly nodes = new Map<string, MapNode>();
  readonly edges = new Map<string, MapEdge>();

  /** With `buckets`, each node and edge also counts its requests, errors and durations over time. */
  constructor(private readonly buckets?: Buckets) {}

  private newSeries(): MapSeries | undefined {
    const n = this.buckets?.n;
    if (!n) return undefined;
    return { count: new Uint32Array(n), errors: new Uint32Array(n), durations: Array.from({ length: n }, () => []) };
  }

  private node(id: string, external: boolean): MapNode {
    let n = this.nodes.get(id);
    if (!n) {
      const series = this.newSeries();
      this.nodes.set(id, (n = { id, external, requests: 0, errors: 0, durations: [], ...(series ? { series } : {}) }));
    }
    return n;
  }

  private edge(from: string, to: string): MapEdge {
    const key = `${from}\u0000${to}`;
    let e = this.edges.get(key);
    if (!e) {
      const series = this.newSeries();
      this.edges.set(key, (e = { from, to, calls: 0, errors: 0, durations: [], ...(series ? { series } : {}) }));
    }
    return e;
  }

  private tally(t: Tally, err: boolean, dur: number, bucket: number) {
    if (err) t.errors++;
    t.durations.push(dur);
    if (t.series && bucket >= 0) {
      t.series.count[bucket]!++;
      if (err) t.series.errors[bucket]!++;
      t.series.durations[bucket]!.push(dur);
    }
  }

  /** One trace; `outside(i)` names what span i calls outside Shannon, or null. */
  add(ix: TraceIndex, outside: (i: number) => string | null = () => null): void {
    const b = this.buckets;
    const t0Ms = b ? Number(ix.t0 / 1_000_000n) - b.startMs : 0;
    for (let i = 0; i < ix.n; i++) {
      const svc = ix.strings[ix.service[i]!] ?? 'unknown_service';
      const p = ix.parent[i]!;
      const parentSvc = p >= 0 ? (ix.strings[ix.service[p]!] ?? 'unknown_service') : null;
      const err = ix.error[i]! === 1;
      const dur = ix.dur[i]!;
      const at = b ? Math.floor((t0Ms + ix.start[i]! / 1e6) / b.stepMs) : -1;
      const bucket = b && at >= 0 && at < b.n ? at : -1;
      if (parentSvc !== svc) {
        const n = this.node(svc, false);
        n.requests++;
        this.tally(n, err, dur, bucket);
        if (parentSvc !== null) {
          const e = this.edge(parentSvc, svc);
          e.calls++;
          this.tally(e, err, dur, bucket);
        }
      }
      const target = outside(i);
      if (target && target !== svc) {
        const n = this.node(target, true);
        n.requests++;
        this.tally(n, err, dur, bucket);
        const e = this.edge(svc, target);
        e.calls++;
        this.tally(e, err, dur, bucket);
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

/** The attributes that name what a span calls outside Shannon, first found first. */
export const OUTSIDE_KEYS = ['peer.service', 'db.system', 'gen_ai.system'] as const;

/** What a span calls outside Shannon, and the attribute that says so: peer.service, else db.system, else gen_ai.system. */
export function outsideAttr(attrs: ReadonlyMap<string, string>): { key: string; value: string } | null {
  for (const key of OUTSIDE_KEYS) {
    const value = attrs.get(key);
    if (value !== undefined) return { key, value };
  }
  return null;
}

/** What a span calls outside Shannon (outsideAttr's value). */
export function outsideTarget(attrs: ReadonlyMap<string, string>): string | null {
  return outsideAttr(attrs)?.value ?? null;
}
