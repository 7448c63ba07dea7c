import { expect, panelsSettled, test } from './fixtures';

test('the range and refresh follow the nav links; the page variables stay behind', async ({ page }) => {
  await page.goto('/workflows?from=now-6h&to=now&refresh=30s&workflow_type=DAGWorkflow');
  await panelsSettled(page);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Streaming' }).click();
  await expect(page).toHaveURL(/\/streaming\?/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ from: 'now-6h', to: 'now', refresh: '30s' });
  await panelsSettled(page);
  // The panels are drawn over those 6 hours.
  const p = page.locator('[data-testid=panel]').first();
  const span = Number(await p.getAttribute('data-end')) - Number(await p.getAttribute('data-start'));
  expect(span).toBe(6 * 3600);
  // And on: from Streaming to Memory keeps it too.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Memory' }).click();
  await expect(page).toHaveURL(/\/memory\?from=now-6h&to=now&refresh=30s$/);
});

test('an overview tile opens its page at the range the overview was at', async ({ page }) => {
  await page.goto('/?from=now-3h&to=now&tz=UTC');
  await expect(page.locator('[data-testid=slo-tile][data-slo=policy-p95]')).not.toHaveAttribute(
    'data-state',
    'loading',
  );
  await page.locator('[data-testid=slo-tile][data-slo=policy-p95]').click();
  await expect(page).toHaveURL(/\/policy\?from=now-3h&to=now&tz=UTC$/);
});
