/**
 * The console's server: Next.js for pages, every API route called straight from the module Next
 * compiled for it (scripts/serve-api.ts), and the trace side (embedded store, OTLP receivers).
 * The server loads nothing of lib/ but the configuration, the pure route table and the trace
 * side; process-wide state is shared through lib/server/process.ts (docs/adr/0003).
 * Run with tsx and tsconfig.server.json: `npm start` (or `npm run dev`).
 */
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { getConfig } from '../lib/config';
import { isAnswerable } from '../lib/errors';
import { escapeMalformedPath } from '../lib/http/route-table';
import { startTraceStore } from '../lib/server/trace-side';
import { findApiRoute, loadApiRoutes, sendJson, serveApi } from './serve-api';

/** Request line and headers together; Node's default (16 KiB) would cut long PromQL in a URL short with an empty 431. */
const MAX_HEADER_BYTES = 64 * 1024;
/** A longer URL gets a 414 that says to send the query in a POST body. */
const MAX_URL_BYTES = 32 * 1024;

function refuse(message: string): never {
  console.error(`[shannon-console] refusing to start. ${message}`);
  process.exit(1);
}

async function main() {
  let cfg;
  try {
    cfg = getConfig();
  } catch (e) {
    if (isAnswerable(e, 'ConfigError')) refuse(e.message);
    throw e;
  }
  const { port, host: hostname } = cfg;
  const dev = process.argv.includes('--dev');
  const dir = path.resolve(import.meta.dirname, '..');
  const traceSide = await startTraceStore(cfg);
  const app = next({ dev, dir, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // In development Next compiles routes on demand: it serves them itself.
  const apiRoutes = dev ? null : loadApiRoutes(path.join(dir, '.next'));
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const rawUrl = req.url ?? '/';
    if (rawUrl.length > MAX_URL_BYTES) {
      req.resume();
      sendJson(
        res,
        414,
        'uri_too_long',
        `the URL is ${rawUrl.length} bytes, more than ${MAX_URL_BYTES}: send a long query in a POST body (application/x-www-form-urlencoded), as Prometheus's API takes it`,
      );
      return;
    }
    const url = new URL(rawUrl, `http://${req.headers.host ?? 'localhost'}`);
    if (url.pathname === '/v1/traces' && traceSide.otlpHttp) {
      traceSide.otlpHttp(req, res);
      return;
    }
    if (apiRoutes && url.pathname.startsWith('/api/')) {
      const match = findApiRoute(apiRoutes, url.pathname, res);
      if (!match) return;
      serveApi(match, req, res, url).catch((e: unknown) => {
        console.error(`[shannon-console] ${match.entry.pattern.route} failed`, e);
        if (!res.headersSent) sendJson(res, 500, 'internal', 'internal error');
        else res.end();
      });
      return;
    }
    // A page path that is not valid percent-encoding reaches its page as the text typed, and the
    // page says what is wrong with it (Next itself would answer a plain-text 500).
    const escaped = escapeMalformedPath(url.pathname);
    if (escaped !== url.pathname) req.url = escaped + url.search;
    void handle(req, res);
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, code, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [
            431,
            'request_header_fields_too_large',
            `the request line and headers are larger than ${MAX_HEADER_BYTES / 1024} KiB: send a long query in a POST body`,
          ]
        : [400, 'bad_request', 'the request is not valid HTTP'];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = 65_000;
  server.once('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') refuse(`PORT ${port} on ${hostname} is already in use: set PORT to a free port`);
    throw e;
  });
  server.listen(port, hostname, () =>
    console.log(`[shannon-console] ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`),
  );
  const stop = () => {
    server.close();
    void traceSide.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
