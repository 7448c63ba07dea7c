import type Database from 'better-sqlite3';

/**
 * The embedded store's SQLite schema. Spans are appended (rowid order ≈ arrival order); the
 * unique (trace_id, span_id) index makes a re-sent batch a no-op and serves trace-by-id; the
 * (service, start_ns) and (start_ns) indexes serve search and age retention. `tags` holds the
 * span's scalar attributes as "\nkey=value\n" lines for attribute search; resource attributes
 * live once per origin (resource + scope).
 */
export const SCHEMA_VERSION = 1;

export type SyncLevel = 'off' | 'normal' | 'full';

export function openDatabase(db: Database.Database, sync: SyncLevel, readonly = false): void {
  db.pragma('busy_timeout = 5000');
  if (readonly) return;
  // Must precede the first table so freed pages can be returned to the OS in small steps.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync.toUpperCase()}`);
  db.pragma('cache_size = -65536');
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
      tags TEXT NOT NULL,
      body BLOB NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS spans_id ON spans (trace_id, span_id);
    CREATE INDEX IF NOT EXISTS spans_service ON spans (service, start_ns);
    CREATE INDEX IF NOT EXISTS spans_start ON spans (start_ns);
    CREATE TABLE IF NOT EXISTS operations (
      service TEXT NOT NULL,
      name TEXT NOT NULL,
      kind INTEGER NOT NULL,
      PRIMARY KEY (service, name, kind)
    ) WITHOUT ROWID;
  `);
  const v = db.prepare('SELECT value FROM meta WHERE key = ?').get('schema_version') as { value: string } | undefined;
  if (v && Number(v.value) !== SCHEMA_VERSION) {
    throw new Error(`trace store schema version ${v.value} is not ${SCHEMA_VERSION}; move the old database away`);
  }
  if (!v) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
}
