import { agentsDashboard } from '../lib/dashboards/agents';
import { llmDashboard } from '../lib/dashboards/llm';
import { memoryDashboard } from '../lib/dashboards/memory';
import { streamingDashboard } from '../lib/dashboards/streaming';
import { expect, panelsSettled, test } from './fixtures';

for (const [path, d] of [
  ['/streaming', streamingDashboard],
  ['/memory', memoryDashboard],
  ['/agents', agentsDashboard],
  ['/llm', llmDashboard],
] as const) {
  test(`every ${path} panel reaches ready on the simulated Shannon`, async ({ page }) => {
    await page.goto(`${path}?from=now-1h`);
    await panelsSettled(page);
    for (const p of d.panels) {
      await expect(page.locator(`[data-testid=panel][data-panel-id="${p.id}"]`), p.id).toHaveAttribute(
        'data-state',
        'ready',
      );
    }
  });
}

test('a shared /streaming link reproduces the model filter and range in a fresh context', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/streaming?from=now-3h');
  await panelsSettled(page);
  await page.getByTestId('var-model-button').click();
  const first = page.getByTestId('var-option').first();
  const model = (await first.getAttribute('data-value'))!;
  await first.check();
  await page.keyboard.press('Escape');
  await expect.poll(() => new URL(page.url()).searchParams.getAll('model')).toEqual([model]);
  const url = page.url();
  const ctx = await browser.newContext({ baseURL });
  const other = await ctx.newPage();
  await other.goto(url);
  await panelsSettled(other);
  await other.locator('[data-testid=panel][data-panel-id=ttft]').getByRole('button', { name: 'Show query' }).click();
  await expect(
    other.locator('[data-testid=panel][data-panel-id=ttft]').getByTestId('panel-query').first(),
  ).toContainText(`model="${model}"`);
  await ctx.close();
});

test('dragging across the TTFT heatmap zooms every /streaming panel into that window', async ({ page }) => {
  await page.goto('/streaming?from=now-1h&to=now');
  await panelsSettled(page);
  const heatmap = page.locator('[data-testid=panel][data-panel-id=ttft-heatmap] [data-testid=heatmap] svg');
  const before = Number(await page.locator('[data-testid=panel][data-panel-id=ttft]').getAttribute('data-start'));
  const box = (await heatmap.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, y, { steps: 6 });
  await expect(page.getByTestId('heatmap-selection')).toBeVisible();
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 6 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\dT/);
  const url = new URL(page.url());
  const span = Date.parse(url.searchParams.get('to')!) - Date.parse(url.searchParams.get('from')!);
  // About 30 % of the hour.
  expect(span).toBeGreaterThan(12 * 60_000);
  expect(span).toBeLessThan(24 * 60_000);
  await panelsSettled(page);
  expect(
    Number(await page.locator('[data-testid=panel][data-panel-id=ttft]').getAttribute('data-start')),
  ).toBeGreaterThan(before);
});

for (const path of ['/memory', '/agents', '/llm', '/policy']) {
  test(`a shared ${path} link with a pinned range reproduces the same range and queries in a fresh context`, async ({
    page,
    browser,
    baseURL,
  }) => {
    const to = Date.now() - 60_000;
    const url = `${path}?from=${to - 2 * 3600_000}&to=${to}`;
    await page.goto(url);
    await panelsSettled(page);
    const first = page.getByTestId('panel').first();
    const attrs = async (p: import('@playwright/test').Locator) =>
      Promise.all(['data-start', 'data-end', 'data-step'].map((a) => p.getAttribute(a)));
    const mine = await attrs(first);
    const ctx = await browser.newContext({ baseURL });
    const other = await ctx.newPage();
    await other.goto(url);
    await panelsSettled(other);
    expect(await attrs(other.getByTestId('panel').first())).toEqual(mine);
    await expect(other.getByTestId('range-label')).toHaveText(await page.getByTestId('range-label').innerText());
    await ctx.close();
  });
}
