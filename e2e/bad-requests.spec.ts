import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startConsole } from '../scripts/stack/console';
import { freePort, stopProcess } from '../scripts/stack/proc';
import { expect, freshDir, test } from './fixtures';

/** One request exactly as written (no URL normalising), with a deadline: every request must be answered. */
function raw(
  base: string,
  target: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const u = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: target,
        method: opts.method ?? 'GET',
        headers: { connection: 'close', ...opts.headers },
        timeout: 10_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`no answer to ${opts.method ?? 'GET'} ${target.slice(0, 80)} within 10 s`)),
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const T = 'ab'.repeat(16);
const S = 'cd'.repeat(8);
/** Every API route with a path parameter, the parameter's name, and where the malformed value goes. */
const PATH_ROUTES: [string, (bad: string) => string][] = [
  ['name', (b) => `/api/prom/labels/${b}/values`],
  ['service', (b) => `/api/services/${b}/operations`],
  ['traceId', (b) => `/api/traces/${b}`],
  ['traceId', (b) => `/api/traces/${b}/otlp`],
  ['traceId', (b) => `/api/traces/${b}/overview`],
  ['traceId', (b) => `/api/traces/${b}/rows`],
  ['traceId', (b) => `/api/traces/${b}/spans/${S}`],
  ['spanId', (b) => `/api/traces/${T}/spans/${b}`],
];

test('malformed percent-encoding in a path parameter: a 400 that names the parameter, on every route, and no socket left hanging', async ({
  baseURL,
}) => {
  for (const bad of ['%E0%A4%A', '%', '%ZZ']) {
    for (const [param, route] of PATH_ROUTES) {
      const r = await raw(baseURL!, route(bad));
      expect.soft({ route: route(bad), status: r.status }).toEqual({ route: route(bad), status: 400 });
      expect.soft(JSON.parse(r.body).error.message).toContain(`invalid parameter "${param}"`);
    }
  }
  // Many at once: each is answered, none holds its socket.
  const all = await Promise.all(
    Array.from({ length: 200 }, (_, i) => raw(baseURL!, PATH_ROUTES[i % PATH_ROUTES.length]![1]('%E0%A4%A'))),
  );
  expect(all.every((r) => r.status === 400)).toBe(true);
});

test('a page path that is not a trace id is the page’s own 404; a traceparent opens its trace at its span', async ({
  page,
  baseURL,
}) => {
  const r = await raw(baseURL!, '/traces/%E0%A4%A');
  expect(r.status).toBe(404);
  expect(r.headers['content-type']).toContain('text/html');
  await page.goto('/traces/%E0%A4%A');
  const alert = page.getByRole('alert').filter({ hasText: 'Not a trace id' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('traceparent');
  const tp = await raw(baseURL!, `/traces/00-${T.toUpperCase()}-${S}-01`);
  expect(tp.status).toBe(307);
  expect(tp.headers.location).toBe(`/traces/${T}?span=${S}`);
});

test('unknown routes and methods: JSON 404, and a 405 with Allow', async ({ baseURL }) => {
  const missing = await raw(baseURL!, '/api/nope');
  expect(missing.status).toBe(404);
  expect(JSON.parse(missing.body).error.code).toBe('not_found');
  const del = await raw(baseURL!, '/api/prom/query?query=up', { method: 'DELETE' });
  expect(del.status).toBe(405);
  expect(del.headers.allow).toBe('GET, POST, HEAD, OPTIONS');
  expect(JSON.parse(del.body).error).toMatchObject({
    code: 'method_not_allowed',
    message: expect.stringContaining('takes GET, POST'),
  });
  const opts = await raw(baseURL!, '/api/services', { method: 'OPTIONS' });
  expect(opts.status).toBe(204);
  expect(opts.headers.allow).toBe('GET, HEAD, OPTIONS');
});

test('out-of-range durations and times: 400 for minDuration past int64, from=0 accepted', async ({ request }) => {
  for (const k of ['minDuration', 'maxDuration']) {
    const r = await request.get(`/api/traces?${k}=2562048h`);
    expect(r.status()).toBe(400);
    expect((await r.json()).error.message).toContain(`invalid parameter "${k}"`);
  }
  const zero = await request.get('/api/traces?from=0&to=now&limit=1');
  expect(zero.status()).toBe(200);
});

test('long PromQL: a POST body takes up to the 20,000-character limit; an oversize URL or header is a JSON 414 / 431', async ({
  baseURL,
  request,
}) => {
  // A valid query of about 19,000 characters (Prometheus answers it), and one over the limit.
  const long = Array.from({ length: 1900 }, () => 'vector(1)').join('+');
  expect(long.length).toBeGreaterThan(16_000);
  const ok = await request.post('/api/prom/query', { form: { query: long } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).series[0].value).toBe(1900);
  const tooLong = await request.post('/api/prom/query', {
    form: { query: `${long}+${'vector(1)+'.repeat(120)}vector(1)` },
  });
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).error.message).toContain('longer than 20,000 characters');

  const url = await raw(baseURL!, `/api/prom/query?query=${encodeURIComponent(long).repeat(2)}`);
  expect(url.status).toBe(414);
  expect(JSON.parse(url.body).error.message).toContain('POST body');
  const header = await raw(baseURL!, '/api/prom/query?query=up', { headers: { 'x-filler': 'a'.repeat(70_000) } });
  expect(header.status).toBe(431);
  expect(JSON.parse(header.body).error.code).toBe('request_header_fields_too_large');
});

test('a password in PROMETHEUS_URL is never shown', async ({ request, stack }) => {
  const port = await freePort();
  const dir = freshDir('credentials');
  const withCreds = stack.prometheusUrl.replace('http://', 'http://admin:hunter2@');
  const logFile = path.join(dir, 'console.log');
  const proc = await startConsole({
    port,
    host: '127.0.0.1',
    logFile,
    env: { PROMETHEUS_URL: withCreds, DATA_DIR: dir, OTLP_GRPC_PORT: '0', OTLP_HTTP_PORT: '0' },
  });
  try {
    const r = await request.get(`http://127.0.0.1:${port}/api/ready`);
    const text = await r.text();
    expect(r.status()).toBe(200);
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text).checks.prometheus.url).toContain('redacted');
    expect(fs.readFileSync(logFile, 'utf8')).not.toContain('hunter2');
  } finally {
    await stopProcess(proc);
  }
});

test('a traceparent whose span is not in the trace opens the trace with a notice, not an error to retry', async ({
  page,
}) => {
  // Any stored trace (the simulator exports them from its start).
  let id = '';
  await expect
    .poll(async () => {
      const r = (await (await page.request.get('/api/traces?limit=1')).json()) as { traces: { traceId: string }[] };
      id = r.traces[0]?.traceId ?? '';
      return id;
    })
    .toMatch(/^[0-9a-f]{32}$/);
  const absent = 'ab'.repeat(8);
  await page.goto(`/traces/00-${id}-${absent}-01`);
  await expect(page).toHaveURL(new RegExp(`/traces/${id}\\?span=${absent}$`));
  await expect(page.getByTestId('span-row').first()).toBeVisible();
  const missing = page.getByTestId('span-missing');
  await expect(missing).toContainText(`Span ${absent} is not in this trace`);
  await expect(page.getByTestId('span-detail').getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await missing.getByRole('button', { name: 'Show the trace without it' }).click();
  await expect(page).not.toHaveURL(/span=/);
});
