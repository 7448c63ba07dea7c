/**
 * The embedded store's writer thread: decodes export requests, writes them in group-committed
 * transactions, runs retention between transactions, and answers each request only after its
 * transaction committed. Decoding here keeps the main thread (HTTP, pages, Prometheus proxy)
 * free while SQLite works (docs/adr/0004).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeExportJson } from '../otlp/decode-json';
import { decodeExportRequest } from '../otlp/decode-proto';
import type { RawExport } from '../otlp/types';
import { DecodeError } from '../otlp/wire';
import type { ToWorker, FromWorker } from './protocol';
import { SqliteWriter, type WriterOptions } from './writer';

const port = parentPort;
if (!port) throw new Error('writer-worker must run as a worker thread');

const opts = workerData as WriterOptions & { retentionEveryMs: number; testDelayMs: number };
let writer: SqliteWriter;
try {
  writer = new SqliteWriter(opts);
  post({ type: 'ready' });
} catch (e) {
  post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
  process.exit(1);
}

function post(m: FromWorker) {
  port!.postMessage(m);
}

let pending: { id: number; req: RawExport }[] = [];
let scheduled = false;
let lastRetention = 0;

port.on('message', (m: ToWorker) => {
  if (m.type === 'stop') {
    flush();
    writer.close();
    post({ type: 'stopped' });
    return;
  }
  let req: RawExport;
  try {
    req = m.format === 'json' ? decodeExportJson(Buffer.from(m.body).toString('utf8')) : decodeExportRequest(m.body);
  } catch (e) {
    const bad = e instanceof DecodeError || e instanceof RangeError;
    post({ type: 'result', id: m.id, ok: false, status: bad ? 'bad_request' : 'internal', message: `cannot decode the ${m.format === 'json' ? 'OTLP/JSON' : 'OTLP protobuf'} payload: ${(e as Error).message}` });
    return;
  }
  pending.push({ id: m.id, req });
  if (!scheduled) {
    scheduled = true;
    // Everything that arrived while the last transaction ran is committed together.
    setImmediate(flush);
  }
});

function flush() {
  scheduled = false;
  const batch = pending;
  pending = [];
  if (batch.length > 0) {
    if (opts.testDelayMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, opts.testDelayMs);
    try {
      const results = writer.ingest(batch.map((b) => b.req));
      batch.forEach((b, i) => post({ type: 'result', id: b.id, ok: true, ...(results[i] as NonNullable<(typeof results)[number]>) }));
    } catch (e) {
      const message = `the trace store could not write: ${(e as Error).message}`;
      for (const b of batch) post({ type: 'result', id: b.id, ok: false, status: 'unavailable', message });
    }
  }
  const now = Date.now();
  if (now - lastRetention >= opts.retentionEveryMs) {
    lastRetention = now;
    try {
      const removed = writer.retentionStep(now);
      // More to remove: come back soon, between ingest transactions.
      if (removed > 0) lastRetention = now - opts.retentionEveryMs + 50;
    } catch (e) {
      console.error('[trace-store] retention step failed', e);
    }
  }
}

// Idle stores still age out.
setInterval(() => {
  if (!scheduled) flush();
}, Math.max(100, opts.retentionEveryMs)).unref();
