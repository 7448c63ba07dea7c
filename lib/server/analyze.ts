import 'server-only';
import { type AttrComparison, compareAttributes, pairOf } from '../traces/analyze/attributes';
import { CriticalTreeBuilder, type CriticalTree, diffTrees, type DiffNode } from '../traces/analyze/critical-tree';
import type { Attribute, TraceSearch } from '../traces/model';
import { indexFromColumns, type TraceIndex } from '../traces/view/trace-index';
import { AnswerableError } from '../errors';
import { POPULATION_CAP } from '../traces/analyze/params';
import { traceStore } from './traces';

/**
 * "Why is it slow?" over a set of traces (issue 17): the set is a trace search, split at a
 * duration into slow and baseline; each group's aggregated critical path, their difference, and
 * the attribute values that lean toward the slow group. Large sets are sampled evenly, and the
 * answer says how many traces there were and how many were read.
 */
export type Split = { percentile: number } | { valueNs: number };

export type AnalysisParams = {
  search: TraceSearch;
  split: Split;
  sample: number;
  /** the most traces read, the newest that match (default POPULATION_CAP) */
  population?: number;
  redacted?: (key: string) => boolean;
};

export type AnalysisResult = {
  /** traces the search matched (up to POPULATION_CAP) and whether it stopped there */
  population: number;
  capped: boolean;
  /** spans of the population's traces, all read (their skeletons) for the split and the paths */
  spans: number;
  thresholdNs: number;
  slow: { traces: number; sampled: number };
  base: { traces: number; sampled: number };
  trees: { slow: CriticalTree; base: CriticalTree };
  diff: DiffNode[];
  attributes: AttrComparison;
  /** the node whose share of the critical path grew most, in words; null when none grew */
  headline: string | null;
  tookMs: number;
};

/**
 * Traces per group whose attributes are compared: reading every span's attributes is the
 * analysis' largest cost, and 2,000 traces per group settle a share to about ±2 points.
 */
export const ATTRIBUTE_SAMPLE = 2000;
/** Attribute values longer than this are not compared (ids, prompts). */
const MAX_VALUE = 80;

class Unsupported extends AnswerableError {
  constructor(message: string) {
    super('Unsupported', 501, 'unsupported', message);
  }
}

/** Every `step`-th of `xs` so that at most `n` remain, spread over the whole (not the first n). */
export function evenly<T>(xs: readonly T[], n: number): T[] {
  if (xs.length <= n) return [...xs];
  const out: T[] = [];
  const step = xs.length / n;
  for (let k = 0; k < n; k++) out.push(xs[Math.floor(k * step)]!);
  return out;
}

function scalar(v: Attribute['value']): string | null {
  switch (v.type) {
    case 'string':
      return v.value.length <= MAX_VALUE ? v.value : null;
    case 'int':
    case 'bool':
      return String(v.value);
    default:
      return null;
  }
}

export async function analyzeTraces(p: AnalysisParams): Promise<AnalysisResult> {
  const t0 = performance.now();
  const store = traceStore();
  if (!store.matchingIds || !store.skeleton || !store.extras)
    throw new Unsupported('this trace store cannot analyse sets of traces (the embedded store can)');
  const cap = p.population ?? POPULATION_CAP;
  const ids = await store.matchingIds({ ...p.search, limit: cap });
  const all: { ix: TraceIndex; dur: number }[] = [];
  for (const id of ids) {
    const cols = await store.skeleton(id);
    if (!cols) continue;
    const ix = indexFromColumns(id, cols);
    all.push({ ix, dur: ix.durationNs });
  }
  const durs = all.map((t) => t.dur).sort((a, b) => a - b);
  const thresholdNs =
    'valueNs' in p.split
      ? p.split.valueNs
      : (durs[Math.min(durs.length - 1, Math.floor((p.split.percentile / 100) * durs.length))] ?? 0);
  const slowAll = all.filter((t) => t.dur >= thresholdNs);
  const baseAll = all.filter((t) => t.dur < thresholdNs);
  const slow = evenly(slowAll, p.sample);
  const base = evenly(baseAll, p.sample);
  const tree = (ts: typeof slow) => {
    const b = new CriticalTreeBuilder();
    for (const t of ts) b.add(t.ix);
    return b.build();
  };
  const trees = { slow: tree(slow), base: tree(base) };
  const diff = diffTrees(trees.slow, trees.base);
  const attrs = async (ts: typeof slow) => {
    const sets: Set<string>[] = [];
    for (const { ix } of ts) {
      const set = new Set<string>();
      const refs = ix.refs ? Array.from(ix.refs) : [];
      const origins = new Set<number>();
      const add = (as: readonly Attribute[]) => {
        for (const a of as) {
          if (p.redacted?.(a.key)) continue;
          const v = scalar(a.value);
          if (v !== null) set.add(pairOf(a.key, v));
        }
      };
      for (const e of await store.extras!(refs)) {
        add(e.attributes);
        if (e.origin !== undefined) origins.add(e.origin);
      }
      // The processes' own attributes (version, deployment, host) count as the trace's too, by
      // their keys as the search takes them.
      if (store.resourceAttributes) for (const o of origins) add(store.resourceAttributes(o));
      for (let i = 0; i < ix.n; i++) set.add(pairOf('service.name', ix.strings[ix.service[i]!] ?? ''));
      sets.push(set);
    }
    return sets;
  };
  const attributes = compareAttributes(
    await attrs(evenly(slow, ATTRIBUTE_SAMPLE)),
    await attrs(evenly(base, ATTRIBUTE_SAMPLE)),
  );
  const top = diff[0];
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const headline =
    top && top.grew > 0.01
      ? `\`${top.service} · ${top.name}\` takes ${pct(top.slowShare)} of the slow requests' critical path, ${pct(top.baseShare)} of the baseline's.`
      : null;
  return {
    population: ids.length,
    capped: ids.length >= cap,
    spans: all.reduce((n, t) => n + t.ix.n, 0),
    thresholdNs,
    slow: { traces: slowAll.length, sampled: slow.length },
    base: { traces: baseAll.length, sampled: base.length },
    trees,
    diff,
    attributes,
    headline,
    tookMs: Math.round(performance.now() - t0),
  };
}
