import fs from 'node:fs';
import { appRoutes, loginAs, userCli } from './auth-helpers';
import { expect, freshDir, test } from './fixtures';
import { type ConsoleInstance, startConsoleInstance } from './otlp-helpers';

/**
 * AUTH_MODE=local on a console of its own, listening on 0.0.0.0 as a deployment would, with
 * users made by the real `npm run user` command and the stack's Prometheus behind it.
 */
let c: ConsoleInstance;
let env: Record<string, string>;

test.beforeAll(async ({ stack }) => {
  const dir = freshDir('auth-local');
  env = { DATA_DIR: dir, AUTH_USERS_FILE: `${dir}/users.json` };
  for (const [name, role] of [
    ['vera', 'viewer'],
    ['ed', 'editor'],
    ['ada', 'admin'],
    ['lou', 'viewer'],
  ]) {
    const r = userCli(['add', name!, '--role', role!, '--password', `${name}-secret-pw`], env);
    expect(r.status, r.stderr).toBe(0);
  }
  c = await startConsoleInstance(
    {
      ...env,
      AUTH_MODE: 'local',
      HOST: '0.0.0.0',
      PROMETHEUS_URL: stack.prometheusUrl,
      METRICS_TRUSTED: '10.9.9.0/24',
    },
    dir,
  );
});

test.afterAll(async () => {
  await c?.stop();
});

const login = (name: string, password?: string) => loginAs(c.url, name, password);

test('without credentials every API route answers 401 and every page sends the browser to /login', async () => {
  const routes = appRoutes();
  expect(routes.filter((r) => r.kind === 'page').length).toBeGreaterThanOrEqual(10);
  expect(routes.filter((r) => r.kind === 'api').length).toBeGreaterThanOrEqual(20);
  for (const r of routes) {
    if (r.path === '/api/health') {
      expect((await fetch(`${c.url}${r.path}`)).status).toBe(200);
      continue;
    }
    if (r.path === '/login') continue; // the way in
    if (r.kind === 'page') {
      const res = await fetch(`${c.url}${r.path}?x=1`, { redirect: 'manual' });
      expect(res.status, r.file).toBe(302);
      const to = new URL(res.headers.get('location')!, c.url);
      expect(to.pathname, r.file).toBe('/login');
      if (r.path !== '/') expect(to.searchParams.get('next'), r.file).toBe(`${r.path}?x=1`);
      continue;
    }
    expect(r.methods.length, `${r.file} exports no handler`).toBeGreaterThan(0);
    for (const method of r.methods) {
      const res = await fetch(`${c.url}${r.path}`, {
        method,
        headers: { origin: c.url },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      if (r.path === '/api/metrics') {
        // Loopback is not among METRICS_TRUSTED here: a token is needed.
        expect(res.status, r.file).toBe(401);
        continue;
      }
      expect(res.status, `${method} ${r.path}`).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  }
});

test('a viewer reads but may not reach the admin routes (403), and a session cookie is HttpOnly and SameSite=Lax', async () => {
  const { res, cookie } = await login('vera');
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie')!;
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  const h = { cookie, origin: c.url };
  expect((await fetch(`${c.url}/api/traces`, { headers: h })).status).toBe(200);
  const q = await fetch(`${c.url}/api/prom/query?query=up`, { headers: h });
  expect(q.status).toBe(200);
  for (const [method, p] of [
    ['GET', '/api/admin/tokens'],
    ['POST', '/api/admin/tokens'],
    ['DELETE', '/api/admin/tokens/1'],
    ['GET', '/api/admin/audit'],
  ] as const) {
    const r = await fetch(`${c.url}${p}`, { method, headers: h, ...(method === 'POST' ? { body: '{}' } : {}) });
    expect(r.status, `${method} ${p}`).toBe(403);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe(
      'vera is a viewer; this needs the admin role',
    );
  }
  expect((await fetch(`${c.url}/admin`, { headers: h, redirect: 'manual' })).status).toBe(403);
});

test('log in through the page, land where you were going, log out', async ({ page }) => {
  await page.goto(`${c.url}/workflows?from=now-1h&to=now`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('User name').fill('ed');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('Wrong user name or password.');
  await page.getByLabel('User name').fill('ed');
  await page.getByLabel('Password').fill('ed-secret-pw');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(`${c.url}/workflows?from=now-1h&to=now`);
  await expect(page.getByTestId('user-menu')).toContainText('ed');
  await expect(page.getByTestId('user-menu')).toContainText('editor');
  await expect(page.getByTestId('panel').first()).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login\?loggedOut=1/);
  await expect(page.getByText('You are logged out.')).toBeVisible();
  await page.goto(`${c.url}/traces`);
  await expect(page).toHaveURL(/\/login\?next=%2Ftraces/);
});

test('five wrong passwords lock the user out until a time the page names; the right one is refused meanwhile', async ({
  page,
}) => {
  for (let i = 0; i < 4; i++) expect((await login('lou', 'nope-nope')).res.status).toBe(401);
  const fifth = await login('lou', 'nope-nope');
  expect(fifth.res.status).toBe(429);
  const until = Number(((await fifth.res.json()) as { error: { until: string } }).error.until);
  expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
  expect(Number(fifth.res.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
  const right = await login('lou');
  expect(right.res.status).toBe(429);
  expect(right.cookie).toBe('');
  await page.goto(`${c.url}/login`);
  await page.getByLabel('User name').fill('lou');
  await page.getByLabel('Password').fill('lou-secret-pw');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('login-error')).toContainText('Too many failed logins. Try again after');
  // Another user is not locked by lou's failures.
  expect((await login('vera')).res.status).toBe(200);
  // The audit log has the failures and the lockout, for an admin.
  const admin = await login('ada');
  const audit = await fetch(`${c.url}/api/admin/audit?user=lou`, { headers: { cookie: admin.cookie } });
  const kinds = ((await audit.json()) as { entries: { kind: string }[] }).entries.map((e) => e.kind);
  expect(kinds.filter((k) => k === 'login.failed')).toHaveLength(5);
  expect(kinds).toContain('login.lockout');
  expect(kinds).toContain('login.locked');
});

test('an admin makes an API token: it works as Bearer, its last use is shown, and once revoked it is refused', async ({
  page,
}) => {
  await page.goto(`${c.url}/login?next=/admin`);
  await page.getByLabel('User name').fill('ada');
  await page.getByLabel('Password').fill('ada-secret-pw');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(`${c.url}/admin`);
  const name = `ci-${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Role').selectOption('viewer');
  await page.getByRole('button', { name: 'Make a token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  expect(token).toMatch(/^sct_/);
  const bearer = { authorization: `Bearer ${token}` };
  expect((await fetch(`${c.url}/api/traces`, { headers: bearer })).status).toBe(200);
  expect((await fetch(`${c.url}/api/metrics`, { headers: bearer })).status).toBe(200);
  // A viewer's token cannot do an admin's work.
  expect((await fetch(`${c.url}/api/admin/tokens`, { headers: bearer })).status).toBe(403);
  // The token's secret is nowhere in the console's files.
  const db = fs.readFileSync(`${c.dataDir}/console.sqlite`);
  expect(db.includes(Buffer.from(token))).toBe(false);
  expect(fs.statSync(`${c.dataDir}/console.sqlite`).mode & 0o077).toBe(0);
  expect(fs.statSync(`${c.dataDir}/traces.sqlite`).mode & 0o077).toBe(0);
  await page.reload();
  const row = page.getByTestId('token-row').filter({ hasText: name });
  await expect(row.getByTestId('token-last-used')).not.toHaveText('–');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('revoked');
  const after = await fetch(`${c.url}/api/traces`, { headers: bearer });
  expect(after.status).toBe(401);
  expect(((await after.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
  await page.goto(`${c.url}/admin?kind=token.create`);
  await expect(page.getByTestId('audit-entry').filter({ hasText: name })).toHaveCount(1);
});

test('cross-origin writes are refused, and every answer carries the security headers', async () => {
  const { cookie } = await login('ada');
  const evil = await fetch(`${c.url}/api/admin/tokens`, {
    method: 'POST',
    headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'x', role: 'admin' }),
  });
  expect(evil.status).toBe(403);
  expect(((await evil.json()) as { error: { code: string } }).error.code).toBe('cross_origin');
  const loginEvil = await fetch(`${c.url}/login`, {
    method: 'POST',
    headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=ada&password=ada-secret-pw',
    redirect: 'manual',
  });
  expect(loginEvil.status).toBe(403);
  for (const p of ['/login', '/api/health', '/workflows', '/api/traces']) {
    const r = await fetch(`${c.url}${p}`, { headers: { cookie }, redirect: 'manual' });
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp, p).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp, p).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp, p).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options'), p).toBe('nosniff');
    expect(r.headers.get('referrer-policy'), p).toBe('strict-origin-when-cross-origin');
  }
  // Every script in a page carries this answer's nonce.
  const r = await fetch(`${c.url}/workflows`, { headers: { cookie } });
  const nonce = /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy')!)![1]!;
  const scripts = [...(await r.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(3);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
});

test('a page runs under its CSP with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${c.url}/login?next=/explore`);
  await page.getByLabel('User name').fill('vera');
  await page.getByLabel('Password').fill('vera-secret-pw');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(`${c.url}/explore`);
  await expect(page.locator('.cm-editor')).toBeVisible();
  await page.goto(`${c.url}/workflows`);
  await expect(page.locator('[data-testid=panel][data-hydrated=true]').first()).toBeVisible();
  expect(violations).toEqual([]);
});
