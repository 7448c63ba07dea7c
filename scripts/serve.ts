/**
 * The console's server: Next.js for pages, every API route called straight from the module Next
 * compiled for it (scripts/serve-api.ts), and the trace side (embedded store, OTLP receivers).
 * The server loads nothing of lib/ but the configuration, the pure route table and the trace
 * side; process-wide state is shared through lib/server/process.ts (docs/adr/0003).
 * Run with tsx and tsconfig.server.json: `npm start` (or `npm run dev`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import next from 'next';
import { guard } from '../lib/auth/guard';
import { OidcLogin } from '../lib/auth/oidc';
import { AuthService, clientAddress } from '../lib/auth/service';
import { getConfig } from '../lib/config';
import { DashboardStore } from '../lib/dashboards/store';
import { loadProvisioned } from '../lib/dashboards/provisioning';
import { newNonce, securityHeaders } from '../lib/http/security-headers';
import { type RequestContext, setProcessSlot } from '../lib/server/process';
import { isAnswerable } from '../lib/errors';
import { escapeMalformedPath } from '../lib/http/route-table';
import { startTraceStore } from '../lib/server/trace-side';
import { findApiRoute, loadApiRoutes, sendJson, serveApi } from './serve-api';

/** Request line and headers together; Node's default (16 KiB) would cut long PromQL in a URL short with an empty 431. */
const MAX_HEADER_BYTES = 64 * 1024;
/** A request (headers and body) must arrive within this; a slow client cannot hold a socket for ever. */
const REQUEST_TIMEOUT_MS = 120_000;
/** Open connections at once; more wait in the kernel's backlog. */
const MAX_CONNECTIONS = 2048;

function closeDataDir(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const f of fs.readdirSync(dir)) {
    if (/^(traces|console|dashboards)\.sqlite(-wal|-shm)?$|^users\.json$/.test(f))
      fs.chmodSync(path.join(dir, f), 0o600);
  }
}

function describeAuth(a: ReturnType<typeof getConfig>['auth']): string {
  if (a.mode === 'none') return a.explicit ? 'none (AUTH_MODE=none: every page says so)' : 'none (loopback only)';
  if (a.mode === 'local') return `local users from ${a.usersFile}`;
  if (a.mode === 'proxy') return `the ${a.proxy.header} header from ${a.proxy.trusted.join(', ')}`;
  return `OpenID Connect with ${a.oidc?.issuer}`;
}

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
  // Spans carry prompts and user ids: everything the console writes is its user's alone, and
  // files an older version left readable to others are closed now.
  process.umask(0o077);
  fs.mkdirSync(cfg.dataDir, { recursive: true, mode: 0o700 });
  closeDataDir(cfg.dataDir);
  const auth = new AuthService(cfg.auth, cfg.dataDir);
  setProcessSlot('auth', auth);
  setProcessSlot('dashboards', new DashboardStore(cfg.dataDir));
  const provisioned = loadProvisioned(cfg.dashboardsDir);
  for (const p of provisioned.problems) console.warn(`[console] DASHBOARDS_DIR: ${p.file}: ${p.problem}`);
  if (cfg.dashboardsDir)
    console.log(`[console] ${provisioned.dashboards.length} dashboard(s) provisioned from ${cfg.dashboardsDir}`);
  setProcessSlot('provisioned', provisioned);
  const context = new AsyncLocalStorage<RequestContext>();
  setProcessSlot('requestContext', context);
  const tls = cfg.auth.tls
    ? { cert: fs.readFileSync(cfg.auth.tls.certFile), key: fs.readFileSync(cfg.auth.tls.keyFile) }
    : null;
  const oidcLogin =
    cfg.auth.mode === 'oidc' && cfg.auth.oidc && cfg.auth.publicUrl
      ? new OidcLogin(auth, cfg.auth.oidc, cfg.auth.publicUrl)
      : null;
  const guardExtras = oidcLogin
    ? { oidc: oidcLogin.handle.bind(oidcLogin), providerLogout: oidcLogin.logoutUrl.bind(oidcLogin) }
    : {};
  // The logout form's redirect goes to the provider: the CSP must allow that form target.
  const formAction = cfg.auth.oidc ? new URL(cfg.auth.oidc.issuer).origin : undefined;
  const traceSide = await startTraceStore(cfg);
  const app = next({ dev, dir, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // In development Next compiles routes on demand: it serves them itself.
  const apiRoutes = dev ? null : loadApiRoutes(path.join(dir, '.next'));
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const nonce = newNonce();
    for (const [k, v] of Object.entries(securityHeaders({ nonce, tls: tls !== null, dev, formAction })))
      res.setHeader(k, v);
    // Next finds the nonce here and puts it on the inline scripts it writes.
    req.headers['content-security-policy'] = `script-src 'nonce-${nonce}'`;
    req.headers['x-nonce'] = nonce;
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
      traceSide.otlpHttp(req, res); // OTLP_TOKEN, as on the other OTLP listeners
      return;
    }
    guard(auth, req, res, url, guardExtras)
      .then((who) => {
        if (who === 'answered') return;
        context.run({ principal: who, address: clientAddress(req) }, () => dispatch(req, res, url));
      })
      .catch((e: unknown) => {
        console.error('[shannon-console] the guard failed', e);
        if (!res.headersSent) sendJson(res, 500, 'internal', 'internal error');
        else res.end();
      });
  };
  const dispatch = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
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
  };
  const options = { maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: 20_000 };
  const server = tls ? https.createServer({ ...options, ...tls }, onRequest) : http.createServer(options, onRequest);
  server.maxConnections = MAX_CONNECTIONS;
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
  server.listen(port, hostname, () => {
    const scheme = tls ? 'https' : 'http';
    console.log(`[shannon-console] ready on ${scheme}://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
    console.log(`[shannon-console] authentication: ${describeAuth(cfg.auth)}`);
  });
  const stop = () => {
    server.close();
    void traceSide.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
