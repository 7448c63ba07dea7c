import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import * as oidc from 'openid-client';
import type { AuthConfig } from './config';
import { startSession } from './login-routes';
import { safeNext } from './principal';
import { hasRole, type Role } from './roles';
import { type AuthService, clientAddress, cookieOf } from './service';

/**
 * AUTH_MODE=oidc: any OpenID Connect provider, authorization code flow with PKCE (openid-client).
 * /login/oidc sends the browser to the provider; /login/callback checks what comes back (state,
 * nonce, PKCE verifier), takes the role from a claim through OIDC_ROLE_MAP, and starts a session
 * like a local login. The pending login lives in memory under a random key in a short cookie.
 */

const PENDING_COOKIE = 'shannon_oidc';
const PENDING_MS = 10 * 60_000;

type Pending = { verifier: string; state: string; nonce: string; next: string; at: number };

/** The highest role the claim's values give through the map; the default when none does. */
export function roleFromClaim(value: unknown, map: ReadonlyMap<string, Role>, fallback: Role | 'deny'): Role | 'deny' {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  let best: Role | null = null;
  for (const v of values) {
    const r = map.get(String(v));
    if (r && (!best || hasRole(r, best))) best = r;
  }
  return best ?? fallback;
}

export class OidcLogin {
  private config: Promise<oidc.Configuration> | null = null;
  private pending = new Map<string, Pending>();

  constructor(
    private readonly auth: AuthService,
    private readonly cfg: NonNullable<AuthConfig['oidc']>,
    private readonly publicUrl: string,
  ) {}

  private get redirectUri(): string {
    return `${this.publicUrl}/login/callback`;
  }

  /** The provider's configuration, discovered once (and again after a failure). */
  private configuration(): Promise<oidc.Configuration> {
    this.config ??= oidc
      .discovery(
        new URL(this.cfg.issuer),
        this.cfg.clientId,
        this.cfg.clientSecret,
        this.cfg.clientSecret ? oidc.ClientSecretBasic(this.cfg.clientSecret) : oidc.None(),
        {
          timeout: 10,
          // A provider on plain http is allowed (a test's, or one on loopback); say so in the log.
          ...(this.cfg.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .catch((e: unknown) => {
        this.config = null;
        throw e;
      });
    return this.config;
  }

  /** Answers /login/oidc and /login/callback; false for any other path. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname === '/login/oidc') {
      await this.start(res, safeNext(url.searchParams.get('next')));
      return true;
    }
    if (url.pathname === '/login/callback') {
      await this.callback(req, res, url);
      return true;
    }
    return false;
  }

  private fail(res: http.ServerResponse, code: string, why: string, e?: unknown) {
    console.error(`[shannon-console] OIDC login failed: ${why}`, e instanceof Error ? e.message : (e ?? ''));
    res
      .writeHead(303, {
        location: `/login?error=${code}`,
        'set-cookie': `${PENDING_COOKIE}=; Path=/login; HttpOnly; SameSite=Lax; Max-Age=0`,
        'cache-control': 'no-store',
      })
      .end();
  }

  private async start(res: http.ServerResponse, next: string) {
    let config;
    try {
      config = await this.configuration();
    } catch (e) {
      this.fail(res, 'oidc', `the provider at ${this.cfg.issuer} could not be discovered`, e);
      return;
    }
    const now = Date.now();
    for (const [k, p] of this.pending) if (now - p.at > PENDING_MS) this.pending.delete(k);
    const verifier = oidc.randomPKCECodeVerifier();
    const p: Pending = { verifier, state: oidc.randomState(), nonce: oidc.randomNonce(), next, at: now };
    const key = randomBytes(24).toString('base64url');
    this.pending.set(key, p);
    const to = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.cfg.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: p.state,
      nonce: p.nonce,
    });
    res
      .writeHead(303, {
        location: to.href,
        // Lax: the provider's redirect back is a top-level GET, which carries it.
        'set-cookie': `${PENDING_COOKIE}=${key}; Path=/login; HttpOnly; SameSite=Lax; Max-Age=${PENDING_MS / 1000}`,
        'cache-control': 'no-store',
      })
      .end();
  }

  private async callback(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const key = cookieOf(req, PENDING_COOKIE);
    const p = key ? this.pending.get(key) : undefined;
    if (key) this.pending.delete(key);
    if (!p || Date.now() - p.at > PENDING_MS) {
      this.fail(res, 'oidc', 'no login of this browser is pending (expired, or started elsewhere)');
      return;
    }
    try {
      const config = await this.configuration();
      const current = new URL(`${this.redirectUri}${url.search}`);
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: p.verifier,
        expectedState: p.state,
        expectedNonce: p.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let roleClaim: unknown = claims[this.cfg.roleClaim];
      let name = String(claims.preferred_username ?? claims.email ?? claims.name ?? claims.sub);
      if (roleClaim === undefined && config.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        roleClaim = info[this.cfg.roleClaim];
        name = String(info.preferred_username ?? info.email ?? info.name ?? name);
      }
      const role = roleFromClaim(roleClaim, this.cfg.roleMap, this.cfg.defaultRole);
      const address = clientAddress(req);
      if (role === 'deny') {
        this.auth.audit('login.failed', name, address, { via: 'oidc', why: `no role from ${this.cfg.roleClaim}` });
        this.fail(res, 'no_role', `${name} has no role (claim ${this.cfg.roleClaim}: ${JSON.stringify(roleClaim)})`);
        return;
      }
      this.auth.audit('login', name, address, { role, via: 'oidc' });
      startSession(this.auth, res, { name: name.slice(0, 200), role, via: 'session' }, p.next, false, [
        `${PENDING_COOKIE}=; Path=/login; HttpOnly; SameSite=Lax; Max-Age=0`,
      ]);
    } catch (e) {
      this.auth.audit('login.failed', 'unknown', clientAddress(req), { via: 'oidc' });
      this.fail(res, 'oidc', 'the provider’s answer did not check out', e);
    }
  }

  /** Where to end the session at the provider, when it says (RP-initiated logout); null otherwise. */
  async logoutUrl(): Promise<string | null> {
    const config = await this.configuration();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, {
      client_id: this.cfg.clientId,
      post_logout_redirect_uri: `${this.publicUrl}/login?loggedOut=1`,
    }).href;
  }
}
