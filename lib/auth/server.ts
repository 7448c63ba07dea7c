import 'server-only';
import { headers } from 'next/headers';
import { getConfig } from '../config';
import { peekProcessSlot } from '../server/process';
import { ADDRESS_HEADER, decodePrincipal, PRINCIPAL_HEADER } from './principal';
import { hasRole, type Principal, type Role } from './roles';
import { Forbidden } from '../errors';

/** Who the page being rendered is for (set by the guard); null on an open page without a login. */
export async function currentPrincipal(): Promise<Principal | null> {
  return decodePrincipal((await headers()).get(PRINCIPAL_HEADER));
}

/** Who an API request is (set by the guard). */
export function principalOf(req: Request): Principal | null {
  return decodePrincipal(req.headers.get(PRINCIPAL_HEADER));
}

/** The client's address, as the console server saw it. */
export function addressOf(req: Request): string {
  return req.headers.get(ADDRESS_HEADER) ?? 'unknown';
}

/** The principal when it has `role`; a 403 that says so otherwise (the guard checked the route; this checks the action). */
export function requireRole(req: Request, role: Role): Principal {
  const p = principalOf(req);
  if (!p || !hasRole(p.role, role)) {
    throw new Forbidden(p ? `${p.name} is a ${p.role}; this needs the ${role} role` : 'log in first');
  }
  return p;
}

/** The nonce the console server gave this request, for an inline script of ours. */
export async function scriptNonce(): Promise<string | undefined> {
  return (await headers()).get('x-nonce') ?? undefined;
}

export function authMode() {
  const { mode, explicit } = getConfig().auth;
  return { mode, explicit };
}

/** The process's auth service (sessions, tokens, audit), which the console server made. */
export function authService() {
  const s = peekProcessSlot('auth');
  if (!s) throw new Error('the auth service is not running: start the console with `npm start` (scripts/serve.ts)');
  return s;
}
