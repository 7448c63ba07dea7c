import { spawnSync } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { expect, freshDir, test } from './fixtures';
import { userCli } from './auth-helpers';
import { startConsoleInstance } from './otlp-helpers';
import { freePort } from '../scripts/stack/proc';

const ROOT = path.resolve(import.meta.dirname, '..');

/** A GET from a chosen local address (127.0.0.x are all this machine's loopback). */
function getFrom(localAddress: string, url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.get(url, { localAddress, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

test('listening beyond loopback without AUTH_MODE, the console refuses to start and says what to set', async () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/serve.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.server.json'),
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: String(await freePort()),
      DATA_DIR: freshDir('auth-refuse'),
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('HOST=0.0.0.0 lets other machines reach the console, and AUTH_MODE is not set');
  expect(r.stderr).toContain('set AUTH_MODE to local, oidc or proxy');
});

test('AUTH_MODE=none said out loud: every page carries the "no authentication" banner', async ({ page, stack }) => {
  const c = await startConsoleInstance(
    { AUTH_MODE: 'none', HOST: '0.0.0.0', PROMETHEUS_URL: stack.prometheusUrl },
    freshDir('auth-none'),
  );
  try {
    for (const p of ['/', '/workflows', '/traces', '/explore']) {
      await page.goto(`${c.url}${p}`);
      await expect(page.getByTestId('no-auth-banner'), p).toContainText('No authentication (AUTH_MODE=none)');
    }
  } finally {
    await c.stop();
  }
});

test('AUTH_MODE=proxy: the user header counts only from AUTH_PROXY_TRUSTED; from anywhere else it is ignored and refused', async ({
  page,
  stack,
}) => {
  const c = await startConsoleInstance(
    {
      AUTH_MODE: 'proxy',
      HOST: '0.0.0.0',
      AUTH_PROXY_TRUSTED: '127.0.0.1/32',
      AUTH_PROXY_HEADER: 'X-Auth-Request-User',
      AUTH_PROXY_ROLE_HEADER: 'X-Auth-Request-Role',
      PROMETHEUS_URL: stack.prometheusUrl,
    },
    freshDir('auth-proxy'),
  );
  try {
    const api = `http://127.0.0.1:${c.port}/api/traces`;
    const trusted = await getFrom('127.0.0.1', api, { 'X-Auth-Request-User': 'pat' });
    expect(trusted.status).toBe(200);
    const noHeader = await getFrom('127.0.0.1', api);
    expect(noHeader.status).toBe(401);
    expect(noHeader.body).toContain('the proxy did not send the user (x-auth-request-user)');
    // The same header from another address: ignored, and the request refused.
    const untrusted = await getFrom('127.0.0.2', `http://127.0.0.2:${c.port}/api/traces`, {
      'X-Auth-Request-User': 'pat',
      'X-Auth-Request-Role': 'admin',
    });
    expect(untrusted.status).toBe(401);
    expect(untrusted.body).toContain('only through its trusted proxy');
    const page403 = await getFrom('127.0.0.1', `http://127.0.0.1:${c.port}/admin`, { 'X-Auth-Request-User': 'pat' });
    expect(page403.status).toBe(403);
    // The role header, from the proxy, gives the role.
    await page.setExtraHTTPHeaders({ 'X-Auth-Request-User': 'pat', 'X-Auth-Request-Role': 'admin' });
    await page.goto(`http://127.0.0.1:${c.port}/admin`);
    await expect(page.getByRole('heading', { name: 'Administration' })).toBeVisible();
    await expect(page.getByTestId('user-menu')).toContainText('pat');
    await expect(page.getByTestId('user-menu')).toContainText('admin');
  } finally {
    await c.stop();
  }
});

test('ALLOWED_HOSTS: a request naming another host is refused (421) before anything else', async () => {
  const c = await startConsoleInstance({ ALLOWED_HOSTS: 'console.example, 127.0.0.1' }, freshDir('auth-hosts'));
  try {
    const ask = (host: string) =>
      new Promise<number>((resolve, reject) => {
        http
          .get(`http://127.0.0.1:${c.port}/api/health`, { headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on('error', reject);
      });
    expect(await ask('evil.example')).toBe(421);
    expect(await ask(`console.example:${c.port}`)).toBe(200);
    expect(await ask(`127.0.0.1:${c.port}`)).toBe(200);
  } finally {
    await c.stop();
  }
});

test('TLS_CERT_FILE and TLS_KEY_FILE: the console speaks https, with HSTS and a Secure session cookie', async () => {
  const dir = freshDir('auth-tls');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
      '-keyout',
      `${dir}/key.pem`,
      '-out',
      `${dir}/cert.pem`,
    ]),
    { encoding: 'utf8' },
  );
  expect(made.status, made.stderr).toBe(0);
  const users = { AUTH_USERS_FILE: `${dir}/users.json`, DATA_DIR: dir };
  expect(userCli(['add', 'tia', '--role', 'viewer', '--password', 'tia-secret-pw'], users).status).toBe(0);
  const c = await startConsoleInstance(
    { ...users, TLS_CERT_FILE: `${dir}/cert.pem`, TLS_KEY_FILE: `${dir}/key.pem`, AUTH_MODE: 'local' },
    dir,
  );
  try {
    const answer = await new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      https
        .request(
          `https://127.0.0.1:${c.port}/login`,
          {
            method: 'POST',
            rejectUnauthorized: false,
            headers: {
              origin: `https://127.0.0.1:${c.port}`,
              accept: 'application/json',
              'content-type': 'application/x-www-form-urlencoded',
            },
          },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, headers: res.headers });
          },
        )
        .on('error', reject)
        .end('name=tia&password=tia-secret-pw');
    });
    expect(answer.status).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(
      /^shannon_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/,
    );
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // Plain http to the TLS port gets no answer from the console.
    await expect(fetch(`http://127.0.0.1:${c.port}/api/health`)).rejects.toThrow();
  } finally {
    await c.stop();
  }
});
