import path from 'node:path';
import { test as base } from '@playwright/test';
import { freePort } from '../scripts/stack/proc';
import { startStack, type Stack } from '../scripts/stack';
import { expect, panelsSettled } from './fixtures';

/**
 * A second simulated Shannon with regressions injected (simulator knobs are the ground truth):
 * enforce denies 10 points more and is 3× slower, agent core leaks 3 MB a minute, claude-haiku-3.5's
 * time to first token is 6× slower, and the kill switch went on five minutes ago.
 */
const test = base.extend<Record<never, never>, { bad: { stack: Stack; url: string; killAtMs: number } }>({
  bad: [
    async ({}, use) => {
      const port = await freePort();
      const killAt = new Date(Date.now() - 5 * 60_000).toISOString();
      const stack = await startStack({
        dir: path.resolve('data/e2e-regressions'),
        consolePort: port,
        consoleHost: '127.0.0.1',
        history: '30m',
        simulatorArgs: [
          '--seed',
          '5',
          '--rate',
          '6',
          '--canary-percent',
          '50',
          '--enforce-deny-extra',
          '0.1',
          '--enforce-latency-factor',
          '3',
          '--memory-leak',
          '3',
          '--ttft-regression',
          'claude-haiku-3.5:6',
          '--kill-switch',
          killAt,
        ],
        log: (m) => console.log(`[regressions] ${m}`),
      });
      await use({ stack, url: `http://127.0.0.1:${port}`, killAtMs: Date.parse(killAt) });
      await stack.stop();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
});

test('an enforce regression fails the canary verdict, and the kill switch raises the incident banner', async ({
  page,
  bad,
}) => {
  await page.goto(`${bad.url}/policy?from=now-30m`);
  await expect(page.getByTestId('kill-switch-banner')).toBeVisible();
  const verdict = page.getByTestId('canary-verdict');
  await expect(verdict).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('[data-testid=verdict-metric][data-metric=deny-rate]')).toHaveAttribute(
    'data-status',
    'fail',
  );
  await expect(page.locator('[data-testid=verdict-metric][data-metric=mean-latency]')).toHaveAttribute(
    'data-status',
    /^(fail|marginal)$/,
  );
  await expect(page.getByTestId('verdict-badge')).toContainText('Fail');
  // The project's rule fires, and the page it concerns shows it.
  await expect(page.locator('[data-testid=alert-rule][data-name=ShannonPolicyKillSwitchActive]')).toHaveAttribute(
    'data-state',
    'firing',
    { timeout: 45_000 },
  );
});

test('a memory leak gives a finite time to exhaustion', async ({ page, bad }) => {
  await page.goto(`${bad.url}/memory?from=now-30m`);
  await panelsSettled(page);
  const panel = page.locator('[data-testid=panel][data-panel-id=time-to-exhaustion]');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  const last = await panel.getByTestId('legend-last').first().innerText();
  // A duration with a unit (s, min, h), not "–".
  expect(last).toMatch(/^[\d.,]+ (s|min|h)$/);
  // 3 MB/min into a 512 MiB pool fills it within hours: on a 24h view the forecast falls inside the range.
  await page.goto(`${bad.url}/memory?from=now-24h`);
  await expect(
    page.locator('[data-testid=panel][data-panel-id=time-to-exhaustion]').getByTestId('panel-notice'),
  ).toContainText('the memory pool is full in');
});

test('the model with the injected TTFT regression has the highest TTFT p95', async ({ page, bad }) => {
  await page.goto(`${bad.url}/streaming?from=now-30m`);
  await panelsSettled(page);
  const rows = page.locator('[data-testid=panel][data-panel-id=ttft] [data-testid=legend-item]');
  await expect(rows.first()).toBeVisible();
  const p95 = new Map<string, number>();
  for (const r of await rows.all()) {
    const name = (await r.getAttribute('data-series')) ?? '';
    if (!name.endsWith(' p95')) continue;
    const mean = await r.getByTestId('legend-mean').innerText();
    const m = /^([\d.,]+) (ms|s)$/.exec(mean.trim());
    if (m) p95.set(name, Number(m[1]!.replace(/,/g, '')) * (m[2] === 's' ? 1000 : 1));
  }
  const top = [...p95].sort((a, b) => b[1] - a[1])[0];
  expect(top?.[0]).toBe('claude-haiku-3.5 p95');
});

test('annotations: the kill switch turning on is marked on every chart of /policy, listed, and hidden by the toggle', async ({
  page,
  bad,
}) => {
  await page.goto(`${bad.url}/policy?from=now-30m`);
  await panelsSettled(page);
  const charts = page.locator('[data-testid=panel][data-kind=timeseries][data-state=ready]');
  const n = await charts.count();
  expect(n).toBeGreaterThan(3);
  const marks = page.locator('[data-testid=annotation][data-kind=kill-switch]');
  // One mark on each chart, where the simulator switched it on (within the rate window and a step).
  await expect(marks).toHaveCount(n);
  const step = Number(await charts.first().getAttribute('data-step')) * 1000;
  for (const t of await marks.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-t'))))) {
    expect(t).toBeGreaterThanOrEqual(bad.killAtMs - step);
    expect(t).toBeLessThanOrEqual(bad.killAtMs + 2 * step + 60_000);
  }
  await expect(marks.first()).toHaveAttribute('aria-label', /Policy kill switch on/);
  // Hovering the mark names it.
  await marks.first().locator('span').first().hover();
  await expect(marks.first().getByRole('tooltip')).toBeVisible();

  // The menu lists it; its switch hides every mark, in the URL, and a reload keeps them hidden.
  await page.getByTestId('annotations-menu').click();
  await expect(page.getByTestId('annotation-list').locator('[data-kind=kill-switch]')).toContainText(
    'Policy kill switch on',
  );
  await page.getByTestId('annotations-toggle').uncheck();
  await expect(page).toHaveURL(/annotations=off/);
  await expect(page.getByTestId('annotation')).toHaveCount(0);
  await page.reload();
  await panelsSettled(page);
  await expect(page.getByTestId('annotation')).toHaveCount(0);

  // A page the kill switch does not concern has no such mark.
  await page.goto(`${bad.url}/workflows?from=now-30m`);
  await panelsSettled(page);
  await expect(page.locator('[data-testid=annotation][data-kind=kill-switch]')).toHaveCount(0);
});
