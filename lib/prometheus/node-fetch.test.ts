import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PromClient } from './client';
import { nodeFetch } from './node-fetch';

let server: http.Server;
let base = '';
let slowClosed = false;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/query')) {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const q = new URLSearchParams(body).get('query');
        if (q === 'slow') {
          req.socket.on('close', () => (slowClosed = true));
          return; // never answers
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            status: 'success',
            data: { resultType: 'vector', result: [{ metric: { q: q ?? '' }, value: [1, '2'] }] },
          }),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('nodeFetch under PromClient', () => {
  it('posts the form and reads the answer', async () => {
    const c = new PromClient({ baseUrl: base, timeoutMs: 2000, fetchImpl: nodeFetch });
    const r = await c.query('up{a="b"}');
    expect(r.data).toEqual({ resultType: 'vector', result: [{ metric: { q: 'up{a="b"}' }, value: [1, '2'] }] });
  });

  it('a caller abort closes the upstream connection', async () => {
    const c = new PromClient({ baseUrl: base, timeoutMs: 10_000, fetchImpl: nodeFetch });
    const ac = new AbortController();
    const p = c.query('slow', undefined, ac.signal).catch((e) => e);
    await new Promise((r) => setTimeout(r, 100));
    ac.abort();
    expect((await p).kind).toBe('aborted');
    await expect.poll(() => slowClosed).toBe(true);
  });

  it('a deadline is a timeout, a closed port is unreachable', async () => {
    const c = new PromClient({ baseUrl: base, timeoutMs: 100, fetchImpl: nodeFetch });
    expect((await c.query('slow').catch((e) => e)).kind).toBe('timeout');
    const dead = new PromClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000, fetchImpl: nodeFetch });
    const e = await dead.query('up').catch((x) => x);
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain('ECONNREFUSED');
  });
});
