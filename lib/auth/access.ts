import type { Role } from './roles';

/**
 * What a request needs before it reaches a page or route: the one table the guard reads (issue
 * 13). Everything not named here is a viewer's; a new route is covered the day it is added.
 */
export type Access =
  /** anyone: health, the login page and its form, Next's static assets */
  | { kind: 'open' }
  /** /api/metrics: METRICS_TRUSTED addresses or an API token */
  | { kind: 'metrics' }
  /** an API route: 401 without credentials, 403 below `role` */
  | { kind: 'api'; role: Role }
  /** a page: to /login without credentials, 403 below `role` */
  | { kind: 'page'; role: Role };

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths that are open to all, exactly or as a prefix (ending in /). */
const OPEN = ['/api/health', '/login', '/login/', '/logout', '/_next/static/', '/icon.svg', '/favicon.ico'];

/** API routes that change what is stored: an editor's (read-only POSTs, like a long query, stay a viewer's). */
const EDITOR_WRITES = ['/api/dashboards'];

/** Pages that edit: the dashboard editor, new or saved. */
const EDITOR_PAGES = [/^\/dashboards\/new\/?$/, /^\/dashboards\/[^/]+\/edit\/?$/];

export function accessOf(pathname: string, method: string): Access {
  if (OPEN.some((p) => (p.endsWith('/') ? pathname.startsWith(p) : pathname === p))) return { kind: 'open' };
  if (pathname === '/api/metrics') return { kind: 'metrics' };
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  if (pathname.startsWith('/api/')) {
    if (under('/api/admin')) return { kind: 'api', role: 'admin' };
    if (WRITE.has(method) && EDITOR_WRITES.some(under)) return { kind: 'api', role: 'editor' };
    return { kind: 'api', role: 'viewer' };
  }
  if (under('/admin')) return { kind: 'page', role: 'admin' };
  if (EDITOR_PAGES.some((re) => re.test(pathname))) return { kind: 'page', role: 'editor' };
  return { kind: 'page', role: 'viewer' };
}

/** Whether a method changes state: such requests must come from the console's own pages (or a token). */
export function isWrite(method: string): boolean {
  return WRITE.has(method);
}
