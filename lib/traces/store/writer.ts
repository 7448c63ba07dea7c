import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { RawExport } from '../otlp/types';
import { type Origin, type Rows, rejectionMessage, toRows } from './rows';
import { type SyncLevel, openDatabase } from './schema';

export type WriterOptions = {
  file: string;
  sync: SyncLevel;
  /** spans that started longer ago than this are removed */
  retentionMs: number;
  /** when the database holds more than this many bytes the oldest spans are removed (0 = no limit) */
  maxBytes: number;
};

export type IngestResult = { accepted: number; duplicates: number; rejected: number; message: string };

/**
 * The one writer of the embedded store. `ingest` runs several decoded requests in a single
 * transaction (group commit) and returns only after it committed: the caller acknowledges the
 * export after that, so an acknowledged span is on disk (WAL) before the client hears "OK".
 */
export class SqliteWriter {
  readonly db: Database.Database;
  private readonly originIds = new Map<string, number>();
  private readonly knownOps = new Set<string>();
  private readonly insertSpan: Database.Statement;
  private readonly insertOrigin: Database.Statement;
  private readonly findOrigin: Database.Statement;
  private readonly insertOp: Database.Statement;
  private retentionBatch = 2000;

  constructor(private readonly opts: WriterOptions) {
    this.db = new Database(opts.file);
    openDatabase(this.db, opts.sync);
    this.insertSpan = this.db.prepare(
      `INSERT OR IGNORE INTO spans (trace_id, span_id, parent_id, origin, service, name, kind, start_ns, dur_ns, status, tags, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertOrigin = this.db.prepare('INSERT OR IGNORE INTO origins (key, service, body, tags) VALUES (?, ?, ?, ?)');
    this.findOrigin = this.db.prepare('SELECT id FROM origins WHERE key = ?').pluck();
    this.insertOp = this.db.prepare('INSERT OR IGNORE INTO operations (service, name, kind) VALUES (?, ?, ?)');
  }

  private originId(o: Origin): number {
    const cached = this.originIds.get(o.key);
    if (cached !== undefined) return cached;
    const key = createHash('sha256').update(o.key).digest();
    this.insertOrigin.run(key, o.service, o.body, o.tags);
    const id = this.findOrigin.get(key) as number;
    if (this.originIds.size > 10_000) this.originIds.clear();
    this.originIds.set(o.key, id);
    return id;
  }

  /** Writes several export requests in one transaction; one result per request. */
  ingest(requests: RawExport[]): IngestResult[] {
    const tx = this.db.transaction((reqs: RawExport[]) =>
      reqs.map((req) => {
        const rows = toRows(req, (o) => this.originId(o));
        return this.write(rows);
      }),
    );
    try {
      return tx(requests);
    } catch (e) {
      // The transaction rolled back: origin ids cached inside it may not exist.
      this.originIds.clear();
      this.knownOps.clear();
      throw e;
    }
  }

  private write(rows: Rows): IngestResult {
    let accepted = 0;
    for (const s of rows.spans) {
      const info = this.insertSpan.run(s.traceId, s.spanId, s.parentId, s.origin, s.service, s.name, s.kind, s.startNs, s.durNs, s.status, s.tags, s.body);
      accepted += info.changes;
      const op = `${s.service}\u0000${s.name}\u0000${s.kind}`;
      if (!this.knownOps.has(op)) {
        this.insertOp.run(s.service, s.name, s.kind);
        this.knownOps.add(op);
      }
    }
    return { accepted, duplicates: rows.spans.length - accepted, rejected: rows.rejected, message: rejectionMessage(rows) };
  }

  /**
   * One small retention step: removes spans past the age limit, then the oldest spans while the
   * database is over its size limit. The batch adapts so that a step stays well under 50 ms
   * (ingest waits for it). Returns the number of spans removed.
   */
  retentionStep(nowMs = Date.now()): number {
    const started = performance.now();
    const cutoff = BigInt(Math.floor(nowMs - this.opts.retentionMs)) * 1_000_000n;
    let removed = this.db
      .prepare('DELETE FROM spans WHERE rowid IN (SELECT rowid FROM spans WHERE start_ns < ? ORDER BY start_ns LIMIT ?)')
      .run(cutoff, this.retentionBatch).changes;
    const size = this.opts.maxBytes > 0 ? this.sizeBytes() : 0;
    if (size > this.opts.maxBytes && this.opts.maxBytes > 0) {
      // Remove about as many of the oldest spans as the excess holds, not a whole batch blindly.
      const r = this.db.prepare('SELECT min(rowid) lo, max(rowid) hi FROM spans').get() as { lo: number | null; hi: number | null };
      const spans = r.lo === null || r.hi === null ? 0 : r.hi - r.lo + 1;
      const perSpan = spans > 0 ? size / spans : size;
      const n = Math.max(1, Math.min(this.retentionBatch, Math.ceil((size - this.opts.maxBytes) / perSpan)));
      removed += this.db.prepare('DELETE FROM spans WHERE rowid IN (SELECT rowid FROM spans ORDER BY rowid LIMIT ?)').run(n).changes;
    }
    if (removed > 0) this.db.pragma('incremental_vacuum(256)');
    const ms = performance.now() - started;
    if (ms > 25) this.retentionBatch = Math.max(100, Math.floor(this.retentionBatch / 2));
    else if (ms < 8 && removed >= this.retentionBatch) this.retentionBatch = Math.min(50_000, this.retentionBatch * 2);
    return removed;
  }

  /** Bytes in use: pages that hold data (free pages are reused before the file grows). */
  sizeBytes(): number {
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const free = this.db.pragma('freelist_count', { simple: true }) as number;
    return (pages - free) * pageSize;
  }

  close(): void {
    this.db.close();
  }
}
