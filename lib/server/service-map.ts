import 'server-only';
import {
  type Buckets,
  type MapSeries,
  OUTSIDE_KEYS,
  outsideAttr,
  quantileNs,
  ServiceMapBuilder,
} from '../traces/analyze/service-map';
import { indexFromColumns } from '../traces/view/trace-index';
import { rangeOnly, type TraceSearch } from '../traces/model';
import { POPULATION_CAP } from '../traces/analyze/params';
import { evenly } from './analyze';
import { traceStore } from './traces';
import { AnswerableError } from '../errors';

/** A node or edge's figures over time, one per bucket: rates per second, error shares, p95 in ms. */
export type MapSeriesFigures = { rate: (number | null)[]; errorRate: (number | null)[]; p95Ms: (number | null)[] };
/** A node or edge of the service map as the page draws it: rates per second over the range, p95 in ms. */
export type MapFigures = { rate: number; errorRate: number; p95Ms: number | null; series: MapSeriesFigures };
export type ServiceMapAnswer = {
  /** `tag`: for a node outside Shannon, the span attribute that names it (`db.system=qdrant`), to search by */
  nodes: ({ id: string; external: boolean; tag?: string } & MapFigures)[];
  edges: ({ from: string; to: string } & MapFigures)[];
  population: number;
  sampled: number;
  capped: boolean;
  rangeSec: number;
  /** the part of the range the traces read cover (all of it unless capped: then from the oldest of them) */
  coveredSec: number;
  /** the buckets of every node's and edge's series */
  buckets: Buckets;
  tookMs: number;
};

/**
 * Traces read for the map at most, evenly spread over the range; their counts are scaled to the
 * population. 3,000 put some 50 traces in each of the 60 buckets of a node's charts, and keep the
 * map of an hour of busy traffic to about a third of a second (bench/analyze).
 */
export const MAP_SAMPLE = 3000;
const OUTSIDE: ReadonlySet<string> = new Set(OUTSIDE_KEYS);

/** Buckets of a node's or edge's figures over the range (a minute each over an hour). */
const MAP_BUCKETS = 60;

export async function serviceMap(search: TraceSearch): Promise<ServiceMapAnswer> {
  const t0 = performance.now();
  const store = traceStore();
  if (!store.matchingIds || !store.skeleton || !store.spanStrings)
    throw new AnswerableError(
      'Unsupported',
      501,
      'unsupported',
      'this trace store cannot draw a service map (the embedded store can)',
    );
  // The map of a range reads an even sample of all its traces (by their roots); a map narrowed
  // by a search reads an even sample of the newest traces that match it.
  const wholeRange = rangeOnly(search);
  let sample: string[];
  let population: number;
  if (wholeRange && store.sampleTraces) {
    const r = await store.sampleTraces(search.fromNs, search.toNs, MAP_SAMPLE);
    sample = r.ids;
    population = r.population;
  } else {
    const ids = await store.matchingIds({ ...search, limit: POPULATION_CAP });
    sample = evenly(ids, MAP_SAMPLE);
    population = ids.length;
  }
  const capped = !wholeRange && population >= POPULATION_CAP;
  const fromMs = Number(search.fromNs / 1_000_000n);
  const rangeMs = Math.max(1000, Number((search.toNs - search.fromNs) / 1_000_000n));
  const stepMs = Math.ceil(rangeMs / MAP_BUCKETS / 1000) * 1000;
  const buckets: Buckets = { startMs: fromMs, stepMs, n: Math.ceil(rangeMs / stepMs) };
  const b = new ServiceMapBuilder(buckets);
  const tags = new Map<string, string>();
  let oldestMs = Infinity;
  for (const id of sample) {
    const cols = await store.skeleton(id);
    if (!cols) continue;
    const ix = indexFromColumns(id, cols);
    oldestMs = Math.min(oldestMs, Number(ix.t0 / 1_000_000n));
    // Calls out of Shannon are spans without children that are not internal work (a client span,
    // or a server span that talks to a provider itself, as the LLM service's do): their
    // attributes say where; internal spans' attributes (tools, planning stages) are not read.
    const INTERNAL = 1;
    const leaves: number[] = [];
    for (let i = 0; i < ix.n; i++) if (ix.childCount[i] === 0 && ix.kind[i] !== INTERNAL && ix.refs) leaves.push(i);
    const byRef =
      ix.refs && leaves.length
        ? await store.spanStrings(
            leaves.map((i) => ix.refs![i]!),
            OUTSIDE,
          )
        : null;
    b.add(ix, (i) => {
      const m = ix.refs ? byRef?.get(ix.refs[i]!) : undefined;
      const a = m ? outsideAttr(m) : null;
      if (a && !tags.has(a.value)) tags.set(a.value, `${a.key}=${a.value}`);
      return a?.value ?? null;
    });
  }
  const rangeSec = Math.max(1, Number(search.toNs - search.fromNs) / 1e9);
  // Capped at the newest traces of a busy range, the map covers only their part of it: rates are
  // per second of that part, and buckets before it have no figures (not zero).
  const coveredFromMs = capped && Number.isFinite(oldestMs) ? Math.max(fromMs, oldestMs) : fromMs;
  const coveredSec = Math.max(1, (Number(search.toNs / 1_000_000n) - coveredFromMs) / 1000);
  const covered = (i: number) => !capped || fromMs + (i + 1) * stepMs > coveredFromMs;
  const scale = sample.length ? population / sample.length : 0;
  const ms = (ns: number | null) => (ns === null ? null : ns / 1e6);
  const figures = (count: number, t: { errors: number; durations: number[]; series?: MapSeries }): MapFigures => {
    const s = t.series!;
    return {
      rate: (count * scale) / coveredSec,
      errorRate: count ? t.errors / count : 0,
      p95Ms: ms(quantileNs(t.durations, 0.95)),
      series: {
        rate: [...s.count].map((c, i) => (covered(i) ? (c * scale * 1000) / stepMs : null)),
        errorRate: [...s.count].map((c, i) => (c ? s.errors[i]! / c : null)),
        p95Ms: s.durations.map((d) => ms(quantileNs(d, 0.95))),
      },
    };
  };
  return {
    nodes: [...b.nodes.values()].map((n) => ({
      id: n.id,
      external: n.external,
      ...(n.external && tags.has(n.id) ? { tag: tags.get(n.id)! } : {}),
      ...figures(n.requests, n),
    })),
    edges: [...b.edges.values()].map((e) => ({ from: e.from, to: e.to, ...figures(e.calls, e) })),
    population,
    sampled: sample.length,
    capped,
    rangeSec,
    coveredSec,
    buckets,
    tookMs: Math.round(performance.now() - t0),
  };
}
