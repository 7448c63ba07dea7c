/**
 * The console's production server: Next.js for pages, and the Prometheus proxy routes served
 * straight from their route modules (app/api/prom/**) without Next's per-request machinery, which
 * costs more than Prometheus itself takes to answer a typical panel query (docs/adr/0003).
 * Run with tsx and tsconfig.server.json: `npm start`.
 */
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import * as exemplars from '../app/api/prom/exemplars/route';
import * as labelValues from '../app/api/prom/labels/[name]/values/route';
import * as policyCanary from '../app/api/policy/canary/route';
import * as query from '../app/api/prom/query/route';
import * as queryRange from '../app/api/prom/query_range/route';
import * as operations from '../app/api/services/[service]/operations/route';
import * as services from '../app/api/services/route';
import * as traceById from '../app/api/traces/[traceId]/route';
import * as traceOverview from '../app/api/traces/[traceId]/overview/route';
import * as traceCompare from '../app/api/traces/compare/route';
import * as traceOtlp from '../app/api/traces/[traceId]/otlp/route';
import * as traceRows from '../app/api/traces/[traceId]/rows/route';
import * as traceSpan from '../app/api/traces/[traceId]/spans/[spanId]/route';
import * as traces from '../app/api/traces/route';
import { ConfigError, getConfig } from '../lib/config';
import { startTraceStore } from './serve-traces';

type Handler = (req: Request, params: string[]) => Promise<Response> | Response;

const FAST: [RegExp, Handler][] = [
  [/^\/api\/prom\/query_range$/, (r) => queryRange.GET(r)],
  [/^\/api\/prom\/query$/, (r) => query.GET(r)],
  [/^\/api\/prom\/exemplars$/, (r) => exemplars.GET(r)],
  [/^\/api\/prom\/labels\/([^/]+)\/values$/, (r, p) => labelValues.GET(r, { params: Promise.resolve({ name: p[0]! }) })],
  [/^\/api\/policy\/canary$/, (r) => policyCanary.GET(r)],
  [/^\/api\/traces$/, (r) => traces.GET(r)],
  [/^\/api\/traces\/compare$/, (r) => traceCompare.GET(r)],
  [/^\/api\/traces\/([^/]+)$/, (r, p) => traceById.GET(r, { params: Promise.resolve({ traceId: p[0]! }) })],
  [/^\/api\/traces\/([^/]+)\/overview$/, (r, p) => traceOverview.GET(r, { params: Promise.resolve({ traceId: p[0]! }) })],
  [/^\/api\/traces\/([^/]+)\/otlp$/, (r, p) => traceOtlp.GET(r, { params: Promise.resolve({ traceId: p[0]! }) })],
  [/^\/api\/traces\/([^/]+)\/rows$/, (r, p) => traceRows.GET(r, { params: Promise.resolve({ traceId: p[0]! }) })],
  [/^\/api\/traces\/([^/]+)\/spans\/([^/]+)$/, (r, p) => traceSpan.GET(r, { params: Promise.resolve({ traceId: p[0]!, spanId: p[1]! }) })],
  [/^\/api\/services$/, (r) => services.GET(r)],
  [/^\/api\/services\/([^/]+)\/operations$/, (r, p) => operations.GET(r, { params: Promise.resolve({ service: p[0]! }) })],
];

function match(pathname: string): { handler: Handler; params: string[] } | null {
  for (const [re, handler] of FAST) {
    const m = re.exec(pathname);
    if (m) return { handler, params: m.slice(1).map((x) => decodeURIComponent(x)) };
  }
  return null;
}

async function serveFast(handler: Handler, params: string[], req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  // The browser leaving the page closes the socket: abort the upstream Prometheus query too.
  const ac = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) ac.abort();
  });
  // The routes read the URL, the method, the signal and Cache-Control (no-cache: bypass the
  // range-query cache); no other header is converted.
  const cacheControl = req.headers['cache-control'];
  const request = new Request(url, { method: req.method, signal: ac.signal, headers: cacheControl ? { 'cache-control': cacheControl } : undefined });
  const response = await handler(request, params);
  const body = Buffer.from(await response.text());
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    headers[k] = v;
  });
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

async function main() {
  let cfg;
  try {
    cfg = getConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`[shannon-console] refusing to start. ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const { port, host: hostname } = cfg;
  const dev = process.argv.includes('--dev');
  const traceSide = await startTraceStore(cfg);
  const app = next({ dev, dir: path.resolve(import.meta.dirname, '..'), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (url.pathname === '/v1/traces' && traceSide.otlpHttp) {
      traceSide.otlpHttp(req, res);
      return;
    }
    const fast = req.method === 'GET' ? match(url.pathname) : null;
    if (!fast) {
      void handle(req, res);
      return;
    }
    serveFast(fast.handler, fast.params, req, res, url).catch((e: unknown) => {
      console.error('[shannon-console] fast route failed', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'internal error' } }));
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`[shannon-console] ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`));
  const stop = () => {
    server.close();
    void traceSide.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
