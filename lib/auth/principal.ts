import { isRole, type Principal } from './roles';

/**
 * How the guard (scripts/serve.ts) tells pages and API routes who the request is: a header it
 * sets after removing any the client sent, so no one can claim it from outside.
 */
export const PRINCIPAL_HEADER = 'x-shannon-principal';

/** The client's address as the console server saw it, set by the guard beside the principal. */
export const ADDRESS_HEADER = 'x-shannon-address';

/** The session cookie's name. */
export const SESSION_COOKIE = 'shannon_session';

export function encodePrincipal(p: Principal): string {
  return encodeURIComponent(JSON.stringify(p));
}

/** The principal the guard set; null when absent or not one (never from a client: the guard removes theirs). */
export function decodePrincipal(v: string | null | undefined): Principal | null {
  if (!v) return null;
  try {
    const p = JSON.parse(decodeURIComponent(v)) as Partial<Principal>;
    if (typeof p.name === 'string' && isRole(p.role) && typeof p.via === 'string') return p as Principal;
  } catch {
    // not ours
  }
  return null;
}

/** A place to go back to after login: a path on this console, never another site. */
export function safeNext(v: string | null | undefined): string {
  if (!v || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\') || v.startsWith('/login')) return '/';
  return v;
}
