import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StoreHealth, TraceSearch, TraceStore } from '../model';

import type { FromWorker, ToWorker } from './protocol';
import { SqliteReader } from './reader';
import { type SyncLevel, walBudgetBytes } from './schema';

export type EmbeddedOptions = {
  dataDir: string;
  sync: SyncLevel;
  retentionMs: number;
  maxBytes: number;
  /** bytes of export requests waiting for the writer; beyond it ingest answers "busy, retry" */
  queueBytes: number;
  retentionEveryMs?: number;
  /** tests only: the writer sleeps this long before each transaction */
  testDelayMs?: number;
};

export type IngestOutcome =
  | { ok: true; accepted: number; duplicates: number; rejected: number; message: string }
  | { ok: false; status: 'bad_request' | 'unavailable' | 'internal' | 'busy'; message: string };

/**
 * The embedded trace store: one writer thread (decode + SQLite writes, group commit) and a
 * read-only connection on the main thread for queries.
 */
export class EmbeddedStore implements TraceStore {
  private worker!: Worker;
  private checkpointer?: Worker;
  private reader!: SqliteReader;
  private nextId = 1;
  private inflightBytes = 0;
  private readonly waiting = new Map<number, { resolve: (o: IngestOutcome) => void; bytes: number }>();
  readonly file: string;
  /** The current episode of failing writes (disk full, I/O error, writer gone), if any. */
  private failing?: { sinceMs: number; message: string; refused: number };

  private constructor(private readonly opts: EmbeddedOptions) {
    this.file = path.join(opts.dataDir, 'traces.sqlite');
  }

  static async open(opts: EmbeddedOptions): Promise<EmbeddedStore> {
    const store = new EmbeddedStore(opts);
    await store.start();
    return store;
  }

  private start(): Promise<void> {
    fs.mkdirSync(this.opts.dataDir, { recursive: true });
    const workerFile = path.join(import.meta.dirname, 'writer-worker.mjs');
    this.worker = new Worker(workerFile, {
      workerData: {
        file: this.file,
        sync: this.opts.sync,
        retentionMs: this.opts.retentionMs,
        maxBytes: this.opts.maxBytes,
        retentionEveryMs: this.opts.retentionEveryMs ?? 1000,
        testDelayMs: this.opts.testDelayMs ?? 0,
      },
    });
    return new Promise((resolve, reject) => {
      this.worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          this.reader = new SqliteReader(this.file);
          this.checkpointer = new Worker(path.join(import.meta.dirname, 'checkpoint-worker.mjs'), {
            workerData: { file: this.file, everyMs: 250, walLimitBytes: walBudgetBytes(this.opts.maxBytes) },
          });
          this.checkpointer.on('error', (e) =>
            console.error('[trace-store] checkpointer stopped; the writer checkpoints itself', e),
          );
          resolve();
        } else if (m.type === 'fatal') reject(new Error(`the trace store at ${this.file} cannot open: ${m.message}`));
        else if (m.type === 'result') this.settle(m.id, m.ok ? m : { ok: false, status: m.status, message: m.message });
      });
      this.worker.on('error', (e) => {
        reject(e);
        this.failAll(`the trace store's writer stopped: ${e.message}`);
      });
      this.worker.on('exit', () => this.failAll("the trace store's writer is not running"));
    });
  }

  private settle(id: number, outcome: IngestOutcome) {
    const w = this.waiting.get(id);
    if (!w) return;
    this.track(outcome);
    this.waiting.delete(id);
    this.inflightBytes -= w.bytes;
    if (outcome.ok) {
      const { ok, accepted, duplicates, rejected, message } = outcome;
      w.resolve({ ok, accepted, duplicates, rejected, message });
    } else w.resolve(outcome);
  }

  /** Writes that fail are logged once per episode (a full disk would otherwise show only as 503 counts). */
  private track(outcome: IngestOutcome) {
    if (!outcome.ok && outcome.status === 'unavailable') {
      if (this.failing) this.failing.refused++;
      else {
        this.failing = { sinceMs: Date.now(), message: outcome.message, refused: 1 };
        console.error(
          `[trace-store] writes to ${this.file} are failing: ${outcome.message}. Exports are answered 503 (retry later) until a write succeeds.`,
        );
      }
    } else if (outcome.ok && this.failing) {
      const s = Math.round((Date.now() - this.failing.sinceMs) / 1000);
      console.error(
        `[trace-store] writes succeed again after ${s} s; ${this.failing.refused} exports were refused meanwhile.`,
      );
      this.failing = undefined;
    }
  }

  health(): StoreHealth {
    if (!this.failing) return { ok: true, detail: `embedded store at ${this.file}` };
    const since = new Date(this.failing.sinceMs).toISOString();
    return {
      ok: false,
      detail: `writes failing since ${since} (${this.failing.refused} exports refused): ${this.failing.message}`,
    };
  }

  private failAll(message: string) {
    for (const id of [...this.waiting.keys()]) this.settle(id, { ok: false, status: 'unavailable', message });
  }

  /**
   * Hands an export request (already decompressed) to the writer. Resolves after the spans are
   * committed, or at once with `busy` when the queue is full: memory stays bounded and the
   * client retries (OTLP: 503/UNAVAILABLE with a retry delay).
   */
  ingest(format: 'proto' | 'json', body: Uint8Array): Promise<IngestOutcome> {
    if (this.inflightBytes + body.byteLength > this.opts.queueBytes && this.inflightBytes > 0) {
      return Promise.resolve({
        ok: false,
        status: 'busy',
        message: `the trace store is busy (${this.waiting.size} exports waiting); retry later`,
      });
    }
    const id = this.nextId++;
    this.inflightBytes += body.byteLength;
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve, bytes: body.byteLength });
      const msg: ToWorker = { type: 'ingest', id, format, body };
      // Hand the bytes over without a copy when they own their buffer (large bodies do).
      const own =
        body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
      this.worker.postMessage(msg, own ? [body.buffer as ArrayBuffer] : []);
    });
  }

  async trace(traceId: string) {
    return this.reader.trace(traceId);
  }

  async skeleton(traceId: string) {
    return this.reader.skeleton(traceId);
  }

  async extras(refs: number[]) {
    return this.reader.extras(refs);
  }

  async spanStrings(refs: number[], keys: ReadonlySet<string>) {
    return this.reader.spanStrings(refs, keys);
  }

  resourceAttributes(origin: number) {
    return this.reader.resourceAttributes(origin);
  }

  async span(traceId: string, spanId: string) {
    return this.reader.span(traceId, spanId);
  }

  async search(q: TraceSearch) {
    return this.reader.search(q);
  }

  async sampleTraces(fromNs: bigint, toNs: bigint, n: number) {
    const r = this.reader.sampleTraces(fromNs, toNs, n);
    return { ids: r.ids.map((b) => b.toString('hex')), population: r.population };
  }

  async matchingIds(q: TraceSearch) {
    return this.reader.matchingIds(q).map((b) => b.toString('hex'));
  }

  async services() {
    return this.reader.services();
  }

  async operations(service: string) {
    return this.reader.operations(service);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 5000);
      this.worker.once('message', (m: FromWorker) => {
        if (m.type === 'stopped') {
          clearTimeout(t);
          resolve();
        }
      });
      this.worker.postMessage({ type: 'stop' } satisfies ToWorker);
    });
    await this.worker.terminate();
    if (this.checkpointer) {
      const cp = this.checkpointer;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 2000);
        cp.once('message', () => {
          clearTimeout(t);
          resolve();
        });
        cp.postMessage('stop');
      });
      await cp.terminate();
    }
    this.reader?.close();
  }
}
