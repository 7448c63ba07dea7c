import { SLO_TILES } from '../lib/overview/slo';
import { expect, test } from './fixtures';

test('the overview: three services up, every SLO tile judged, alerts listed, a rule without its metric says no data', async ({
  page,
}) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) asked.push(r.url());
  });
  const res = await page.goto('/');
  // Rendered by the server with the page: the tiles' values are in the HTML, and the browser asks for none of it.
  const html = await res!.text();
  expect(html).toMatch(/data-testid="slo-tile" data-slo="[^"]+" data-state="(green|amber|red)"/);
  for (const job of ['orchestrator', 'agent-core', 'llm-service'])
    // Right after the stack starts a target may not have had its first scrape: the page says so and asks again.
    await expect(page.locator(`[data-testid=target][data-job="${job}"]`)).toHaveAttribute('data-health', 'up', {
      timeout: 15_000,
    });
  for (const t of SLO_TILES)
    await expect(page.locator(`[data-testid=slo-tile][data-slo="${t.id}"]`), t.id).toHaveAttribute(
      'data-state',
      /^(green|amber|red)$/,
    );
  const alerts = page.getByTestId('alerts');
  await expect(alerts).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('alert-rule')).toHaveCount(8);
  await expect(page.locator('[data-testid=alert-rule][data-name=ShannonTemporalTaskBacklog]')).toHaveAttribute(
    'data-state',
    'nodata',
  );
  await expect(page.locator('[data-testid=alert-rule][data-name=ShannonServiceDown]')).toHaveAttribute(
    'data-state',
    'inactive',
  );
  // The one exception: targets the server saw before discovery or their first scrape are asked for again until scraped.
  const unscrapedInHtml = /data-health="(unscraped|missing)"/.test(html);
  expect(asked.filter((u) => !(unscrapedInHtml && new URL(u).pathname === '/api/prom/targets'))).toEqual([]);
  // A tile links to the page it concerns.
  await page.locator('[data-testid=slo-tile][data-slo=policy-p95]').click();
  await expect(page).toHaveURL(/\/policy$/);
});
