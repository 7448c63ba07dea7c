import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeExportJson } from '../otlp/decode-json';
import { jsonExport } from '../test/otlp-json';
import { rawToIngest } from './rows';
import { SqliteReader } from './reader';
import { dataBudgetBytes } from './schema';
import { SqliteWriter } from './writer';

const HOUR = 3_600_000;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open(opts: { retentionMs?: number; maxBytes?: number } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writer-'));
  dirs.push(dir);
  const file = path.join(dir, 'traces.sqlite');
  const writer = new SqliteWriter({
    file,
    sync: 'normal',
    retentionMs: opts.retentionMs ?? 72 * HOUR,
    maxBytes: opts.maxBytes ?? 0,
  });
  return { writer, reader: new SqliteReader(file) };
}

const tid = (i: number) => i.toString(16).padStart(32, '0');
const sid = (i: number) => (i + 1).toString(16).padStart(16, '0');

function traces(startMs: number, count: number, spansEach: number, offset = 0) {
  return rawToIngest(
    decodeExportJson(
      JSON.stringify(
        jsonExport(
          'svc',
          Array.from({ length: count * spansEach }, (_, i) => ({
            traceId: tid(offset + Math.floor(i / spansEach) + 1),
            spanId: sid(i),
            name: 'op',
            startMs: startMs + i,
            durMs: 5,
            attributes: { payload: 'x'.repeat(200) },
          })),
        ),
      ),
    ),
  );
}

describe('retention', () => {
  it('removes spans older than the retention and keeps the rest', () => {
    const now = Date.now();
    const { writer, reader } = open({ retentionMs: 72 * HOUR });
    writer.ingest([traces(now - 80 * HOUR, 3, 4), traces(now - HOUR, 2, 4, 100)]);
    expect(reader.spanCount()).toBe(20);
    let removed = 0;
    for (let i = 0; i < 10; i++) removed += writer.retentionStep(now);
    expect(removed).toBe(12);
    expect(reader.trace(tid(1))).toBeNull();
    expect(reader.trace(tid(101))?.spans).toHaveLength(4);
    expect(reader.spanCount()).toBe(8);
  });

  it('removes the oldest spans while the store is over its size limit, and only as many as needed', () => {
    const now = Date.now();
    const first = open();
    first.writer.ingest([traces(now - 2 * HOUR, 20, 10)]);
    const s1 = first.writer.sizeBytes();
    first.writer.ingest([traces(now - HOUR, 20, 10, 100)]);
    const s2 = first.writer.sizeBytes();
    first.writer.close();
    // The same file with a budget whose share for spans (the budget less the WAL's share) lies
    // between the two sizes: the older traces must go, the newer stay.
    const dir = dirs[dirs.length - 1] as string;
    const target = Math.floor((s1 + s2) / 2);
    let maxBytes = target;
    while (dataBudgetBytes(maxBytes) < target) maxBytes += 1024;
    const share = dataBudgetBytes(maxBytes);
    expect(share).toBeLessThan(s2);
    expect(share).toBeGreaterThan(s1);
    const writer = new SqliteWriter({
      file: path.join(dir, 'traces.sqlite'),
      sync: 'normal',
      retentionMs: 72 * HOUR,
      maxBytes,
    });
    for (let i = 0; i < 50 && writer.sizeBytes() > share; i++) writer.retentionStep(now);
    expect(writer.sizeBytes()).toBeLessThanOrEqual(share);
    expect(first.reader.trace(tid(1))).toBeNull();
    for (let t = 101; t <= 120; t++) expect(first.reader.trace(tid(t))?.spans).toHaveLength(10);
    expect(first.reader.spanCount()).toBeGreaterThanOrEqual(200);
    writer.close();
  });
});

describe('search', () => {
  it('matches span tags, resource tags and status, newest first, and stops at the limit', () => {
    const now = Date.now();
    const { writer, reader } = open();
    const req = decodeExportJson(
      JSON.stringify(
        jsonExport(
          'api',
          [
            {
              traceId: tid(1),
              spanId: sid(1),
              name: 'GET /a',
              startMs: now - 3000,
              durMs: 100,
              attributes: { 'http.status_code': 500, note: 'line\nbreak' },
            },
            { traceId: tid(2), spanId: sid(2), name: 'GET /b', startMs: now - 2000, durMs: 900, status: 2 },
            { traceId: tid(3), spanId: sid(3), name: 'GET /a', startMs: now - 1000, durMs: 300 },
          ],
          { region: 'eu-west' },
        ),
      ),
    );
    writer.ingest([rawToIngest(req)]);
    const q = (over: object) =>
      reader
        .search({
          tags: [],
          fromNs: BigInt(now - 60_000) * 1_000_000n,
          toNs: BigInt(now) * 1_000_000n,
          limit: 20,
          ...over,
        })
        .traces.map((t) => t.traceId);
    expect(q({})).toEqual([tid(3), tid(2), tid(1)]);
    expect(q({ limit: 2 })).toEqual([tid(3), tid(2)]);
    expect(q({ tags: [{ key: 'http.status_code', value: '500' }] })).toEqual([tid(1)]);
    expect(q({ tags: [{ key: 'note', value: 'line\nbreak' }] })).toEqual([tid(1)]);
    expect(q({ tags: [{ key: 'note', value: 'line' }] })).toEqual([]);
    expect(q({ tags: [{ key: 'region', value: 'eu-west' }] })).toEqual([tid(3), tid(2), tid(1)]);
    expect(q({ tags: [{ key: 'status', value: 'error' }] })).toEqual([tid(2)]);
    expect(q({ service: 'api', operation: 'GET /a', minDurationNs: 200_000_000n })).toEqual([tid(3)]);
    expect(q({ maxDurationNs: 150_000_000n })).toEqual([tid(1)]);
    expect(q({ service: 'other' })).toEqual([]);
    // Sorted: the whole result set ordered, then the limit; with the count that matched.
    expect(q({ sort: 'longest' })).toEqual([tid(2), tid(3), tid(1)]);
    expect(q({ sort: 'longest', limit: 1 })).toEqual([tid(2)]);
    expect(q({ sort: 'shortest', limit: 1 })).toEqual([tid(1)]);
    expect(q({ sort: 'oldest' })).toEqual([tid(1), tid(2), tid(3)]);
    expect(q({ sort: 'most-errors', limit: 1 })).toEqual([tid(2)]);
    const base = { tags: [], fromNs: BigInt(now - 60_000) * 1_000_000n, toNs: BigInt(now) * 1_000_000n };
    expect(reader.search({ ...base, limit: 1, sort: 'longest' })).toMatchObject({ matched: 3, capped: false });
    expect(reader.search({ ...base, limit: 1 }).matched).toBeUndefined();
    expect(reader.operations('api')).toEqual([
      { name: 'GET /a', kind: 'internal' },
      { name: 'GET /b', kind: 'internal' },
    ]);
  });
});
