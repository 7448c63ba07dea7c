import type Database from 'better-sqlite3';

/**
 * Sets of traces for the service map and the analysis (issue 17, ADR 0012): the traces of a
 * range, found from their trace groups or sampled by their root spans, without reading spans.
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
