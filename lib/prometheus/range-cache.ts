import type { CompactMatrix, CompactSeries } from './compact';

/**
 * Incremental range queries: the console keeps the last answer to each (query, step) and, when
 * the same query is asked again for a range that overlaps it, asks Prometheus only for what is
 * missing: the part before what it holds, and the part after its last *settled* point. A point
 * is settled once it is older than `overlapSec` at the time it was fetched (late samples, rule
 * evaluation lag); everything newer is always asked again. A 24-hour dashboard reloaded a
 * minute later then costs Prometheus the last few minutes, not 24 hours.
 *
 * Every point is evaluated by Prometheus at the same instant on the same grid as a full query
 * would, so the merged answer equals the full answer (the tests check this on real data).
 */
export type RangeFetcher = (
  query: string,
  start: number,
  end: number,
  step: number,
  signal?: AbortSignal,
) => Promise<CompactMatrix>;

export type RangeCacheOptions = {
  /** Points newer than this (seconds before the fetch) are asked again on every request. */
  overlapSec: number;
  /** An entry whose oldest part was fetched longer ago than this is dropped (seconds). */
  ttlSec: number;
  /** Upper bound on the values held, over all entries; 0 turns the cache off. */
  maxPoints: number;
  /** Seconds since the epoch; a parameter so that tests control time. */
  now?: () => number;
  /** Told how each request was answered, for the console's metrics. */
  onOutcome?: (outcome: 'hit' | 'partial' | 'miss') => void;
};

type Entry = {
  start: number;
  step: number;
  n: number;
  /** label key → labels and values (NaN where there is no point) */
  series: Map<string, { labels: Record<string, string>; values: Float64Array }>;
  /** the last grid time whose value is final */
  settled: number;
  /** when the oldest part of this entry was fetched */
  fetchedAt: number;
  points: number;
};

export type RangeCacheStats = { hits: number; partial: number; misses: number; entries: number; points: number };

/** Prometheus orders a matrix by label set: names in order, then values, shorter first. */
export function compareLabels(a: Record<string, string>, b: Record<string, string>): number {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const na = ka[i] as string;
    const nb = kb[i] as string;
    if (na !== nb) return na < nb ? -1 : 1;
    const va = a[na] as string;
    const vb = b[nb] as string;
    if (va !== vb) return va < vb ? -1 : 1;
  }
  return ka.length - kb.length;
}

function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );
}

const gridIndex = (t: number, start: number, step: number) => Math.round((t - start) / step);

export class RangeCache {
  private readonly entries = new Map<string, Entry>();
  private points = 0;
  private readonly counts = { hits: 0, partial: 0, misses: 0 };
  private readonly now: () => number;

  constructor(private readonly opts: RangeCacheOptions) {
    this.now = opts.now ?? (() => Date.now() / 1000);
  }

  stats(): RangeCacheStats {
    return { ...this.counts, entries: this.entries.size, points: this.points };
  }

  /**
   * The answer for [start, end] at `step`, from the cache where it can be and from `fetch`
   * where it cannot. `fetch` gets the caller's signal: leaving the page cancels what is asked.
   */
  async query(
    query: string,
    start: number,
    end: number,
    step: number,
    fetch: RangeFetcher,
    signal?: AbortSignal,
  ): Promise<CompactMatrix> {
    if (this.opts.maxPoints <= 0) return fetch(query, start, end, step, signal);
    // One entry per query, step and grid phase: only points on the same grid can be reused.
    const phase = ((start % step) + step) % step;
    const key = `${step}\u0000${phase}\u0000${query}`;
    const now = this.now();
    let entry = this.entries.get(key);
    if (entry && now - entry.fetchedAt > this.opts.ttlSec) {
      this.drop(key);
      entry = undefined;
    }
    // Reusable: the settled part of the entry, where it overlaps the request.
    const from = entry ? Math.max(start, entry.start) : 0;
    const to = entry ? Math.min(end, entry.settled) : -1;
    if (!entry || from > to) {
      this.counts.misses++;
      this.opts.onOutcome?.('miss');
      const fresh = await fetch(query, start, end, step, signal);
      this.store(key, fresh, now);
      return fresh;
    }
    const parts: Promise<CompactMatrix>[] = [];
    if (start < from) parts.push(fetch(query, start, from - step, step, signal));
    if (to < end) parts.push(fetch(query, to + step, end, step, signal));
    if (parts.length === 0) this.counts.hits++;
    else this.counts.partial++;
    this.opts.onOutcome?.(parts.length === 0 ? 'hit' : 'partial');
    const fetched = await Promise.all(parts);
    const merged = this.merge(entry, from, to, fetched, start, end, step);
    // Settled now: what came from the cache, and what was just fetched and is old enough.
    this.store(key, merged, now, entry.fetchedAt, Math.min(end, Math.max(to, this.settledBy(now, start, end, step))));
    return merged;
  }

  /** The last grid point in [start, end] that is final when fetched at `now`. */
  private settledBy(now: number, start: number, end: number, step: number): number {
    const limit = now - this.opts.overlapSec;
    if (limit < start) return start - step;
    return Math.min(end, start + Math.floor((limit - start) / step) * step);
  }

  private merge(
    entry: Entry,
    from: number,
    to: number,
    fetched: CompactMatrix[],
    start: number,
    end: number,
    step: number,
  ): CompactMatrix {
    const n = Math.floor((end - start) / step + 1e-9) + 1;
    const out = new Map<string, CompactSeries>();
    const row = (labels: Record<string, string>) => {
      const k = labelKey(labels);
      let s = out.get(k);
      if (!s) {
        s = { labels, values: new Array<number | null>(n).fill(null) };
        out.set(k, s);
      }
      return s;
    };
    // The cached part first, only where it is settled and requested.
    const i0 = gridIndex(from, entry.start, step);
    const i1 = gridIndex(to, entry.start, step);
    const off = gridIndex(entry.start, start, step);
    for (const s of entry.series.values()) {
      let target: CompactSeries | undefined;
      for (let i = i0; i <= i1; i++) {
        const v = s.values[i] as number;
        if (Number.isNaN(v)) continue;
        target ??= row(s.labels);
        target.values[i + off] = v;
      }
    }
    const warnings: string[] = [];
    for (const part of fetched) {
      warnings.push(...part.warnings);
      const poff = gridIndex(part.start, start, step);
      for (const s of part.series) {
        let target: CompactSeries | undefined;
        for (let i = 0; i < s.values.length; i++) {
          const v = s.values[i];
          if (v === null || v === undefined) continue;
          target ??= row(s.labels);
          target.values[i + poff] = v;
        }
      }
    }
    const series = [...out.values()].sort((a, b) => compareLabels(a.labels, b.labels));
    return { start, step, n, series, warnings: [...new Set(warnings)] };
  }

  private store(
    key: string,
    m: CompactMatrix,
    now: number,
    fetchedAt = now,
    settled = this.settledBy(now, m.start, m.start + (m.n - 1) * m.step, m.step),
  ) {
    this.drop(key);
    if (m.warnings.length > 0) return; // a partial or odd answer is not worth keeping
    if (settled < m.start) return; // nothing in it is final yet
    const points = m.n * m.series.length;
    if (points > this.opts.maxPoints) return;
    const series = new Map<string, { labels: Record<string, string>; values: Float64Array }>();
    for (const s of m.series) {
      const values = new Float64Array(m.n).fill(Number.NaN);
      for (let i = 0; i < m.n; i++) {
        const v = s.values[i];
        if (v !== null && v !== undefined) values[i] = v;
      }
      series.set(labelKey(s.labels), { labels: s.labels, values });
    }
    this.entries.set(key, { start: m.start, step: m.step, n: m.n, series, settled, fetchedAt, points });
    this.points += points;
    // Least recently stored first: Map keeps insertion order.
    for (const k of this.entries.keys()) {
      if (this.points <= this.opts.maxPoints) break;
      this.drop(k);
    }
  }

  private drop(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.points -= e.points;
    this.entries.delete(key);
  }
}
