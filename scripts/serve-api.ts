/**
 * The API half of the console server: every route handler under app/api/**, called straight from
 * the module Next compiled for it (the very module Next's own router loads, so one copy of the
 * route's code and state), without Next's per-request machinery (docs/adr/0003). The table comes
 * from Next's build manifest, so it lists exactly the routes that exist.
 */
import fs from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readBody } from '../lib/http/read-body';
import {
  matchRoute,
  parseRouteName,
  PathParamError,
  type RouteMatch,
  type RoutePattern,
  sortPatterns,
} from '../lib/http/route-table';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];
type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string | string[]>> },
) => Response | Promise<Response>;
export type ApiEntry = { pattern: RoutePattern; file: string; handlers: Partial<Record<Method, Handler>> };

/** Request headers the routes read; converting every header costs more than the routes' work. */
const FORWARD = [
  'cache-control',
  'content-type',
  'accept',
  'authorization',
  'cookie',
  'x-forwarded-for',
  'x-forwarded-proto',
  'origin',
  // set by the guard (lib/auth/principal.ts), never taken from the client
  'x-shannon-principal',
  'x-shannon-address',
];
/** The largest API request body (a long PromQL query, a dashboard). */
export const MAX_API_BODY_BYTES = 4 * 1024 * 1024;

const requireCompiled = createRequire(import.meta.url);

/** Loads every API route Next built, in matching order; throws when the build is not what this server knows. */
export function loadApiRoutes(distDir: string): ApiEntry[] {
  const manifestFile = path.join(distDir, 'server', 'app-paths-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, string>;
  const entries: ApiEntry[] = [];
  for (const [name, file] of Object.entries(manifest)) {
    const pattern = parseRouteName(name);
    if (!pattern) continue;
    const mod = requireCompiled(path.join(distDir, 'server', file)) as {
      routeModule?: { userland?: Record<string, unknown> };
    };
    const userland = mod.routeModule?.userland;
    if (!userland) {
      throw new Error(
        `${file} has no routeModule.userland: this Next.js build is laid out differently from what scripts/serve-api.ts reads (docs/adr/0003)`,
      );
    }
    const handlers: Partial<Record<Method, Handler>> = {};
    for (const m of METHODS) if (typeof userland[m] === 'function') handlers[m] = userland[m] as Handler;
    entries.push({ pattern, file, handlers });
  }
  if (entries.length === 0) throw new Error(`${manifestFile} lists no API route`);
  return sortPatterns(entries);
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = Buffer.from(JSON.stringify({ error: { code, message } }));
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(body.length),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** The route for an /api/ path, or an answer already sent (404 for no route, 400 for a malformed parameter). */
export function findApiRoute(
  routes: readonly ApiEntry[],
  pathname: string,
  res: http.ServerResponse,
): RouteMatch<ApiEntry> | null {
  try {
    const m = matchRoute(routes, pathname);
    if (!m) sendJson(res, 404, 'not_found', `no API route at ${pathname.slice(0, 200)}`);
    return m;
  } catch (e) {
    if (!(e instanceof PathParamError)) throw e;
    sendJson(res, 400, 'bad_request', e.message);
    return null;
  }
}

export async function serveApi(
  match: RouteMatch<ApiEntry>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<void> {
  const { handlers } = match.entry;
  const method = (req.method ?? 'GET').toUpperCase() as Method;
  const allow = Object.keys(handlers).concat(
    handlers.GET && !handlers.HEAD ? ['HEAD'] : [],
    handlers.OPTIONS ? [] : ['OPTIONS'],
  );
  const handler = handlers[method] ?? (method === 'HEAD' ? handlers.GET : undefined);
  if (!handler) {
    req.resume();
    if (method === 'OPTIONS') {
      res.writeHead(204, { allow: allow.join(', ') }).end();
      return;
    }
    sendJson(
      res,
      405,
      'method_not_allowed',
      `${match.entry.pattern.route} does not take ${req.method}; it takes ${allow.join(', ')}`,
      { allow: allow.join(', ') },
    );
    return;
  }
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const read = await readBody(req, MAX_API_BODY_BYTES);
    if (read === 'too-large') {
      sendJson(
        res,
        413,
        'payload_too_large',
        `the request body is larger than ${MAX_API_BODY_BYTES / 1024 / 1024} MiB`,
      );
      return;
    }
    body = read;
  }
  // The browser leaving the page closes the socket: abort the upstream query too.
  const ac = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) ac.abort();
  });
  const headers: Record<string, string> = {};
  for (const h of FORWARD) {
    const v = req.headers[h];
    if (v !== undefined) headers[h] = Array.isArray(v) ? v.join(', ') : v;
  }
  const request = new Request(url, {
    method: method === 'HEAD' ? 'GET' : method,
    signal: ac.signal,
    headers,
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
  const response = await handler(request, { params: Promise.resolve(match.params) });
  const payload = Buffer.from(await response.arrayBuffer());
  const out: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    out[k] = v;
  });
  out['content-length'] = String(payload.length);
  res.writeHead(response.status, out);
  res.end(method === 'HEAD' ? undefined : payload);
}
