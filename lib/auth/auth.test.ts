import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { accessOf } from './access';
import { DEFAULT_REDACT } from './config';
import { redactDeep, redactMatcher } from './redact';
import { cidrMatcher, parseCidrList } from './cidr';
import { safeNext } from './principal';
import { LoginThrottle } from './throttle';
import { addUser, checkLogin, readUsers, removeUser, setPassword } from './users-file';

describe('who may reach what', () => {
  it('opens health, the login page and static assets; metrics apart; admin for /admin; the rest a viewer’s', () => {
    expect(accessOf('/api/health', 'GET')).toEqual({ kind: 'open' });
    expect(accessOf('/login', 'POST')).toEqual({ kind: 'open' });
    expect(accessOf('/_next/static/chunks/a.js', 'GET')).toEqual({ kind: 'open' });
    expect(accessOf('/api/metrics', 'GET')).toEqual({ kind: 'metrics' });
    expect(accessOf('/api/admin/tokens', 'GET')).toEqual({ kind: 'api', role: 'admin' });
    expect(accessOf('/admin', 'GET')).toEqual({ kind: 'page', role: 'admin' });
    expect(accessOf('/administer', 'GET')).toEqual({ kind: 'page', role: 'viewer' });
    expect(accessOf('/api/prom/query', 'POST')).toEqual({ kind: 'api', role: 'viewer' });
    expect(accessOf('/api/dashboards/x', 'PUT')).toEqual({ kind: 'api', role: 'editor' });
    expect(accessOf('/api/dashboards/x', 'GET')).toEqual({ kind: 'api', role: 'viewer' });
    expect(accessOf('/api/healthz', 'GET')).toEqual({ kind: 'api', role: 'viewer' });
    expect(accessOf('/loginx', 'GET')).toEqual({ kind: 'page', role: 'viewer' });
    expect(accessOf('/dashboards/new', 'GET')).toEqual({ kind: 'page', role: 'editor' });
    expect(accessOf('/dashboards/abc/edit', 'GET')).toEqual({ kind: 'page', role: 'editor' });
    expect(accessOf('/dashboards/abc', 'GET')).toEqual({ kind: 'page', role: 'viewer' });
    expect(accessOf('/dashboards/abc/versions', 'GET')).toEqual({ kind: 'page', role: 'viewer' });
  });

  it('sends people back only to paths of this console', () => {
    expect(safeNext('/workflows?from=now-1h')).toBe('/workflows?from=now-1h');
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/login?next=/x',
      null,
    ]) {
      expect(safeNext(bad)).toBe('/');
    }
  });

  it('matches CIDRs, IPv4 seen as IPv6 included, and names a bad entry', () => {
    const m = cidrMatcher(parseCidrList('10.0.0.0/8, ::1, 192.168.1.7'));
    expect(m('10.2.3.4')).toBe(true);
    expect(m('::ffff:10.2.3.4')).toBe(true);
    expect(m('::1')).toBe(true);
    expect(m('192.168.1.7')).toBe(true);
    expect(m('192.168.1.8')).toBe(false);
    expect(m(undefined)).toBe(false);
    expect(() => parseCidrList('10.0.0.0/33')).toThrow('"10.0.0.0/33" is not an address or CIDR');
  });

  it('locks a key after the limit within the window, until the lock ends', () => {
    const t = new LoginThrottle(3, 60_000, 300_000);
    expect(t.fail('u', 0)).toBeNull();
    expect(t.fail('u', 1000)).toBeNull();
    expect(t.fail('u', 70_000)).toBeNull(); // the first two fell out of the window
    expect(t.fail('u', 71_000)).toBeNull();
    expect(t.fail('u', 72_000)).toBe(372_000);
    expect(t.lockedUntil('u', 100_000)).toBe(372_000);
    expect(t.lockedUntil('other', 100_000)).toBeNull();
    expect(t.lockedUntil('u', 372_000)).toBeNull();
    expect(t.fail('u', 373_000)).toBeNull();
  });
});

describe('configuration of auth', () => {
  it('refuses a silent none beyond loopback, and says what each mode needs', () => {
    expect(parseConfig({}).host).toBe('127.0.0.1');
    expect(parseConfig({}).auth).toMatchObject({ mode: 'none', explicit: false });
    expect(() => parseConfig({ HOST: '0.0.0.0' })).toThrow(/AUTH_MODE is not set/);
    expect(parseConfig({ HOST: '0.0.0.0', AUTH_MODE: 'none' }).auth).toMatchObject({ mode: 'none', explicit: true });
    expect(() => parseConfig({ AUTH_MODE: 'proxy' })).toThrow(/AUTH_PROXY_TRUSTED is required/);
    expect(() => parseConfig({ AUTH_MODE: 'oidc' })).toThrow(/OIDC_ISSUER is required[\s\S]*PUBLIC_URL is required/);
    expect(() => parseConfig({ AUTH_MODE: 'ldap' })).toThrow(/AUTH_MODE must be one of none, local, oidc, proxy/);
    expect(() => parseConfig({ OIDC_ROLE_MAP: 'admins=root' })).toThrow(/OIDC_ROLE_MAP must be a list/);
    expect(() => parseConfig({ AUTH_SESSION_IDLE: 'soon' })).toThrow(/AUTH_SESSION_IDLE must be a duration/);
    expect(() => parseConfig({ TLS_CERT_FILE: 'a.pem' })).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE go together/);
    const oidc = parseConfig({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://id.example',
      OIDC_CLIENT_ID: 'console',
      PUBLIC_URL: 'https://console.example/',
      OIDC_ROLE_MAP: 'ops=admin, devs=editor',
    }).auth;
    expect(oidc.publicUrl).toBe('https://console.example');
    expect([...oidc.oidc!.roleMap]).toEqual([
      ['ops', 'admin'],
      ['devs', 'editor'],
    ]);
    expect(parseConfig({}).auth.redact).toContain('gen_ai.prompt*');
  });
});

describe('the users file', () => {
  it('adds, checks, changes and removes users with argon2id hashes, owner-only', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'users-')), 'users.json');
    await addUser(file, 'ana', 'editor', 'first password');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readUsers(file)[0]).toMatchObject({
      name: 'ana',
      role: 'editor',
      hash: expect.stringMatching(/^\$argon2id\$/),
    });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('first password');
    expect(await checkLogin(file, 'ana', 'first password')).toMatchObject({ name: 'ana' });
    expect(await checkLogin(file, 'ana', 'wrong password')).toBeNull();
    expect(await checkLogin(file, 'nobody', 'first password')).toBeNull();
    await expect(addUser(file, 'ana', 'viewer', 'another one')).rejects.toThrow('exists already');
    await expect(addUser(file, 'a b', 'viewer', 'another one')).rejects.toThrow('is not a user name');
    await expect(addUser(file, 'bo', 'viewer', 'short')).rejects.toThrow('at least 8 characters');
    await setPassword(file, 'ana', 'second password');
    expect(await checkLogin(file, 'ana', 'first password')).toBeNull();
    expect(await checkLogin(file, 'ana', 'second password')).not.toBeNull();
    removeUser(file, 'ana');
    expect(readUsers(file)).toEqual([]);
    fs.writeFileSync(file, '{"users":[{"name":"x"}]}');
    expect(() => readUsers(file)).toThrow(/is malformed at users.0/);
  });
});

describe('redaction', () => {
  it('hides the values of matching keys in the console model and in OTLP/JSON, nested ones too, leaving the rest', () => {
    const m = redactMatcher(DEFAULT_REDACT.split(','));
    expect(
      [
        'gen_ai.prompt',
        'gen_ai.prompt.0.content',
        'http.request.header.authorization',
        'db.password',
        'api_token',
      ].every(m),
    ).toBe(true);
    expect(['gen_ai.request.model', 'http.method', 'authorization.scheme'].some(m)).toBe(false);
    const model = {
      spans: [
        {
          attributes: [
            { key: 'gen_ai.prompt', value: { type: 'string', value: 'my secret plan' } },
            { key: 'gen_ai.request.model', value: { type: 'string', value: 'gpt-x' } },
          ],
          events: [{ attributes: [{ key: 'user_password', value: { type: 'string', value: 'p' } }] }],
        },
      ],
    };
    const r = redactDeep(model, m);
    expect(JSON.stringify(r)).not.toContain('my secret plan');
    expect(r.spans[0]!.attributes[0]!.value).toEqual({ type: 'string', value: 'redacted' });
    expect(r.spans[0]!.attributes[1]).toBe(model.spans[0]!.attributes[1]);
    expect(r.spans[0]!.events[0]!.attributes[0]!.value).toEqual({ type: 'string', value: 'redacted' });
    expect(model.spans[0]!.attributes[0]!.value.value).toBe('my secret plan'); // the original is untouched
    const otlp = { attributes: [{ key: 'GEN_AI.COMPLETION', value: { stringValue: 'answer' } }] };
    expect(redactDeep(otlp, m).attributes[0]!.value).toEqual({ stringValue: 'redacted' });
  });
});
