import { expect, test } from './fixtures';

const left = 'sum(rate(shannon_workflows_started_total[5m]))';
const right = 'sum by (workflow_type) (rate(shannon_workflows_completed_total[5m]))';

test('split view: two panes side by side, each with its own queries; a copied link reproduces both', async ({
  page,
  browser,
}) => {
  await page.goto(`/explore?from=now-30m&to=now&q=${encodeURIComponent(left)}`);
  await page.getByTestId('split-metrics').click();
  await expect(page).toHaveURL(/split=metrics/);
  const editor = page.getByRole('textbox', { name: 'Query A (right pane)' });
  await editor.click();
  await page.keyboard.type(right);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Enter');
  await expect(page).toHaveURL(/q2=sum\+by/);
  const graphs = [
    page.locator('[data-testid=panel][data-panel-id="explore"]'),
    page.locator('[data-testid=panel][data-panel-id="explore2"]'),
  ];
  for (const g of graphs) await expect(g).toHaveAttribute('data-state', 'ready');
  await expect(graphs[0]!.getByTestId('series-line')).toHaveCount(1);
  expect(await graphs[1]!.getByTestId('series-line').count()).toBeGreaterThan(1);
  // Side by side at 1400 px.
  const [a, b] = await Promise.all(graphs.map((g) => g.boundingBox()));
  expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);

  const fresh = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await fresh.goto(page.url());
  await expect(fresh.getByRole('textbox', { name: 'Query A', exact: true })).toHaveText(left);
  await expect(fresh.getByRole('textbox', { name: 'Query A (right pane)' })).toHaveText(right);
  await expect(fresh.locator('[data-testid=panel][data-panel-id="explore2"]')).toHaveAttribute('data-state', 'ready');
  await fresh.close();

  await page.getByTestId('split-close').click();
  await expect(page.getByTestId('explore-pane')).toHaveCount(1);
  expect(new URL(page.url()).searchParams.has('q2')).toBe(false);
});

test('unlinked, the right pane keeps its own range while the header’s moves', async ({ page }) => {
  await page.goto(
    `/explore?from=now-30m&to=now&q=${encodeURIComponent(left)}&split=metrics&q2=${encodeURIComponent(left)}`,
  );
  const l = page.locator('[data-testid=panel][data-panel-id="explore"]');
  const r = page.locator('[data-testid=panel][data-panel-id="explore2"]');
  await expect(r).toHaveAttribute('data-state', 'ready');
  const span = async (p: typeof l) =>
    Number(await p.getAttribute('data-end')) - Number(await p.getAttribute('data-start'));
  expect(Math.round((await span(r)) / 60)).toBe(30);
  // A controlled checkbox: its state follows the URL, so click and then wait for it.
  await page.getByTestId('split-link').click();
  await expect(page).toHaveURL(/unlink=1/);
  await expect(page.getByTestId('split-link')).not.toBeChecked();
  await expect(page.getByTestId('right-range')).toBeVisible();
  await page.getByTestId('range-picker').click();
  await page.getByTestId('quick-6h').click();
  await expect.poll(async () => Math.round((await span(l)) / 3600)).toBe(6);
  await expect(l).toHaveAttribute('data-state', 'ready');
  expect(Math.round((await span(r)) / 60)).toBe(30);
  // Linked again, it follows the header.
  await page.getByTestId('split-link').click();
  await expect(page.getByTestId('split-link')).toBeChecked();
  await expect.poll(async () => Math.round((await span(r)) / 3600)).toBe(6);
});

test('a trace search beside a query, on the same range; its fields live in the URL under their own names', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/explore?from=now-30m&to=now&q=${encodeURIComponent(left)}&split=traces`);
  const pane = page.locator('[data-testid=explore-pane][data-pane=traces]');
  await expect(pane.getByRole('form', { name: 'Trace search' })).toBeVisible();
  // Live traces arrive from the simulator: the pane shows them once the store has some.
  await expect
    .poll(
      async () => {
        await page.reload();
        const results = pane.getByTestId('trace-search');
        await expect(results).not.toHaveAttribute('data-state', 'loading');
        return results.getAttribute('data-state');
      },
      { timeout: 60_000, intervals: [2000] },
    )
    .toBe('ready');
  await pane.getByLabel('Service').selectOption('orchestrator');
  await pane.getByRole('button', { name: 'Find traces' }).click();
  await expect(page).toHaveURL(/t_service=orchestrator/);
  expect(new URL(page.url()).searchParams.has('service')).toBe(false);
  await expect(pane.getByTestId('trace-search')).toHaveAttribute('data-state', 'ready');
  await expect(pane.getByTestId('trace-result').first()).toContainText('orchestrator');
  await expect(page.locator('[data-testid=panel][data-panel-id="explore"]')).toHaveAttribute('data-state', 'ready');
});

test('Prometheus’s parse error is marked where it points in the editor; history completes a query run before', async ({
  page,
}) => {
  await page.goto(`/explore?q=${encodeURIComponent('sum(rate(x[5m])')}`);
  await expect(page.getByTestId('query-problem')).toContainText('1:16: parse error: unclosed left parenthesis');
  // Column 16 of a 15-character query: the end, where the ")" is missing.
  await expect(page.getByTestId('promql-editor')).toHaveAttribute('data-error-at', '15');
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();

  // A query run once is offered again while typing part of it.
  await page.goto(`/explore?q=${encodeURIComponent(right)}`);
  await page.getByTestId('explore-run').click();
  await page.goto('/explore');
  await page.getByRole('textbox', { name: 'Query A' }).click();
  await page.keyboard.type('completed_total');
  const option = page.locator('.cm-tooltip-autocomplete li', { hasText: right });
  await expect(option).toBeVisible();
  await expect(option).toContainText('history');
  await option.click();
  await expect(page.getByRole('textbox', { name: 'Query A' })).toHaveText(right);
});
