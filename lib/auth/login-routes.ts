import type http from 'node:http';
import { readBody } from '../http/read-body';
import { safeNext, SESSION_COOKIE } from './principal';
import type { Principal } from './roles';
import { type AuthService, clientAddress, cookieOf } from './service';
import { checkLogin, UsersFileError } from './users-file';

/**
 * The login form's POST, logout, and the session cookie: served by the console server itself,
 * in front of Next (a form post needs no page code). A browser gets redirects; a client that
 * asks for JSON gets JSON.
 */

const MAX_FORM_BYTES = 16 * 1024;

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams | null> {
  const body = await readBody(req, MAX_FORM_BYTES);
  return body === 'too-large' ? null : new URLSearchParams(body.toString());
}

function wantsJson(req: http.IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('application/json');
}

export function sessionCookie(auth: AuthService, value: string, maxAgeS: number): string {
  const secure = auth.cfg.tls !== null || (auth.cfg.publicUrl?.startsWith('https:') ?? false);
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeS}${secure ? '; Secure' : ''}`;
}

/** Starts a session for `p` and sends the browser on to `next`. */
export function startSession(
  auth: AuthService,
  res: http.ServerResponse,
  p: Principal,
  next: string,
  json: boolean,
  otherCookies: string[] = [],
) {
  const id = auth.store.createSession(p, Date.now());
  const cookie = [sessionCookie(auth, id, Math.floor(auth.cfg.sessionMaxMs / 1000)), ...otherCookies];
  if (json) send(res, 200, { user: { name: p.name, role: p.role } }, { 'set-cookie': cookie });
  else res.writeHead(303, { location: next, 'set-cookie': cookie, 'cache-control': 'no-store' }).end();
}

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
) {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    })
    .end(text);
}

function refuse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  next: string,
  extra: Record<string, string> = {},
) {
  if (wantsJson(req)) {
    const headers: Record<string, string> = extra.until
      ? { 'retry-after': String(Math.max(1, Math.ceil((Number(extra.until) - Date.now()) / 1000))) }
      : {};
    send(res, status, { error: { code, message, ...extra } }, headers);
    return;
  }
  const q = new URLSearchParams({ error: code, ...extra });
  if (next !== '/') q.set('next', next);
  res.writeHead(303, { location: `/login?${q}`, 'cache-control': 'no-store' }).end();
}

/** POST /login (AUTH_MODE=local): name and password, throttled per user and per address. */
export async function postLogin(auth: AuthService, req: http.IncomingMessage, res: http.ServerResponse) {
  const form = await readForm(req);
  const next = safeNext(form?.get('next'));
  if (auth.cfg.mode !== 'local') {
    refuse(req, res, 404, 'no_local_login', `this console logs in with ${auth.cfg.mode}, not a password`, next);
    return;
  }
  const name = form?.get('name')?.trim() ?? '';
  const password = form?.get('password') ?? '';
  const address = clientAddress(req);
  if (!form || !name || !password) {
    refuse(req, res, 400, 'missing', 'give a user name and a password', next);
    return;
  }
  const now = Date.now();
  const until = auth.addressThrottle.lockedUntil(address, now) ?? auth.userThrottle.lockedUntil(name, now);
  if (until !== null) {
    auth.audit('login.locked', name, address, { until: new Date(until).toISOString() });
    refuse(req, res, 429, 'locked', lockedMessage(until), next, { until: String(until) });
    return;
  }
  let user;
  try {
    user = await checkLogin(auth.cfg.usersFile, name, password);
  } catch (e) {
    if (!(e instanceof UsersFileError)) throw e;
    console.error(`[shannon-console] ${e.message}`);
    refuse(req, res, 500, 'users_file', 'the console cannot read its users file; the log says why', next);
    return;
  }
  if (!user) {
    auth.audit('login.failed', name, address);
    const lock = auth.userThrottle.fail(name, now) ?? auth.addressThrottle.fail(address, now);
    if (lock !== null) {
      auth.audit('login.lockout', name, address, { until: new Date(lock).toISOString() });
      refuse(req, res, 429, 'locked', lockedMessage(lock), next, { until: String(lock) });
    } else {
      refuse(req, res, 401, 'invalid', 'wrong user name or password', next);
    }
    return;
  }
  auth.userThrottle.clear(name);
  auth.audit('login', user.name, address, { role: user.role, via: 'local' });
  startSession(auth, res, { name: user.name, role: user.role, via: 'session' }, next, wantsJson(req));
}

export function lockedMessage(until: number): string {
  return `too many failed logins: try again after ${new Date(until).toISOString()}`;
}

/** POST /logout: the session ends here (and, with OIDC, at the provider when it says how). */
export async function postLogout(
  auth: AuthService,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  who: Principal | null,
  providerLogout?: () => Promise<string | null>,
) {
  req.resume();
  const id = cookieOf(req, SESSION_COOKIE);
  if (id) auth.store.deleteSession(id);
  if (who) auth.audit('logout', who.name, clientAddress(req));
  const clear = sessionCookie(auth, '', 0);
  const to = (who && providerLogout ? await providerLogout().catch(() => null) : null) ?? '/login?loggedOut=1';
  if (wantsJson(req)) send(res, 200, { loggedOut: true }, { 'set-cookie': clear });
  else res.writeHead(303, { location: to, 'set-cookie': clear, 'cache-control': 'no-store' }).end();
}
