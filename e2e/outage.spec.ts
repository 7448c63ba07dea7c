import path from 'node:path';
import { type Managed, stopProcess } from '../scripts/stack/proc';
import { startPrometheus } from '../scripts/stack/prometheus';
import { expect, panelsSettled, test } from './fixtures';
import { workflowsDashboard } from '../lib/dashboards/workflows';

/** The panels of /workflows, the page these tests open. */
const WORKFLOW_PANELS = workflowsDashboard.panels.length;

let restarted: Managed | undefined;

test.afterAll(async () => {
  if (restarted) await stopProcess(restarted);
});

test('Prometheus down: panels fail with retry, the page stays usable, /api/ready fails; back up: retry recovers', async ({
  page,
  request,
  stack,
}) => {
  await page.goto('/workflows');
  await panelsSettled(page);
  await expect(page.locator('[data-testid=panel][data-state=ready]')).toHaveCount(WORKFLOW_PANELS);

  // Stop the real Prometheus (no mock: the process is gone).
  process.kill(stack.pids.prometheus!, 'SIGKILL');
  await expect.poll(async () => (await request.get('/api/ready')).status()).toBe(503);
  const ready = await (await request.get('/api/ready')).json();
  expect(ready.checks.prometheus.ok).toBe(false);
  expect((await request.get('/api/health')).status()).toBe(200);

  await page.getByTestId('range-picker').click();
  await page.getByTestId('quick-30m').click();
  await expect(page.locator('[data-testid=panel][data-state=error]')).toHaveCount(WORKFLOW_PANELS);
  await expect(page.getByTestId('panel-error').first()).toContainText('Prometheus is unreachable');
  // Still usable: the range picker opens and navigation works.
  await page.getByTestId('range-picker').click();
  await expect(page.getByTestId('quick-6h')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'Workflows' })).toBeVisible();
  // A fresh load while it is down: the server's own attempt fails the same way, with retry; the
  // errors come with the page, and the browser does not ask again by itself.
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/prom/query_range')) asked.push(r.url());
  });
  await page.reload();
  await expect(page.locator('[data-testid=panel][data-state=error]')).toHaveCount(WORKFLOW_PANELS);
  await expect(page.getByTestId('panel-error').first()).toContainText('Prometheus is unreachable');
  await expect(page.locator('[data-testid=panel]:not([data-hydrated=true])')).toHaveCount(0);
  expect(asked).toEqual([]);

  // The overview says what is wrong: Prometheus, not the services.
  await page.goto('/');
  for (const card of await page.getByTestId('target').all()) {
    await expect(card).toContainText('Prometheus is not answering');
    await expect(card).not.toContainText('not a scrape target');
  }
  await expect(page.getByTestId('slo-tile').first()).toContainText('Prometheus is not answering');
  await expect(page.locator('[data-testid=slo-tile][data-state=error]')).toHaveCount(
    await page.getByTestId('slo-tile').count(),
  );
  await page.goto('/workflows');
  await expect(page.locator('[data-testid=panel][data-state=error]')).toHaveCount(WORKFLOW_PANELS);
  await expect(page.locator('[data-testid=panel]:not([data-hydrated=true])')).toHaveCount(0);

  // Same port, same data: Prometheus comes back.
  restarted = await startPrometheus({
    port: stack.prometheusPort,
    configFile: stack.prometheusConfig,
    tsdbDir: stack.tsdbDir,
    logFile: path.join(stack.dir, 'prometheus-restarted.log'),
  });
  await expect.poll(async () => (await request.get('/api/ready')).status()).toBe(200);
  const retries = page.locator('[data-testid=panel][data-state=error]').getByRole('button', { name: 'Retry' });
  const n = await retries.count();
  for (let i = 0; i < n; i++) await retries.first().click();
  await expect(page.locator('[data-testid=panel][data-state=ready]')).toHaveCount(WORKFLOW_PANELS);
});
