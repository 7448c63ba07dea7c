import type Database from 'better-sqlite3';
import type { TraceSearch } from '../model';
import { bloomHas } from './bloom';

/**
 * Sets of traces, found without reading their spans: a search's matches (walking the spans'
 * index, or the trace groups' Bloom filters for attributes), and for the service map and the
 * analysis the traces of a range, from their trace groups or sampled by their roots (ADR 0012).
 */

/** The reader's statements, each prepared once. */
export type Statements = (sql: string) => Database.Statement;

/**
 * Every trace of a range, newest first, up to `limit`, from the trace groups (one row per batch
 * of a trace's spans) instead of the spans: a group is in the range when its first span starts
 * in it. Groups are walked newest stored first; stored order follows time but a trace may be
 * stored late, so the walk ends only after a whole page of groups older than the range.
 */
export function recentIds(statement: Statements, fromNs: bigint, toNs: bigint, limit: number): Buffer[] {
  const ids = new Map<string, Buffer>();
  // The comparisons in SQL: no 64-bit start times come back to be compared here.
  const page = statement(
    'SELECT g.rowid AS id, g.trace_id AS trace, s.start_ns >= ? AS after, s.start_ns <= ? AS before ' +
      'FROM trace_groups g JOIN spans s ON s.rowid = g.lo WHERE g.rowid < ? ORDER BY g.rowid DESC LIMIT 4096',
  );
  let cursor = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const groups = page.all(fromNs, toNs, cursor) as { id: number; trace: Buffer; after: number; before: number }[];
    if (groups.length === 0) break;
    let inOrAfter = false;
    for (const g of groups) {
      cursor = g.id;
      if (!g.after) continue;
      inOrAfter = true;
      if (!g.before) continue;
      const key = g.trace.toString('hex');
      if (ids.has(key)) continue;
      ids.set(key, g.trace);
      if (ids.size >= limit) return [...ids.values()];
    }
    if (!inOrAfter) break;
  }
  return [...ids.values()];
}

/**
 * An even sample of the traces whose root span starts in [fromNs, toNs]: every `step`-th root
 * in time order so that about `n` remain, and how many roots there are. One index entry per
 * trace (spans_roots), so each trace is as likely as any other, however many spans it has.
 */
export function sampleTraces(
  statement: Statements,
  fromNs: bigint,
  toNs: bigint,
  n: number,
): { ids: Buffer[]; population: number } {
  const population = statement('SELECT count(*) FROM spans WHERE parent_id IS NULL AND start_ns BETWEEN ? AND ?')
    .pluck()
    .get(fromNs, toNs) as number;
  const step = Math.max(1, Math.floor(population / Math.max(1, n)));
  const ids = statement(
    'WITH r AS (SELECT rowid AS id, row_number() OVER (ORDER BY start_ns DESC) AS rn FROM spans ' +
      'WHERE parent_id IS NULL AND start_ns BETWEEN ? AND ?) ' +
      'SELECT s.trace_id FROM r JOIN spans s ON s.rowid = r.id WHERE (r.rn - 1) % ? = 0',
  )
    .pluck()
    .all(fromNs, toNs, step) as Buffer[];
  const seen = new Map<string, Buffer>();
  for (const id of ids) seen.set(id.toString('hex'), id);
  return { ids: [...seen.values()], population };
}

/** Walks the (service, start_ns, dur_ns) index of `services` newest first until `limit` traces matched. */
export function searchIndex(
  db: Database.Database,
  services: readonly string[],
  q: TraceSearch,
  where: string[],
  args: unknown[],
): Map<string, Buffer> {
  const ids = new Map<string, Buffer>();
  // Across services, one arm per service, each walking its index newest first; SQLite merges
  // the arms in order (compound ORDER BY).
  if (services.length === 0) return ids;
  const arm = `SELECT trace_id, start_ns FROM spans INDEXED BY spans_service WHERE service = ? AND ${where.join(' AND ')}`;
  const sql =
    services.length === 1
      ? `${arm} ORDER BY start_ns DESC`
      : `${services.map(() => arm).join(' UNION ALL ')} ORDER BY 2 DESC`;
  const stmt = db.prepare(sql).pluck().safeIntegers(true);
  for (const id of stmt.iterate(...services.flatMap((svc) => [svc, ...args])) as IterableIterator<Buffer>) {
    const key = id.toString('hex');
    if (!ids.has(key)) ids.set(key, id);
    if (ids.size >= q.limit) break;
  }
  return ids;
}

/**
 * Attribute search: trace groups newest first (by insertion), each group's Bloom filter tested
 * for every tag, and only a group that may match has its spans checked in SQL.
 */
export function searchGroups(
  db: Database.Database,
  q: TraceSearch,
  where: string[],
  args: unknown[],
  bloomTags: number[][],
): Map<string, Buffer> {
  const ids = new Map<string, Buffer>();
  const page = db.prepare(
    'SELECT rowid AS id, trace_id, lo, hi, bloom FROM trace_groups WHERE rowid < ? ORDER BY rowid DESC LIMIT 4096',
  );
  const svc = q.service !== undefined ? 'service = ? AND ' : '';
  const verify = db.prepare(
    `SELECT 1 FROM spans WHERE rowid BETWEEN ? AND ? AND trace_id = ? AND ${svc}${where.join(' AND ')} LIMIT 1`,
  );
  const pre = q.service !== undefined ? [q.service] : [];
  let cursor = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const groups = page.all(cursor) as { id: number; trace_id: Buffer; lo: number; hi: number; bloom: Buffer }[];
    if (groups.length === 0) return ids;
    for (const g of groups) {
      cursor = g.id;
      if (!bloomTags.every((hashes) => hashes.some((h) => bloomHas(g.bloom, h)))) continue;
      const key = g.trace_id.toString('hex');
      if (ids.has(key) || !verify.get(g.lo, g.hi, g.trace_id, ...pre, ...args)) continue;
      ids.set(key, g.trace_id);
      if (ids.size >= q.limit) return ids;
    }
  }
}
