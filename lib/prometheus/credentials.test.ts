import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config';
import { PromClient } from './client';
import { makeNodeFetch } from './node-fetch';

/** A stand-in for a Prometheus behind an auth proxy: it answers only with the right headers. */
let server: http.Server;
let base = '';
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    const ok = req.headers.authorization === `Basic ${Buffer.from('reader:s3cret').toString('base64')}`;
    res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
    res.end(
      ok
        ? JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } })
        : JSON.stringify({ status: 'error', errorType: 'unauthorized', error: 'no' }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('Prometheus credentials', () => {
  it('sends basic auth and the extra headers with every request', async () => {
    const cfg = parseConfig({
      PROMETHEUS_URL: base,
      PROMETHEUS_BASIC_AUTH_USER: 'reader',
      PROMETHEUS_BASIC_AUTH_PASSWORD: 's3cret',
      PROMETHEUS_HEADERS: 'X-Scope-OrgID: team-a; X-Trace: 1',
    });
    const client = new PromClient({
      baseUrl: base,
      timeoutMs: 2000,
      fetchImpl: makeNodeFetch({ headers: cfg.prometheusAuth.headers }),
    });
    await expect(client.query('up')).resolves.toMatchObject({ data: { result: [] } });
    expect(seen.at(-1)).toMatchObject({ 'x-scope-orgid': 'team-a', 'x-trace': '1' });
    const without = new PromClient({ baseUrl: base, timeoutMs: 2000, fetchImpl: makeNodeFetch() });
    await expect(without.query('up')).rejects.toMatchObject({ kind: 'upstream' });
  });

  it('names a bad setting without printing the secret', () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return '';
      } catch (e) {
        return (e as ConfigError).message;
      }
    };
    const half = problems({ PROMETHEUS_BASIC_AUTH_PASSWORD: 'hunter2-secret' });
    expect(half).toContain('PROMETHEUS_BASIC_AUTH_USER and PROMETHEUS_BASIC_AUTH_PASSWORD go together');
    expect(half).not.toContain('hunter2-secret');
    expect(problems({ PROMETHEUS_HEADERS: 'no colon here' })).toContain('PROMETHEUS_HEADERS must be');
    expect(problems({ PROMETHEUS_CA_FILE: '/nonexistent/ca.pem' })).toContain(
      'PROMETHEUS_CA_FILE: cannot read "/nonexistent/ca.pem"',
    );
    expect(parseConfig({ PROMETHEUS_BEARER_TOKEN: 'abc' }).prometheusAuth.headers).toEqual({
      Authorization: 'Bearer abc',
    });
  });
});
