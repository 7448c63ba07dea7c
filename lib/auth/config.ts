import { z } from 'zod';
import { parseCidrList } from './cidr';
import { ROLES, type Role } from './roles';

/**
 * The environment variables of who may see what (issue 13), validated with the rest in
 * lib/config.ts: each bad value names its variable.
 */

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const cidrs = (name: string, def: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v === undefined ? def : v;
      try {
        return { text: raw, list: parseCidrList(raw) };
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `${name}: ${(e as Error).message}` });
        return z.NEVER;
      }
    });

const role = (name: string, def: Role) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v === undefined || v === '' ? def : v;
      if (!(ROLES as readonly string[]).includes(raw)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be one of ${ROLES.join(', ')}, got "${raw}"` });
        return z.NEVER;
      }
      return raw as Role;
    });

/** "admins=admin, devs=editor": a group (claim value) to the role it gives. */
const roleMap = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const map = new Map<string, Role>();
    for (const pair of list(v)) {
      const i = pair.lastIndexOf('=');
      const group = pair.slice(0, i).trim();
      const r = pair.slice(i + 1).trim();
      if (i <= 0 || !(ROLES as readonly string[]).includes(r)) {
        ctx.addIssue({
          code: 'custom',
          message: `OIDC_ROLE_MAP must be a list like "admins=admin,devs=editor" (roles: ${ROLES.join(', ')}), got "${pair}"`,
        });
        return z.NEVER;
      }
      map.set(group, r as Role);
    }
    return map;
  });

export const DEFAULT_REDACT = 'gen_ai.prompt*,gen_ai.completion*,*.authorization,*password*,*token*';

export const authEnvShape = {
  AUTH_MODE: z
    .enum(['none', 'local', 'oidc', 'proxy'], {
      error: (iss) => `AUTH_MODE must be one of none, local, oidc, proxy, got "${String(iss.input)}"`,
    })
    .optional(),
  AUTH_USERS_FILE: z.string().optional(),
  AUTH_SESSION_IDLE: z.string().optional(),
  AUTH_SESSION_MAX: z.string().optional(),
  AUTH_PROXY_HEADER: z.string().min(1).default('X-Forwarded-User'),
  AUTH_PROXY_ROLE_HEADER: z.string().optional(),
  AUTH_PROXY_TRUSTED: cidrs('AUTH_PROXY_TRUSTED', ''),
  AUTH_PROXY_ROLE: role('AUTH_PROXY_ROLE', 'viewer'),
  OIDC_ISSUER: z.string().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default('openid profile email'),
  OIDC_ROLE_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAP: roleMap,
  OIDC_DEFAULT_ROLE: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v === undefined || v === '' ? 'viewer' : v;
      if (raw !== 'deny' && !(ROLES as readonly string[]).includes(raw)) {
        ctx.addIssue({
          code: 'custom',
          message: `OIDC_DEFAULT_ROLE must be one of ${ROLES.join(', ')} or deny, got "${raw}"`,
        });
        return z.NEVER;
      }
      return raw as Role | 'deny';
    }),
  PUBLIC_URL: z.string().optional(),
  METRICS_TRUSTED: cidrs('METRICS_TRUSTED', '127.0.0.0/8,::1/128'),
  REDACT_ATTRIBUTES: z.string().optional(),
  ALLOWED_HOSTS: z.string().optional(),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
};

export type AuthMode = 'none' | 'local' | 'oidc' | 'proxy';

export type AuthConfig = {
  /** The mode in force; `explicit` is false when AUTH_MODE was not set (loopback only). */
  mode: AuthMode;
  explicit: boolean;
  usersFile: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  proxy: { header: string; roleHeader: string | undefined; trusted: string[]; role: Role };
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string | undefined;
    scopes: string;
    roleClaim: string;
    roleMap: Map<string, Role>;
    defaultRole: Role | 'deny';
  } | null;
  publicUrl: string | undefined;
  metricsTrusted: string[];
  /** Attribute-key patterns (`*` any run of characters) whose values viewers see as "redacted". */
  redact: string[];
  /** Host names the console answers to; empty: any. */
  allowedHosts: string[];
  tls: { certFile: string; keyFile: string } | null;
};

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

type AuthEnv = z.infer<z.ZodObject<typeof authEnvShape>>;

/**
 * The auth half of the configuration, checked as a whole: what each mode needs, and no silent
 * `none` on an address other machines can reach. Problems go to `problems`, named.
 */
export function authConfigOf(
  e: AuthEnv,
  ctx: { host: string; dataDir: string; durationMs: (name: string, v: string | undefined, def: string) => number },
  problems: string[],
): AuthConfig {
  const mode: AuthMode = e.AUTH_MODE ?? 'none';
  if (!e.AUTH_MODE && !isLoopbackHost(ctx.host)) {
    problems.push(
      `HOST=${ctx.host} lets other machines reach the console, and AUTH_MODE is not set: set AUTH_MODE to local, oidc or proxy (or AUTH_MODE=none to serve without authentication on purpose)`,
    );
  }
  if (mode === 'proxy' && e.AUTH_PROXY_TRUSTED.list.length === 0) {
    problems.push('AUTH_PROXY_TRUSTED is required when AUTH_MODE=proxy: the proxy addresses (CIDRs) to trust');
  }
  let oidc: AuthConfig['oidc'] = null;
  if (mode === 'oidc') {
    for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'PUBLIC_URL'] as const) {
      if (!e[name]) problems.push(`${name} is required when AUTH_MODE=oidc`);
    }
    oidc = {
      issuer: e.OIDC_ISSUER ?? '',
      clientId: e.OIDC_CLIENT_ID ?? '',
      clientSecret: e.OIDC_CLIENT_SECRET || undefined,
      scopes: e.OIDC_SCOPES,
      roleClaim: e.OIDC_ROLE_CLAIM,
      roleMap: e.OIDC_ROLE_MAP,
      defaultRole: e.OIDC_DEFAULT_ROLE,
    };
  }
  if (e.PUBLIC_URL) {
    try {
      const u = new URL(e.PUBLIC_URL);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
    } catch {
      problems.push(`PUBLIC_URL must be the console's http(s) address as browsers reach it, got "${e.PUBLIC_URL}"`);
    }
  }
  if (!!e.TLS_CERT_FILE !== !!e.TLS_KEY_FILE) problems.push('TLS_CERT_FILE and TLS_KEY_FILE go together: set both');
  return {
    mode,
    explicit: e.AUTH_MODE !== undefined,
    usersFile: e.AUTH_USERS_FILE || `${ctx.dataDir.replace(/\/+$/, '')}/users.json`,
    sessionIdleMs: ctx.durationMs('AUTH_SESSION_IDLE', e.AUTH_SESSION_IDLE, '12h'),
    sessionMaxMs: ctx.durationMs('AUTH_SESSION_MAX', e.AUTH_SESSION_MAX, '7d'),
    proxy: {
      header: e.AUTH_PROXY_HEADER.toLowerCase(),
      roleHeader: e.AUTH_PROXY_ROLE_HEADER?.toLowerCase() || undefined,
      trusted: e.AUTH_PROXY_TRUSTED.list,
      role: e.AUTH_PROXY_ROLE,
    },
    oidc,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    metricsTrusted: e.METRICS_TRUSTED.list,
    redact: list(e.REDACT_ATTRIBUTES ?? DEFAULT_REDACT),
    allowedHosts: list(e.ALLOWED_HOSTS).map((h) => h.toLowerCase()),
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : null,
  };
}
