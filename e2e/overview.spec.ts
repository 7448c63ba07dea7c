import { SLO_TILES } from '../lib/overview/slo';
import { expect, test } from './fixtures';

test('the overview: three services up, every SLO tile judged, alerts listed, a rule without its metric says no data', async ({ page }) => {
  await page.goto('/');
  for (const job of ['orchestrator', 'agent-core', 'llm-service']) await expect(page.locator(`[data-testid=target][data-job="${job}"]`)).toHaveAttribute('data-health', 'up');
  for (const t of SLO_TILES) await expect(page.locator(`[data-testid=slo-tile][data-slo="${t.id}"]`), t.id).toHaveAttribute('data-state', /^(green|amber|red)$/);
  const alerts = page.getByTestId('alerts');
  await expect(alerts).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('alert-rule')).toHaveCount(8);
  await expect(page.locator('[data-testid=alert-rule][data-name=ShannonTemporalTaskBacklog]')).toHaveAttribute('data-state', 'nodata');
  await expect(page.locator('[data-testid=alert-rule][data-name=ShannonServiceDown]')).toHaveAttribute('data-state', 'inactive');
  // A tile links to the page it concerns.
  await page.locator('[data-testid=slo-tile][data-slo=policy-p95]').click();
  await expect(page).toHaveURL(/\/policy$/);
});
