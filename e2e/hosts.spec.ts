import os from 'node:os';
import { hostsDashboard } from '../lib/dashboards/hosts';
import { expect, scrollToPanel, test } from './fixtures';

/**
 * The Hosts page (issue 16) on this machine's real node-exporter, which the stack starts and
 * Prometheus scrapes as job `node-exporter`: the CPU count is the machine's, and every panel
 * reaches ready, those below the first screen once they are scrolled to.
 */
test('Hosts shows this machine’s CPU count, and every panel reaches ready as it comes into view', async ({
  page,
  stack,
}) => {
  // Prometheus starts with the tests: wait until it has scraped node-exporter for 35 s (every 5 s), so that a
  // rate over the panels' 1-minute window has two samples at the range's last step (steps are 15 s apart).
  await expect
    .poll(
      async () => {
        const now = Date.now() / 1000;
        const r = await fetch(
          `${stack.prometheusUrl}/api/v1/query_range?${new URLSearchParams({
            query: 'count_over_time(node_cpu_seconds_total{cpu="0",mode="idle"}[1m])',
            start: String(now - 60),
            end: String(now),
            step: '5',
          })}`,
        );
        const body = (await r.json()) as { data: { result: { values: [number, string][] }[] } };
        return Number(body.data.result[0]?.values.at(-1)?.[1] ?? 0);
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(7);
  await page.goto('/hosts?from=now-15m');
  const cpus = page.locator('[data-testid=panel][data-panel-id=cpus]');
  await expect(cpus).toHaveAttribute('data-state', 'ready');
  await expect(cpus.getByTestId('stat-value')).toHaveText(String(os.cpus().length));
  for (const p of hostsDashboard.panels) {
    const panel = await scrollToPanel(page, p.id);
    await expect(panel, p.id).toHaveAttribute('data-state', 'ready');
  }
  // The host variable offers the node-exporter instance.
  await page.getByTestId('var-instance-button').click();
  await expect(page.getByTestId('var-option')).toHaveCount(1);
});
