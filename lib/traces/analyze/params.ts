import type { TraceSearch } from '../model';
import { parseDurationNs, parseTraceSearch } from '../search';

/**
 * The split of an analysis, as the URL writes it: `split=p90` (a percentile of the set's
 * durations, p1–p99) or `split=2s` (a duration); p90 when absent.
 */
export type SplitParam = { percentile: number } | { valueNs: number };

export function parseSplit(v: string | null): SplitParam | { error: string } {
  const s = (v ?? '').trim() || 'p90';
  const p = /^p(\d{1,2}(?:\.\d+)?)$/i.exec(s);
  if (p) {
    const n = Number(p[1]);
    if (n >= 1 && n <= 99) return { percentile: n };
    return { error: `invalid parameter "split": a percentile from p1 to p99, got "${s.slice(0, 20)}"` };
  }
  const ns = parseDurationNs(s);
  if (ns === null || ns <= 0n)
    return {
      error: `invalid parameter "split": "${s.slice(0, 40)}" is neither a percentile like p90 nor a duration like 2s`,
    };
  return { valueNs: Number(ns) };
}

export const DEFAULT_SAMPLE = 5000;

export function parseSample(v: string | null): number | { error: string } {
  if (v === null || v.trim() === '') return DEFAULT_SAMPLE;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 10 || n > 20_000)
    return {
      error: `invalid parameter "sample": traces per group, an integer from 10 to 20000, got "${v.slice(0, 20)}"`,
    };
  return n;
}

/** The most traces an analysis reads (the newest that match): `population`, default and ceiling 20,000. */
export const POPULATION_CAP = 20_000;

export function parsePopulation(v: string | null): number | { error: string } {
  if (v === null || v.trim() === '') return POPULATION_CAP;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 10 || n > POPULATION_CAP)
    return {
      error: `invalid parameter "population": the most traces to read, an integer from 10 to ${POPULATION_CAP}, got "${v.slice(0, 20)}"`,
    };
  return n;
}

/** What an analysis URL asks for: the search, the split, traces per group and the most read. */
export type AnalysisQuery = { search: TraceSearch; split: SplitParam; sample: number; population: number };

/** An analysis URL's parameters (GET /api/traces/analyze and its page), or the first one that is wrong. */
export function parseAnalysisQuery(qs: URLSearchParams, nowMs: number): AnalysisQuery | { error: string } {
  const r = parseTraceSearch(qs, nowMs);
  if ('error' in r) return r;
  const split = parseSplit(qs.get('split'));
  if ('error' in split) return split;
  const sample = parseSample(qs.get('sample'));
  if (typeof sample !== 'number') return sample;
  const population = parsePopulation(qs.get('population'));
  if (typeof population !== 'number') return population;
  return { search: r.search, split, sample, population };
}
