import { chartsInteractive, expect, panelsSettled, test } from './fixtures';
import { storedBigTrace } from './trace-fixtures';

test('exemplar markers are one tab stop per chart; arrow keys, Home and End move between them', async ({ page }) => {
  test.setTimeout(120_000);
  const panel = page.locator('[data-testid=panel][data-panel-id="workflow-latency"]');
  const marks = panel.getByTestId('exemplar');
  // Exemplars come with live scrapes: on a stack just started, reload until the chart has a few.
  await expect
    .poll(
      async () => {
        await page.goto('/workflows?from=now-15m&to=now');
        await panelsSettled(page);
        return marks.count();
      },
      { timeout: 90_000, intervals: [3000] },
    )
    .toBeGreaterThan(3);
  // Across the page: at most one tab stop per chart, however many markers.
  const charts = await page.getByTestId('chart').count();
  expect(await page.locator('[data-testid=exemplar]:not([tabindex="-1"])').count()).toBeLessThanOrEqual(charts);
  await expect(panel.locator('[data-testid=exemplar][tabindex="0"]')).toHaveCount(1);

  const ids = await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-trace-id')));
  await panel.locator('[data-testid=exemplar][tabindex="0"]').focus();
  await page.keyboard.press('Home');
  await expect(marks.first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(marks.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(marks.last()).toBeFocused();
  // The one tab stop follows the focus; Enter opens that marker's trace.
  await expect(panel.locator('[data-testid=exemplar][tabindex="0"]')).toHaveAttribute('data-trace-id', ids.at(-1)!);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/traces/${ids.at(-1)}`));
});

test('a chart read with the keyboard: arrows move a cursor along time, Enter opens the point menu there', async ({
  page,
}) => {
  await page.goto('/workflows?from=now-1h&to=now');
  await panelsSettled(page);
  await chartsInteractive(page);
  const panel = page.locator('[data-testid=panel][data-panel-id="workflow-throughput"]');
  const chart = panel.getByTestId('chart');
  await chart.focus();
  await page.keyboard.press('ArrowLeft');
  const cursor = panel.getByTestId('key-cursor');
  // The cursor is a line (no width); its readout is what a person sees.
  await expect(cursor.getByRole('status')).toBeVisible();
  const last = Number(await cursor.getAttribute('data-t'));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const t = Number(await cursor.getAttribute('data-t'));
  expect(t).toBeLessThan(last);
  await expect(cursor.getByRole('status')).toContainText('started');
  await page.keyboard.press('Enter');
  const menu = page.getByTestId('point-menu');
  await expect(menu).toBeVisible();
  // The menu is at the cursor's instant: its window is around it.
  const slower = menu.getByTestId('point-slower').first();
  const q = new URL((await slower.getAttribute('href'))!, 'http://x').searchParams;
  expect(Number(q.get('from'))).toBeLessThan(t);
  expect(Number(q.get('to'))).toBeGreaterThan(t);
  // Escape closes it and hands focus back to the chart.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(chart).toBeFocused();
});

test('the waterfall: Home and End select the first and the last span, even one not yet loaded', async ({
  page,
  stack,
}) => {
  const { id, spans } = await storedBigTrace(stack.consoleUrl);
  await page.goto(`/traces/${id}`);
  const grid = page.getByRole('treegrid');
  await expect(page.getByTestId('span-row').first()).toBeVisible();
  await grid.focus();
  await page.keyboard.press('End');
  const selected = page.locator('[data-testid=span-row][data-selected=true]');
  await expect(selected).toHaveAttribute('aria-rowindex', String(spans.length));
  await expect(selected).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(selected).toHaveAttribute('aria-rowindex', '1');
  await expect(page.getByTestId('span-detail').getByRole('heading', { name: 'POST /v1/batch' })).toBeVisible();
});
