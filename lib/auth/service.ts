import type http from 'node:http';
import type { AuthConfig } from './config';
import { cidrMatcher } from './cidr';
import { isRole, type Principal } from './roles';
import { AuthStore } from './store';
import { LoginThrottle } from './throttle';

/**
 * The console's side of who is asking: sessions, tokens, the trusted proxy, the login
 * throttle and the audit log. One per process (lib/server/process.ts slot `auth`), made by the
 * console server; the guard and the admin routes use the same one.
 */

const MINUTE = 60_000;

export type Audit = (kind: string, user: string, address: string, detail?: Record<string, unknown>) => void;

export function clientAddress(req: http.IncomingMessage): string {
  const a = req.socket.remoteAddress ?? '';
  return a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

export function cookieOf(req: http.IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

export function bearerOf(req: http.IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

export class AuthService {
  readonly store: AuthStore;
  /** five failures in 15 minutes lock a user name for 15 minutes */
  readonly userThrottle = new LoginThrottle(5, 15 * MINUTE, 15 * MINUTE);
  /** twenty from one address lock the address */
  readonly addressThrottle = new LoginThrottle(20, 15 * MINUTE, 15 * MINUTE);
  private readonly trustedProxy: (a: string | undefined) => boolean;
  private readonly trustedMetrics: (a: string | undefined) => boolean;
  private pruneTimer: NodeJS.Timeout;

  constructor(
    readonly cfg: AuthConfig,
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.store = new AuthStore(dataDir);
    this.trustedProxy = cidrMatcher(cfg.proxy.trusted);
    this.trustedMetrics = cidrMatcher(cfg.metricsTrusted);
    this.pruneTimer = setInterval(() => {
      const t = this.now();
      this.store.pruneSessions(t, cfg.sessionIdleMs, cfg.sessionMaxMs);
      this.userThrottle.prune(t);
      this.addressThrottle.prune(t);
    }, 10 * MINUTE);
    this.pruneTimer.unref();
  }

  close(): void {
    clearInterval(this.pruneTimer);
    this.store.close();
  }

  /** An audit entry, kept in the console's database and written as one JSON log line. */
  audit: Audit = (kind, user, address, detail = {}) => {
    const ts = this.now();
    this.store.audit(kind, user, address, detail, ts);
    console.log(JSON.stringify({ audit: kind, user, address, ...detail, time: new Date(ts).toISOString() }));
  };

  /** Whether the request may read /api/metrics: from a METRICS_TRUSTED address, or with a token. */
  metricsAllowed(req: http.IncomingMessage): boolean {
    return this.trustedMetrics(req.socket.remoteAddress) || this.byToken(req) !== null;
  }

  /** The principal of an API token in `Authorization: Bearer`, or null. */
  byToken(req: http.IncomingMessage): Principal | null {
    const token = bearerOf(req);
    if (!token?.startsWith('sct_')) return null;
    const t = this.store.useToken(token, this.now());
    if (!t) return null;
    if (t.noted) {
      this.audit('token.use', `token:${t.name}`, clientAddress(req), { tokenId: t.id, path: req.url?.split('?')[0] });
    }
    return { name: `token:${t.name}`, role: t.role, via: 'token' };
  }

  /**
   * Who the request is, or null. A token counts in every mode; then the mode's own proof: none
   * (everyone is the local admin), a session cookie (local, oidc), or the proxy's header from a
   * trusted address (from anywhere else the header is ignored).
   */
  authenticate(req: http.IncomingMessage, sessionCookie: string): Principal | null {
    if (bearerOf(req)) return this.byToken(req);
    switch (this.cfg.mode) {
      case 'none':
        return { name: 'anonymous', role: 'admin', via: 'none' };
      case 'proxy':
        return this.byProxy(req);
      default: {
        const id = cookieOf(req, sessionCookie);
        if (!id) return null;
        const s = this.store.session(id, this.now(), this.cfg.sessionIdleMs, this.cfg.sessionMaxMs);
        return s ? { name: s.name, role: s.role, via: s.via } : null;
      }
    }
  }

  /** Whether the request comes from an address AUTH_PROXY_TRUSTED names. */
  fromTrustedProxy(req: http.IncomingMessage): boolean {
    return this.trustedProxy(req.socket.remoteAddress);
  }

  private byProxy(req: http.IncomingMessage): Principal | null {
    if (!this.fromTrustedProxy(req)) return null;
    const user = header(req, this.cfg.proxy.header)?.trim();
    if (!user) return null;
    const asked = this.cfg.proxy.roleHeader ? header(req, this.cfg.proxy.roleHeader)?.trim() : undefined;
    return { name: user.slice(0, 200), role: isRole(asked) ? asked : this.cfg.proxy.role, via: 'proxy' };
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
