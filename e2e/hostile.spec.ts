import { HOSTILE_WORKFLOW_TYPE } from './constants';
import { expect, panelsSettled, test } from './fixtures';

test('a hostile label value is shown as text and selects exactly its own series', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/workflows');
  await panelsSettled(page);
  await page.getByTestId('var-workflow_type-button').click();
  const option = page.locator(
    `[data-testid=var-option][data-value="${HOSTILE_WORKFLOW_TYPE.replace(/["\\]/g, '\\$&')}"]`,
  );
  await expect(option).toHaveCount(1);
  await expect(page.getByText(HOSTILE_WORKFLOW_TYPE, { exact: true })).toBeVisible();
  await option.check();
  await page.keyboard.press('Escape');
  await panelsSettled(page);

  // The value went into PromQL as data: Prometheus matched only that series.
  const latency = page.locator('[data-testid=panel][data-panel-id="workflow-latency"]');
  // p95 by default.
  await expect(latency.getByTestId('legend-item')).toHaveCount(1);
  await expect(latency).toHaveAttribute('data-state', 'ready');
  const names = await latency
    .getByTestId('legend-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-series')));
  expect(names).toEqual([`${HOSTILE_WORKFLOW_TYPE} p95`]);
  // The legend row shows it as text (the chart tooltip may show it too when the pointer is over it).
  await expect(
    latency.getByTestId('legend-item').getByText(`${HOSTILE_WORKFLOW_TYPE} p95`, { exact: true }),
  ).toBeVisible();
  // No markup was interpreted, no script ran.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  // And the URL carries it back intact.
  expect(new URL(page.url()).searchParams.getAll('workflow_type')).toEqual([HOSTILE_WORKFLOW_TYPE]);
});
