import fs from 'node:fs';
import { expect, test } from './fixtures';
import { type ConsoleInstance, grpcExport, startConsoleInstance, traceWithSpans } from './otlp-helpers';
import { decodeStatus, post, sdkProtobufExport } from './otlp-payloads';

/**
 * A console configured with an ingest token, a 64 KiB export limit and a 1 KiB write queue. The
 * writer is slowed by TRACE_WRITER_TEST_DELAY_MS (fault injection: a real store is too fast to
 * fill its queue on demand) so "queue full" is reproducible.
 */
const TOKEN = 'e2e-secret-token';
let c: ConsoleInstance;

test.beforeAll(async () => {
  c = await startConsoleInstance({
    OTLP_TOKEN: TOKEN,
    OTLP_MAX_BYTES: '64KiB',
    OTLP_QUEUE_BYTES: '1KiB',
    TRACE_WRITER_TEST_DELAY_MS: '1500',
  });
});
test.afterAll(async () => {
  await c?.stop();
  if (c) fs.rmSync(c.dataDir, { recursive: true, force: true });
});

const AUTH = { Authorization: `Bearer ${TOKEN}` };
const PROTO = { 'Content-Type': 'application/x-protobuf' };

test('without the token: 401 over HTTP (4318 and the console port alike), UNAUTHENTICATED over gRPC; with it: stored', async () => {
  const p = sdkProtobufExport('e2e-auth', 2);
  const url = `http://127.0.0.1:${c.httpPort}/v1/traces`;
  const onConsolePort = `${c.url}/v1/traces`;
  for (const u of [url, onConsolePort]) {
    const no = await post(u, p.body, PROTO);
    expect(no.status, u).toBe(401);
    expect(decodeStatus(no.buf).code, u).toBe(16);
    expect((await post(u, p.body, { ...PROTO, Authorization: 'Bearer wrong' })).status, u).toBe(401);
  }
  const viaConsole = sdkProtobufExport('e2e-auth-console', 1);
  expect((await post(onConsolePort, viaConsole.body, { ...PROTO, ...AUTH })).status).toBe(200);
  expect((await traceWithSpans(c.url, viaConsole.traceId, 1)).spans).toHaveLength(1);
  expect(await grpcExport(c.grpcPort, p.body)).toMatchObject({ ok: false, code: 16 });
  expect((await post(url, p.body, { ...PROTO, ...AUTH })).status).toBe(200);
  expect(
    (await grpcExport(c.grpcPort, sdkProtobufExport('e2e-auth', 2).body, { authorization: `Bearer ${TOKEN}` })).ok,
  ).toBe(true);
  expect((await traceWithSpans(c.url, p.traceId, 2)).spans).toHaveLength(2);
});

test('over the size limit: 413 over HTTP, RESOURCE_EXHAUSTED over gRPC', async () => {
  const big = sdkProtobufExport('e2e-big', 2, { blob: 'y'.repeat(70 * 1024) });
  const r = await post(`${c.url}/v1/traces`, big.body, { ...PROTO, ...AUTH });
  expect(r.status).toBe(413);
  expect(await grpcExport(c.grpcPort, big.body, { authorization: `Bearer ${TOKEN}` })).toMatchObject({
    ok: false,
    code: 8,
  });
});

test('write queue full: 503 with Retry-After over HTTP, UNAVAILABLE over gRPC; the first export still lands', async () => {
  const url = `http://127.0.0.1:${c.httpPort}/v1/traces`;
  const first = sdkProtobufExport('e2e-queue', 8);
  const pending = post(url, first.body, { ...PROTO, ...AUTH });
  await new Promise((r) => setTimeout(r, 200));
  const second = await post(url, sdkProtobufExport('e2e-queue', 8).body, { ...PROTO, ...AUTH });
  expect(second.status).toBe(503);
  expect(second.headers.get('retry-after')).toBe('1');
  expect(decodeStatus(second.buf).code).toBe(14);
  expect(
    await grpcExport(c.grpcPort, sdkProtobufExport('e2e-queue', 8).body, { authorization: `Bearer ${TOKEN}` }),
  ).toMatchObject({ ok: false, code: 14 });
  expect((await pending).status).toBe(200);
  expect((await traceWithSpans(c.url, first.traceId, 8)).spans).toHaveLength(8);
});
