import type http from 'node:http';
import { accessOf, isWrite } from './access';
import { postLogin, postLogout } from './login-routes';
import { ADDRESS_HEADER, encodePrincipal, PRINCIPAL_HEADER, SESSION_COOKIE } from './principal';
import { hasRole, type Principal } from './roles';
import { type AuthService, bearerOf, clientAddress } from './service';

/**
 * The one guard in front of every page and API route (issue 13): the console server calls it for
 * each request before Next or an API route sees it. It answers itself (401, 403, a redirect to
 * the login page, the login form's POST) or lets the request through with the principal in a
 * header that only it can set.
 */

export type GuardExtras = {
  /** OIDC's own paths (/login/oidc, /login/callback), when that mode is on; true when answered. */
  oidc?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;
  /** where the provider ends its session on logout, when it says */
  providerLogout?: () => Promise<string | null>;
};

function json(res: http.ServerResponse, status: number, code: string, message: string, headers = {}) {
  const body = JSON.stringify({ error: { code, message } });
  res
    .writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'content-length': String(Buffer.byteLength(body)),
      ...headers,
    })
    .end(body);
}

function html(res: http.ServerResponse, status: number, title: string, text: string) {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} · Shannon Console</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="/">Back to the console</a></p></body></html>`;
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': String(Buffer.byteLength(body)),
    })
    .end(body);
}

/** Whether a state-changing request comes from the console's own pages (its Origin is this host). */
export function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin) {
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function hostAllowed(auth: AuthService, req: http.IncomingMessage): boolean {
  if (auth.cfg.allowedHosts.length === 0) return true;
  const host = (req.headers.host ?? '')
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return auth.cfg.allowedHosts.includes(host);
}

/** The principal to let through (null for an open path), or 'answered' when the guard replied itself. */
export async function guard(
  auth: AuthService,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  extras: GuardExtras = {},
): Promise<Principal | null | 'answered'> {
  delete req.headers[PRINCIPAL_HEADER];
  req.headers[ADDRESS_HEADER] = clientAddress(req);
  if (!hostAllowed(auth, req)) {
    json(
      res,
      421,
      'host_not_allowed',
      `this console does not answer to the host "${req.headers.host ?? ''}" (ALLOWED_HOSTS)`,
    );
    return 'answered';
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  const token = bearerOf(req) !== undefined;
  if (isWrite(method) && !token && !sameOrigin(req)) {
    req.resume();
    json(
      res,
      403,
      'cross_origin',
      `a ${method} from another site (Origin ${req.headers.origin ?? 'unknown'}) is refused`,
    );
    return 'answered';
  }
  const access = accessOf(path, method);
  if (access.kind === 'open') {
    if (extras.oidc && (await extras.oidc(req, res, url))) return 'answered';
    if (path === '/login' && method === 'POST') {
      await postLogin(auth, req, res);
      return 'answered';
    }
    if (path === '/logout') {
      if (method !== 'POST') {
        json(res, 405, 'method_not_allowed', 'log out with a POST (the button in the console)', { allow: 'POST' });
        return 'answered';
      }
      await postLogout(auth, req, res, auth.authenticate(req, SESSION_COOKIE), extras.providerLogout);
      return 'answered';
    }
    return pass(req, auth.authenticate(req, SESSION_COOKIE));
  }
  if (access.kind === 'metrics') {
    if (auth.metricsAllowed(req)) return pass(req, null);
    json(res, 401, 'unauthorized', 'the console’s metrics are open to METRICS_TRUSTED addresses or an API token', {
      'www-authenticate': 'Bearer',
    });
    return 'answered';
  }
  const who = auth.authenticate(req, SESSION_COOKIE);
  if (!who) {
    req.resume();
    if (token) {
      auth.audit('token.refused', 'unknown', clientAddress(req), { path });
      json(res, 401, 'unauthorized', 'the API token is not valid (unknown or revoked)', {
        'www-authenticate': 'Bearer',
      });
    } else if (auth.cfg.mode === 'proxy') {
      const why = auth.fromTrustedProxy(req)
        ? `the proxy did not send the user (${auth.cfg.proxy.header})`
        : 'this console takes users only through its trusted proxy';
      if (access.kind === 'api') json(res, 401, 'unauthorized', why);
      else html(res, 401, 'Not signed in', why);
    } else if (access.kind === 'api') {
      json(res, 401, 'unauthorized', 'log in first, or send an API token in Authorization: Bearer', {
        'www-authenticate': 'Bearer',
      });
    } else {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(path + url.search)}`;
      res.writeHead(302, { location: `/login${next}`, 'cache-control': 'no-store' }).end();
    }
    return 'answered';
  }
  if (!hasRole(who.role, access.role)) {
    req.resume();
    const why = `${who.name} is a ${who.role}; this needs the ${access.role} role`;
    if (access.kind === 'api') json(res, 403, 'forbidden', why);
    else html(res, 403, 'Not allowed', why);
    return 'answered';
  }
  return pass(req, who);
}

function pass(req: http.IncomingMessage, who: Principal | null): Principal | null {
  if (who) req.headers[PRINCIPAL_HEADER] = encodePrincipal(who);
  return who;
}
