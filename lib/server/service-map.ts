import 'server-only';
import { outsideTarget, quantileNs, ServiceMapBuilder } from '../traces/analyze/service-map';
import { indexFromColumns } from '../traces/view/trace-index';
import type { TraceSearch } from '../traces/model';
import { POPULATION_CAP } from '../traces/analyze/params';
import { evenly } from './analyze';
import { traceStore } from './traces';
import { AnswerableError } from '../errors';

/** A node or edge of the service map as the page draws it: rates per second over the range, p95 in ms. */
export type MapFigures = { rate: number; errorRate: number; p95Ms: number | null };
export type ServiceMapAnswer = {
  nodes: ({ id: string; external: boolean } & MapFigures)[];
  edges: ({ from: string; to: string } & MapFigures)[];
  population: number;
  sampled: number;
  capped: boolean;
  rangeSec: number;
  tookMs: number;
};

/** Traces read for the map at most; their counts are scaled to the population. */
export const MAP_SAMPLE = 5000;

export async function serviceMap(search: TraceSearch): Promise<ServiceMapAnswer> {
  const t0 = performance.now();
  const store = traceStore();
  if (!store.matchingIds || !store.skeleton || !store.extras)
    throw new AnswerableError(
      'Unsupported',
      501,
      'unsupported',
      'this trace store cannot draw a service map (the embedded store can)',
    );
  const ids = await store.matchingIds({ ...search, limit: POPULATION_CAP });
  const sample = evenly(ids, MAP_SAMPLE);
  const b = new ServiceMapBuilder();
  for (const id of sample) {
    const cols = await store.skeleton(id);
    if (!cols) continue;
    const ix = indexFromColumns(id, cols);
    // Calls out of Shannon are spans without children that are not internal work (a client span,
    // or a server span that talks to a provider itself, as the LLM service's do): their
    // attributes say where; internal spans' attributes (tools, planning stages) are not read.
    const INTERNAL = 1;
    const leaves: number[] = [];
    for (let i = 0; i < ix.n; i++) if (ix.childCount[i] === 0 && ix.kind[i] !== INTERNAL && ix.refs) leaves.push(i);
    const byRef = new Map<number, Map<string, string>>();
    if (ix.refs && leaves.length) {
      for (const e of await store.extras(leaves.map((i) => ix.refs![i]!))) {
        const m = new Map<string, string>();
        for (const a of e.attributes) if (a.value.type === 'string') m.set(a.key, a.value.value);
        byRef.set(e.ref, m);
      }
    }
    b.add(ix, (i) => {
      const m = ix.refs ? byRef.get(ix.refs[i]!) : undefined;
      return m ? outsideTarget(m) : null;
    });
  }
  const rangeSec = Math.max(1, Number(search.toNs - search.fromNs) / 1e9);
  const scale = sample.length ? ids.length / sample.length : 0;
  const figures = (count: number, errors: number, durations: number[]): MapFigures => {
    const p95 = quantileNs(durations, 0.95);
    return {
      rate: (count * scale) / rangeSec,
      errorRate: count ? errors / count : 0,
      p95Ms: p95 === null ? null : p95 / 1e6,
    };
  };
  return {
    nodes: [...b.nodes.values()].map((n) => ({
      id: n.id,
      external: n.external,
      ...figures(n.requests, n.errors, n.durations),
    })),
    edges: [...b.edges.values()].map((e) => ({ from: e.from, to: e.to, ...figures(e.calls, e.errors, e.durations) })),
    population: ids.length,
    sampled: sample.length,
    capped: ids.length >= POPULATION_CAP,
    rangeSec,
    tookMs: Math.round(performance.now() - t0),
  };
}
