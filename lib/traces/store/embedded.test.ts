import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonExport } from '../test/otlp-json';
import { EmbeddedStore } from './embedded';

const T = 'a'.repeat(32);
let dir: string;
let store: EmbeddedStore;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
  store = await EmbeddedStore.open({
    dataDir: dir,
    sync: 'normal',
    retentionMs: 72 * 3600e3,
    maxBytes: 0,
    queueBytes: 1 << 26,
  });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const body = (o: unknown) => Buffer.from(JSON.stringify(o));

describe('embedded store', () => {
  it('keeps valid spans, rejects invalid ones with a reason, and ignores a re-sent batch', async () => {
    const now = Date.now();
    const req = jsonExport('orchestrator', [
      {
        traceId: T,
        spanId: '1'.repeat(16),
        name: 'POST /v1/chat',
        startMs: now - 100,
        durMs: 90,
        kind: 2,
        attributes: { 'http.status_code': 200 },
      },
      {
        traceId: T,
        spanId: '2'.repeat(16),
        parentSpanId: '1'.repeat(16),
        name: 'workflow',
        startMs: now - 95,
        durMs: 80,
        status: 2,
      },
      { traceId: T, spanId: '3'.repeat(14), name: 'bad id', startMs: now - 95, durMs: 1 },
    ]);
    const first = await store.ingest('json', body(req));
    expect(first).toMatchObject({ ok: true, accepted: 2, rejected: 1 });
    expect(first.ok && first.message).toContain('span_id must be 8 bytes, got 7');
    const again = await store.ingest('json', body(req));
    expect(again).toMatchObject({ ok: true, accepted: 0, duplicates: 2, rejected: 1 });

    const trace = await store.trace(T);
    expect(trace?.spans.map((s) => s.name)).toEqual(['POST /v1/chat', 'workflow']);
    expect(trace?.spans[1]?.parentSpanId).toBe('1'.repeat(16));
    expect(trace?.spans[0]?.attributes).toEqual([{ key: 'http.status_code', value: { type: 'int', value: '200' } }]);
    expect(trace?.durationNs).toBe('90000000');

    const { traces: found } = await store.search({
      tags: [{ key: 'status', value: 'error' }],
      fromNs: BigInt(now - 60_000) * 1_000_000n,
      toNs: BigInt(now + 1000) * 1_000_000n,
      limit: 20,
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      traceId: T,
      rootService: 'orchestrator',
      rootName: 'POST /v1/chat',
      spanCount: 2,
      errorCount: 1,
    });
    expect(await store.services()).toEqual(['orchestrator']);
  });

  it('answers a payload that cannot be decoded with bad_request and keeps what was stored', async () => {
    const now = Date.now();
    await store.ingest(
      'json',
      body(jsonExport('svc', [{ traceId: T, spanId: '1'.repeat(16), name: 'a', startMs: now, durMs: 1 }])),
    );
    const bad = await store.ingest('proto', Buffer.from([0x0a, 0xff, 0xff, 0x01]));
    expect(bad).toMatchObject({ ok: false, status: 'bad_request' });
    expect((await store.trace(T))?.spans).toHaveLength(1);
  });
});

describe('the traces of a range (the service map and the analysis)', () => {
  it('finds every trace with spans in the range, stored in any order, without the ones outside', async () => {
    const now = Date.now();
    const id = (c: string) => c.repeat(32);
    const span = (trace: string, n: number, startMs: number) => ({
      traceId: id(trace),
      spanId: String(n).padStart(16, '0'),
      name: 'op',
      startMs,
      durMs: 5,
    });
    // b is stored after c though it is older; d is before the range; a has a second batch.
    await store.ingest('json', body(jsonExport('orchestrator', [span('a', 1, now - 50_000)])));
    await store.ingest('json', body(jsonExport('orchestrator', [span('d', 2, now - 7_200_000)])));
    await store.ingest('json', body(jsonExport('orchestrator', [span('c', 3, now - 10_000)])));
    await store.ingest(
      'json',
      body(
        jsonExport('llm-service', [
          span('b', 4, now - 40_000),
          { ...span('a', 5, now - 45_000), parentSpanId: '1'.padStart(16, '0') },
        ]),
      ),
    );
    const ns = (ms: number) => BigInt(ms) * 1_000_000n;
    const range = { fromNs: ns(now - 3_600_000), toNs: ns(now), tags: [] };
    const all = await store.matchingIds({ ...range, limit: 100 });
    expect([...all].sort()).toEqual([id('a'), id('b'), id('c')]);
    // Newest stored first (the last batch held b and a), each trace once, up to the limit.
    expect([...(await store.matchingIds({ ...range, limit: 2 }))].sort()).toEqual([id('a'), id('b')]);
    // An even sample by the traces' roots, with how many there are; the newest first when few are asked.
    const sampled = await store.sampleTraces(range.fromNs, range.toNs, 100);
    expect(sampled.population).toBe(3);
    expect([...sampled.ids].sort()).toEqual([id('a'), id('b'), id('c')]);
    expect(await store.sampleTraces(range.fromNs, range.toNs, 1)).toEqual({ ids: [id('c')], population: 3 });
    // A filter walks the spans instead: the same answer where both apply.
    expect([...(await store.matchingIds({ ...range, service: 'orchestrator', limit: 100 }))].sort()).toEqual([
      id('a'),
      id('c'),
    ]);
  });
});

describe('size budget', () => {
  it('keeps the database file and its WAL together within TRACE_MAX_BYTES', async () => {
    const budgetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-budget-'));
    const maxBytes = 2 * 1024 * 1024;
    const small = await EmbeddedStore.open({
      dataDir: budgetDir,
      sync: 'normal',
      retentionMs: 72 * 3600e3,
      maxBytes,
      queueBytes: 1 << 26,
      retentionEveryMs: 50,
    });
    const onDisk = () =>
      ['', '-wal'].reduce(
        (n, ext) => n + (fs.existsSync(small.file + ext) ? fs.statSync(small.file + ext).size : 0),
        0,
      );
    try {
      const now = Date.now();
      const pad = 'x'.repeat(1000);
      // About 8 MiB of spans, four times the budget, sent as 40 exports.
      for (let b = 0; b < 40; b++) {
        const spans = Array.from({ length: 200 }, (_, i) => ({
          traceId: (b * 200 + i + 1).toString(16).padStart(32, '0'),
          spanId: (i + 1).toString(16).padStart(16, '0'),
          name: 'op',
          startMs: now - 60_000 + b,
          durMs: 5,
          attributes: { pad },
        }));
        expect(await small.ingest('json', body(jsonExport('api', spans)))).toMatchObject({ ok: true, accepted: 200 });
      }
      const deadline = Date.now() + 15_000;
      while (onDisk() > maxBytes && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(onDisk()).toBeLessThanOrEqual(maxBytes);
      // The newest spans are still there; the oldest went.
      expect((await small.trace((40 * 200).toString(16).padStart(32, '0')))?.spans).toHaveLength(1);
      expect(await small.trace((1).toString(16).padStart(32, '0'))).toBeNull();
    } finally {
      await small.close();
      fs.rmSync(budgetDir, { recursive: true, force: true });
    }
  }, 30_000);
});
