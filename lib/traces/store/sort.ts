import type Database from 'better-sqlite3';
import type { TraceSort } from '../model';

/**
 * Traces ordered by what a sorted search asks: start, duration (first start to last end), span or
 * error count, each from one aggregate per stored export of the trace (no span is decoded).
 */
export function orderTraces(db: Database.Database, ids: [string, Buffer][], sort: TraceSort): [string, Buffer][] {
  const ranges = db.prepare('SELECT lo, hi FROM trace_groups WHERE trace_id = ?');
  const agg = db
    .prepare(
      'SELECT MIN(start_ns) AS lo, MAX(start_ns + dur_ns) AS hi, COUNT(*) AS n, SUM(status = 2) AS errors FROM spans WHERE rowid BETWEEN ? AND ? AND trace_id = ?',
    )
    .safeIntegers(true);
  const stats = ids.map(([key, id]) => {
    let lo: bigint | null = null;
    let hi: bigint | null = null;
    let n = 0n;
    let errors = 0n;
    for (const r of ranges.all(id) as { lo: number; hi: number }[]) {
      const a = agg.get(r.lo, r.hi, id) as { lo: bigint | null; hi: bigint | null; n: bigint; errors: bigint | null };
      if (a.lo !== null && (lo === null || a.lo < lo)) lo = a.lo;
      if (a.hi !== null && (hi === null || a.hi > hi)) hi = a.hi;
      n += a.n;
      errors += a.errors ?? 0n;
    }
    const start = lo ?? 0n;
    return { entry: [key, id] as [string, Buffer], start, dur: (hi ?? start) - start, n, errors };
  });
  const cmp = (a: bigint, b: bigint) => (a > b ? 1 : a < b ? -1 : 0);
  const by: Record<Exclude<TraceSort, 'newest'>, (a: (typeof stats)[0], b: (typeof stats)[0]) => number> = {
    oldest: (a, b) => cmp(a.start, b.start),
    longest: (a, b) => cmp(b.dur, a.dur) || cmp(b.start, a.start),
    shortest: (a, b) => cmp(a.dur, b.dur) || cmp(b.start, a.start),
    'most-spans': (a, b) => cmp(b.n, a.n) || cmp(b.start, a.start),
    'most-errors': (a, b) => cmp(b.errors, a.errors) || cmp(b.start, a.start),
  };
  return stats.sort(by[sort as Exclude<TraceSort, 'newest'>]).map((s) => s.entry);
}
