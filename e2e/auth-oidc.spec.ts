import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { expect, freshDir, test } from './fixtures';
import { type ConsoleInstance, startConsoleInstance } from './otlp-helpers';
import { freePort } from '../scripts/stack/proc';

/**
 * AUTH_MODE=oidc against a real OpenID Connect provider (oidc-provider, with its development
 * login and consent pages) started by the test: the authorization code flow with PKCE, the role
 * from the `groups` claim (fetched from userinfo, as the provider keeps it out of the ID token),
 * a user with no mapped group refused, and logout at the provider.
 */
const GROUPS: Record<string, string[]> = {
  olga: ['console-admins', 'staff'],
  vik: ['console-viewers'],
  ned: ['staff'],
};

let idp: Server;
let issuerUrl: string;
let c: ConsoleInstance;

test.beforeAll(async ({ stack }) => {
  const idpPort = await freePort();
  const issuer = `http://127.0.0.1:${idpPort}`;
  issuerUrl = issuer;
  const ports = { port: await freePort(), grpc: await freePort(), http: await freePort() };
  const consoleUrl = `http://127.0.0.1:${ports.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'shannon-console',
        client_secret: 'a-test-client-secret',
        redirect_uris: [`${consoleUrl}/login/callback`],
        post_logout_redirect_uris: [`${consoleUrl}/login?loggedOut=1`],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    scopes: ['openid', 'profile', 'groups'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, name: id, preferred_username: id, groups: GROUPS[id] ?? [] }),
    }),
    cookies: { keys: ['e2e-cookie-key'] },
  });
  idp = provider.listen(idpPort);
  c = await startConsoleInstance(
    {
      AUTH_MODE: 'oidc',
      HOST: '0.0.0.0',
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'shannon-console',
      OIDC_CLIENT_SECRET: 'a-test-client-secret',
      OIDC_SCOPES: 'openid profile groups',
      OIDC_ROLE_MAP: 'console-admins=admin,console-viewers=viewer',
      OIDC_DEFAULT_ROLE: 'deny',
      PUBLIC_URL: consoleUrl,
      PROMETHEUS_URL: stack.prometheusUrl,
    },
    freshDir('auth-oidc'),
    ports,
  );
});

test.afterAll(async () => {
  await c?.stop();
  idp?.close();
});

async function signInAtProvider(page: import('@playwright/test').Page, login: string) {
  await page.getByRole('link', { name: 'Log in with your identity provider' }).click();
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a round trip through the provider: the role comes from the groups claim, and logout ends the session', async ({
  page,
}) => {
  await page.goto(`${c.url}/traces?limit=5`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await signInAtProvider(page, 'olga');
  await expect(page).toHaveURL(`${c.url}/traces?limit=5`);
  await expect(page.getByTestId('user-menu')).toContainText('olga');
  await expect(page.getByTestId('user-menu')).toContainText('admin');
  await page.goto(`${c.url}/admin`);
  await expect(page.getByRole('heading', { name: 'Administration' })).toBeVisible();
  await expect(page.getByTestId('audit-entry').filter({ hasText: 'olga' }).first()).toContainText('"via":"oidc"');
  await page.getByRole('button', { name: 'Log out' }).click();
  // The console's session is gone; the provider asks whether to end its own too (RP-initiated logout).
  await expect(page).toHaveURL(new RegExp(`^${issuerUrl}/session/end`));
  expect((await page.request.get(`${c.url}/api/traces`)).status()).toBe(401);
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(/\/login\?loggedOut=1/);
  await page.goto(`${c.url}/traces`);
  await expect(page).toHaveURL(/\/login\?next=%2Ftraces/);
});

test('a viewer by group reads but is refused the admin page; a user with no mapped group gets no session', async ({
  browser,
}) => {
  const vik = await browser.newPage();
  await vik.goto(`${c.url}/login?next=/workflows`);
  await signInAtProvider(vik, 'vik');
  await expect(vik).toHaveURL(`${c.url}/workflows`);
  await expect(vik.getByTestId('user-menu')).toContainText('viewer');
  expect((await vik.request.get(`${c.url}/api/admin/tokens`)).status()).toBe(403);
  await vik.close();

  const ned = await browser.newPage();
  await ned.goto(`${c.url}/login`);
  await signInAtProvider(ned, 'ned');
  await expect(ned).toHaveURL(/\/login\?error=no_role/);
  await expect(ned.getByTestId('login-error')).toContainText('Your account has no role in this console');
  expect((await ned.request.get(`${c.url}/api/traces`)).status()).toBe(401);
  await ned.close();
});
