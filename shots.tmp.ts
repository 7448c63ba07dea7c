import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { freePort } from './scripts/stack/proc';
import { startStack } from './scripts/stack';

const dir = path.resolve('data/shots-ed');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const env = { ...process.env, DATA_DIR: dir, AUTH_USERS_FILE: `${dir}/users.json` };
spawnSync('npx', ['tsx', 'scripts/user.ts', 'add', 'edi', '--role', 'editor', '--password', 'edi-secret-pw'], { env, stdio: 'inherit' });
const port = await freePort();
const stack = await startStack({
  dir, consolePort: port, consoleHost: '127.0.0.1', history: '2h', simulatorArgs: ['--seed', '42'],
  consoleEnv: { DATA_DIR: dir, AUTH_USERS_FILE: `${dir}/users.json`, AUTH_MODE: 'local' },
  log: (m) => console.error(m),
});
const url = stack.info.consoleUrl;
try {
  const login = await fetch(`${url}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url }, body: new URLSearchParams({ name: 'edi', password: 'edi-secret-pw' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const post = (p: string, body: string) => fetch(`${url}${p}`, { method: 'POST', headers: { cookie, origin: url, 'content-type': 'application/json' }, body });
  const out: Record<string, string> = {};
  for (const f of ['policy.json', 'enforcement.json', 'tier-drift-monitoring.json']) {
    const r = (await (await post('/api/dashboards/import', fs.readFileSync(`../shared/shannon/dashboards/${f}`, 'utf8'))).json()) as { url: string };
    out[f] = r.url;
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  for (const width of [1440]) {
    for (const dark of [false]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
      await ctx.addCookies([{ name: 'shannon_session', value: cookie.split('=')[1]!, url }]);
      const page = await ctx.newPage();
      const tag = `${width}${dark ? '-dark' : ''}`;
      await page.waitForTimeout(30000);
      await page.goto(`${url}/hosts?from=now-15m`);
      await page.waitForTimeout(2500);
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/shots/hosts-${tag}.png`, fullPage: true });
      for (const [f, u] of Object.entries(out)) {
        await page.goto(`${url}${u}?from=now-1h&to=now`);
        await page.waitForTimeout(2500);
        await page.screenshot({ path: `/tmp/shots/${f}-${tag}.png`, fullPage: true });
      }
      await page.goto(`${url}${out['policy.json']}/edit?from=now-1h&to=now`);
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `/tmp/shots/edit-${tag}.png` });
      await page.getByRole('button', { name: /^Edit / }).first().click();
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `/tmp/shots/panel-editor-${tag}.png` });
      await page.keyboard.press('Escape');
      await page.getByLabel('Dashboard title').fill('Changed title');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('dialog', { name: 'Save dashboard' }).getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForTimeout(1000);
      await page.goto(`${url}${out['policy.json']}/versions`);
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/shots/versions-${tag}.png`, fullPage: true });
      await ctx.close();
    }
  }
  await browser.close();
} finally {
  await stack.stop();
}
