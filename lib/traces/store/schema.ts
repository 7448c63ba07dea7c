import type Database from 'better-sqlite3';

/**
 * The embedded store's SQLite schema. Spans are appended (rowid order ≈ arrival order) and one
 * full index sits on them, (service, start_ns, dur_ns), for search and age retention (beside it a
 * partial one of root spans by start time, one entry per trace: ADR 0012); it is
 * time-ordered within each service, so inserts append at the right edge, and a duration filter
 * is answered from the index alone. Trace ids are random, so a per-span trace-id
 * index would dirty one random page per span; instead `trace_groups` holds one entry per trace
 * per export (the contiguous rowid range of that trace's spans) keyed by (trace_id, digest of
 * the span ids): trace-by-id reads a few ranges, and a re-sent export finds its digest and is
 * skipped. Each group carries a Bloom filter of its spans' KeyValues for attribute search
 * (docs/adr/0004). `body` is the span's
 * protobuf encoding; attribute search looks for the encoded KeyValue inside it (reader.ts).
 * Resource attributes live once per origin (resource + scope) with a searchable text form.
 */
export const SCHEMA_VERSION = 6;

export type SyncLevel = 'off' | 'normal' | 'full';

export class SchemaMismatch extends Error {
  constructor(readonly found: string) {
    super(`trace store schema version ${found} is not ${SCHEMA_VERSION}`);
    this.name = 'SchemaMismatch';
  }
}

/**
 * The share of TRACE_MAX_BYTES kept for the write-ahead log: a quarter, from 256 KiB to 64 MiB.
 * Spans are kept within the rest, so the database file and its WAL together stay within the
 * budget (0 = no limit).
 */
export function walBudgetBytes(maxBytes: number): number {
  if (maxBytes <= 0) return 0;
  return Math.min(64 * 1024 * 1024, Math.max(256 * 1024, Math.floor(maxBytes / 4)));
}

/** The share of TRACE_MAX_BYTES that spans may fill: the budget less the WAL's share (0 = no limit). */
export function dataBudgetBytes(maxBytes: number): number {
  if (maxBytes <= 0) return 0;
  return Math.max(0, maxBytes - walBudgetBytes(maxBytes));
}

export function openDatabase(db: Database.Database, sync: SyncLevel, readonly = false, maxBytes = 0): void {
  db.pragma('busy_timeout = 5000');
  if (readonly) return;
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (hasMeta) {
    const found = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('schema_version') as
      string | undefined;
    if (found !== undefined && Number(found) !== SCHEMA_VERSION) throw new SchemaMismatch(found);
  }
  // Must precede the first table so freed pages can be returned to the OS in small steps.
  db.pragma('auto_vacuum = INCREMENTAL');
  // 8 KiB pages: ~10 spans per leaf and fewer index page splits (measured +20 % ingest vs 4 KiB).
  db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync.toUpperCase()}`);
  db.pragma('cache_size = -65536');
  // Checkpoints run on their own thread (checkpoint-worker.mjs); the writer checkpoints itself
  // only if that thread falls behind by ~400 MB of WAL.
  db.pragma('wal_autocheckpoint = 50000');
  const wal = walBudgetBytes(maxBytes);
  if (wal > 0) {
    // With a size budget the WAL must stay inside it: checkpoint after half of its share, and
    // cut the file back to its share when it is reset (the checkpointer truncates it when over).
    db.pragma(`journal_size_limit = ${wal}`);
    db.pragma(`wal_autocheckpoint = ${Math.max(32, Math.floor(wal / 2 / 8192))}`);
  }
  db.pragma('temp_store = MEMORY');
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS origins (
      id INTEGER PRIMARY KEY,
      key BLOB NOT NULL UNIQUE,
      service TEXT NOT NULL,
      body TEXT NOT NULL,
      tags TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS spans (
      trace_id BLOB NOT NULL,
      span_id BLOB NOT NULL,
      parent_id BLOB,
      origin INTEGER NOT NULL,
      service TEXT NOT NULL,
      name TEXT NOT NULL,
      kind INTEGER NOT NULL,
      start_ns INTEGER NOT NULL,
      dur_ns INTEGER NOT NULL,
      status INTEGER NOT NULL,
      body BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS trace_groups (
      trace_id BLOB NOT NULL,
      digest BLOB NOT NULL,
      lo INTEGER NOT NULL,
      hi INTEGER NOT NULL,
      bloom BLOB NOT NULL,
      skel BLOB NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS trace_groups_id ON trace_groups (trace_id, digest);
    CREATE INDEX IF NOT EXISTS trace_groups_hi ON trace_groups (hi);
    CREATE INDEX IF NOT EXISTS spans_service ON spans (service, start_ns, dur_ns);
    -- Root spans by start time: one entry per trace, appended in time order. It counts and samples
    -- the traces of a range evenly (the service map) without walking their spans (ADR 0012).
    CREATE INDEX IF NOT EXISTS spans_roots ON spans (start_ns) WHERE parent_id IS NULL;
    CREATE TABLE IF NOT EXISTS operations (
      service TEXT NOT NULL,
      name TEXT NOT NULL,
      kind INTEGER NOT NULL,
      PRIMARY KEY (service, name, kind)
    ) WITHOUT ROWID;
  `);
  const v = db.prepare('SELECT value FROM meta WHERE key = ?').get('schema_version');
  if (!v) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
}
