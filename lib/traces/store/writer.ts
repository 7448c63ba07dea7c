import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { IngestExport } from '../otlp/types';
import { type Origin, type Rows, type SpanRow, rejectionMessage, toRows } from './rows';
import fs from 'node:fs';
import { packSkeleton } from './skeleton';
import { makeBloom } from './bloom';
import { SchemaMismatch, type SyncLevel, dataBudgetBytes, openDatabase } from './schema';

export type WriterOptions = {
  file: string;
  sync: SyncLevel;
  /** spans that started longer ago than this are removed */
  retentionMs: number;
  /** the database file and its WAL together stay within this many bytes: the oldest spans are removed (0 = no limit) */
  maxBytes: number;
};

export type IngestResult = { accepted: number; duplicates: number; rejected: number; message: string };

/**
 * The one writer of the embedded store. `ingest` runs several decoded requests in a single
 * transaction (group commit) and returns only after it committed: the caller acknowledges the
 * export after that, so an acknowledged span is on disk (WAL) before the client hears "OK".
 */
export class SqliteWriter {
  db: Database.Database;
  private readonly originIds = new Map<string, number>();
  private readonly knownOps = new Set<string>();
  private readonly insertSpan: Database.Statement;
  private readonly insertOrigin: Database.Statement;
  private readonly findOrigin: Database.Statement;
  private readonly insertOp: Database.Statement;
  private readonly findGroup: Database.Statement;
  private readonly insertGroup: Database.Statement;
  private readonly retention: Record<
    'services' | 'byAge' | 'bounds' | 'oldest' | 'minRowid' | 'groups',
    Database.Statement
  >;
  private retentionBatch = 2000;

  constructor(private readonly opts: WriterOptions) {
    this.db = new Database(opts.file);
    try {
      openDatabase(this.db, opts.sync, false, opts.maxBytes);
    } catch (e) {
      if (!(e instanceof SchemaMismatch)) throw e;
      // A store from an older console: set it aside (never delete what was stored) and start anew.
      this.db.close();
      const aside = `${opts.file}.v${e.found}-${Date.now()}`;
      for (const ext of ['', '-wal', '-shm'])
        if (fs.existsSync(opts.file + ext)) fs.renameSync(opts.file + ext, aside + ext);
      console.warn(`[trace-store] ${e.message}: the old database was moved to ${aside}`);
      this.db = new Database(opts.file);
      openDatabase(this.db, opts.sync, false, opts.maxBytes);
    }
    this.insertSpan = this.db.prepare(
      `INSERT INTO spans (trace_id, span_id, parent_id, origin, service, name, kind, start_ns, dur_ns, status, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findGroup = this.db.prepare('SELECT 1 FROM trace_groups WHERE trace_id = ? AND digest = ?').pluck();
    this.insertGroup = this.db.prepare(
      'INSERT INTO trace_groups (trace_id, digest, lo, hi, bloom, skel) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.retention = {
      services: this.db.prepare('SELECT DISTINCT service FROM operations').pluck(),
      byAge: this.db.prepare(
        'DELETE FROM spans WHERE rowid IN (SELECT rowid FROM spans INDEXED BY spans_service WHERE service = ? AND start_ns < ? ORDER BY start_ns LIMIT ?)',
      ),
      bounds: this.db.prepare('SELECT min(rowid) lo, max(rowid) hi FROM spans'),
      oldest: this.db.prepare('DELETE FROM spans WHERE rowid IN (SELECT rowid FROM spans ORDER BY rowid LIMIT ?)'),
      minRowid: this.db.prepare('SELECT min(rowid) FROM spans').pluck(),
      groups: this.db.prepare(
        'DELETE FROM trace_groups WHERE rowid IN (SELECT rowid FROM trace_groups WHERE hi < ? ORDER BY hi LIMIT ?)',
      ),
    };
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
  ingest(requests: IngestExport[]): IngestResult[] {
    const tx = this.db.transaction((reqs: IngestExport[]) =>
      reqs.map((req) => {
        const rows = toRows(req, (o) => this.originId(o));
        return this.write(rows);
      }),
    );
    try {
      // BEGIN IMMEDIATE: the write lock is taken first (waiting on busy_timeout). A deferred
      // transaction that read before writing failed at once with "database is locked" when the
      // checkpointer's TRUNCATE reset the WAL in between (SQLITE_BUSY_SNAPSHOT: no busy wait).
      return tx.immediate(requests);
    } catch (e) {
      // The transaction rolled back: origin ids cached inside it may not exist.
      this.originIds.clear();
      this.knownOps.clear();
      throw e;
    }
  }

  private write(rows: Rows): IngestResult {
    let accepted = 0;
    let duplicates = 0;
    // One group per trace: its spans get contiguous rowids and one trace_groups entry.
    const groups = new Map<string, SpanRow[]>();
    for (const s of rows.spans) {
      const key = Buffer.from(s.traceId.buffer, s.traceId.byteOffset, 16).toString('latin1');
      const g = groups.get(key);
      if (g) g.push(s);
      else groups.set(key, [s]);
    }
    for (const group of groups.values()) {
      const traceId = (group[0] as SpanRow).traceId;
      const digest = groupDigest(group);
      if (this.findGroup.get(traceId, digest)) {
        duplicates += group.length;
        continue;
      }
      let lo = 0;
      let hi = 0;
      const rowids: number[] = [];
      for (const s of group) {
        const id = Number(
          this.insertSpan.run(
            s.traceId,
            s.spanId,
            s.parentId,
            s.origin,
            s.service,
            s.name,
            s.kind,
            s.startNs,
            s.durNs,
            s.status,
            s.body,
          ).lastInsertRowid,
        );
        rowids.push(id);
        if (!lo) lo = id;
        hi = id;
        const op = `${s.service}\u0000${s.name}\u0000${s.kind}`;
        if (!this.knownOps.has(op)) {
          this.insertOp.run(s.service, s.name, s.kind);
          this.knownOps.add(op);
        }
      }
      this.insertGroup.run(
        traceId,
        digest,
        lo,
        hi,
        makeBloom(
          rows.kvHashes,
          group.map((s) => [s.kvStart, s.kvEnd] as const),
        ),
        packSkeleton(group, rowids, lo),
      );
      accepted += group.length;
    }
    return { accepted, duplicates, rejected: rows.rejected, message: rejectionMessage(rows) };
  }

  /**
   * One small retention step: removes spans past the age limit, then the oldest spans while the
   * database is over its size limit. The batch adapts so that a step stays well under 50 ms
   * (ingest waits for it). Returns the number of spans removed.
   */
  retentionStep(nowMs = Date.now()): number {
    const started = performance.now();
    const budgetMs = 25;
    const cutoff = BigInt(Math.floor(nowMs - this.opts.retentionMs)) * 1_000_000n;
    let removed = 0;
    const services = this.retention.services.all() as string[];
    // The batch is shared by the services, so one step deletes at most `retentionBatch` spans.
    const per = Math.max(50, Math.ceil(this.retentionBatch / Math.max(1, services.length)));
    for (const service of services) {
      if (performance.now() - started > budgetMs) break;
      removed += this.retention.byAge.run(service, cutoff, per).changes;
    }
    // Spans are kept within the budget less the WAL's share (schema.ts dataBudgetBytes).
    const dataBudget = dataBudgetBytes(this.opts.maxBytes);
    const size = this.opts.maxBytes > 0 ? this.sizeBytes() : 0;
    if (this.opts.maxBytes > 0 && size > dataBudget && performance.now() - started <= budgetMs) {
      // Remove about as many of the oldest spans as the excess holds, not a whole batch blindly.
      const r = this.retention.bounds.get() as { lo: number | null; hi: number | null };
      const spans = r.lo === null || r.hi === null ? 0 : r.hi - r.lo + 1;
      const perSpan = spans > 0 ? size / spans : size;
      const n = Math.max(1, Math.min(this.retentionBatch, Math.ceil((size - dataBudget) / perSpan)));
      removed += this.retention.oldest.run(n).changes;
    }
    if (performance.now() - started <= budgetMs) {
      // Groups whose whole rowid range is gone, a bounded number per step.
      const low = this.retention.minRowid.get() as number | null;
      this.retention.groups.run(low ?? Number.MAX_SAFE_INTEGER, this.retentionBatch);
      if (this.opts.maxBytes > 0) {
        // With a size budget the file itself must shrink, not only its pages in use: free pages
        // are returned to the OS on every step until none are left (a bounded number per step),
        // including the steps after the one that brought the data within its share.
        const free = this.db.pragma('freelist_count', { simple: true }) as number;
        if (free > 0) this.db.pragma(`incremental_vacuum(${Math.min(free, 256)})`);
      } else if (removed > 0) this.db.pragma('incremental_vacuum(64)');
    }
    const ms = performance.now() - started;
    if (ms > budgetMs) this.retentionBatch = Math.max(100, Math.floor(this.retentionBatch / 2));
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

/**
 * Identity of a trace's spans within one export: the same export sent again has the same
 * digest. XOR of the 8-byte span ids plus their count: order-free without a sort, and two
 * different sets of random ids collide with probability 2^-64.
 */
function groupDigest(group: SpanRow[]): Buffer {
  let a = 0;
  let b = 0;
  for (const s of group) {
    const id = s.spanId;
    a ^= ((id[0] as number) << 24) | ((id[1] as number) << 16) | ((id[2] as number) << 8) | (id[3] as number);
    b ^= ((id[4] as number) << 24) | ((id[5] as number) << 16) | ((id[6] as number) << 8) | (id[7] as number);
  }
  const out = Buffer.alloc(12);
  out.writeInt32BE(a, 0);
  out.writeInt32BE(b, 4);
  out.writeUInt32BE(group.length, 8);
  return out;
}
