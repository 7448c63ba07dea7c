import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, panelsSettled, promRange, test } from './fixtures';

const six = (v: number | undefined) => (v === undefined ? undefined : Number(v.toPrecision(6)));
const panel = (page: Page, id: string) => page.locator(`[data-testid=panel][data-panel-id="${id}"]`);

/** The panel's queries as sent, read from its own "show query". */
async function shownQueries(page: Page, id: string): Promise<string[]> {
  const p = panel(page, id);
  await p.getByRole('button', { name: 'Show query' }).click();
  await expect(p.getByTestId('panel-query')).toBeVisible();
  const texts = await p.getByTestId('panel-query').locator('pre').allTextContents();
  await p.getByRole('button', { name: 'Hide query' }).click();
  return texts;
}

test('view mode: a panel alone at full size, with its legend as a table; Escape and Back return', async ({ page }) => {
  await page.goto('/workflows?from=now-1h&to=now');
  await panelsSettled(page);
  const total = await page.getByTestId('panel').count();
  await panel(page, 'workflow-latency').getByTestId('panel-menu').click();
  await page.getByTestId('panel-menu-view').click();
  await expect(page).toHaveURL(/view=workflow-latency/);
  const view = page.getByTestId('panel-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('panel')).toHaveCount(1);
  const alone = panel(page, 'workflow-latency');
  await expect(alone).toHaveAttribute('data-state', 'ready');
  // Taller than on the dashboard, and the legend has every figure.
  expect((await alone.getByTestId('chart').boundingBox())!.height).toBeGreaterThan(400);
  for (const c of ['Last', 'Min', 'Mean', 'Max']) await expect(alone.getByTestId('legend')).toContainText(c);
  // The range stays as it was.
  expect(new URL(page.url()).searchParams.get('from')).toBe('now-1h');

  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/view=/);
  await expect(page.getByTestId('panel')).toHaveCount(total);

  // A shared link opens the view; the browser's Back leaves it.
  await page.goto('/workflows?from=now-1h&to=now');
  await page.goto('/workflows?from=now-1h&to=now&view=workflow-throughput');
  await expect(page.getByTestId('panel-view')).toBeVisible();
  await expect(panel(page, 'workflow-throughput')).toHaveAttribute('data-state', 'ready');
  await page.goBack();
  await expect(page).not.toHaveURL(/view=/);
  await panelsSettled(page);
  await expect(page.getByTestId('panel')).toHaveCount(total);
  // A panel that is not there says so, and the page shows them all.
  await page.goto('/workflows?view=no-such-panel');
  await expect(page.getByTestId('url-notice')).toContainText('"view=no-such-panel" is not a panel of this page');
  await expect(page.getByTestId('panel')).toHaveCount(total);
});

test('Download CSV holds exactly the data the panel shows: Prometheus’s values at six significant digits', async ({
  page,
  stack,
}) => {
  await page.goto('/workflows?from=now-30m&to=now');
  await panelsSettled(page);
  const p = panel(page, 'workflow-throughput');
  const [start, end, step] = await Promise.all(['data-start', 'data-end', 'data-step'].map((a) => p.getAttribute(a)));
  const queries = await shownQueries(page, 'workflow-throughput');
  expect(queries).toHaveLength(2);
  await p.getByTestId('panel-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('panel-menu-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^workflow-throughput-.*\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  expect(header).toBe('time,completed,started');
  // The independent witness: Prometheus asked directly, over the same grid.
  const witness = await Promise.all(queries.map((q) => promRange(stack, q, start!, end!, step!)));
  const byTime = (i: number) => new Map(witness[i]![0]!.values.map(([t, v]) => [t * 1000, Number(v)]));
  const [started, completed] = [byTime(0), byTime(1)];
  const grid = (Number(end) - Number(start)) / Number(step) + 1;
  expect(rows).toHaveLength(grid);
  let compared = 0;
  for (const row of rows) {
    const [t, c, s] = row.split(',');
    const ms = Date.parse(t!);
    // Chart values travel with six significant digits (README: "Chart values are sent with six
    // significant digits"); the CSV holds exactly those.
    expect(c === '' ? undefined : Number(c)).toBe(six(completed.get(ms)));
    expect(s === '' ? undefined : Number(s)).toBe(six(started.get(ms)));
    if (c !== '') compared++;
  }
  expect(compared).toBeGreaterThan(grid / 2);
});

test('Download PNG draws the panel; Copy the query puts its PromQL on the clipboard', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ baseURL, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await ctx.newPage();
  await page.goto('/workflows?from=now-1h&to=now');
  await panelsSettled(page);
  const p = panel(page, 'workflow-throughput');
  const width = (await p.boundingBox())!.width;
  await p.getByTestId('panel-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('panel-menu-png').click()]);
  const png = fs.readFileSync((await download.path())!);
  expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  // Drawn at twice the pixels of the panel on screen (IHDR width at byte 16).
  expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.floor(width * 2) - 2);

  const queries = await shownQueries(page, 'workflow-throughput');
  await p.getByTestId('panel-menu').click();
  await page.getByTestId('panel-menu-copy').click();
  await expect(p.getByRole('status')).toHaveText('Query copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(queries.join('\n'));
  // Keyboard: the menu opens on its first item, arrows move, Escape closes back to the button.
  await p.getByTestId('panel-menu').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('panel-menu-view')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('panel-menu-explore')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('panel-menu-copy')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(p.getByTestId('panel-menu')).toBeFocused();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await ctx.close();
});

test('hidden series, an open query and the picked quantiles are in the URL: a shared link shows the same', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/workflows?from=now-1h&to=now');
  await panelsSettled(page);
  const latency = panel(page, 'workflow-latency');
  // p95 alone by default: one line per type.
  const items = latency.getByTestId('legend-item');
  const names = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-series')!));
  expect(names.length).toBeGreaterThan(1);
  expect(names.every((n) => n.endsWith(' p95'))).toBe(true);
  await expect(latency.locator('[data-testid=panel-choice][data-choice=p95]')).toHaveAttribute('aria-pressed', 'true');
  // Pick p99 alone, then add p50.
  await latency.locator('[data-testid=panel-choice][data-choice=p99]').click();
  await expect(page).toHaveURL(/pick=workflow-latency%3Ap99/);
  await panelsSettled(page);
  await expect
    .poll(() => items.evaluateAll((els) => els.every((e) => e.getAttribute('data-series')!.endsWith(' p99'))))
    .toBe(true);
  await latency.locator('[data-testid=panel-choice][data-choice=p50]').click({ modifiers: ['Control'] });
  await panelsSettled(page);
  await expect(items).toHaveCount(names.length * 2);

  // Isolate one series; open the query of another panel.
  const first = names[0]!.replace(/ p95$/, ' p99');
  await latency.locator(`[data-testid=legend-item][data-series="${first}"] button`).click();
  await expect(latency.locator('[data-testid=legend-item][data-hidden=false]')).toHaveCount(1);
  await panel(page, 'workflow-throughput').getByRole('button', { name: 'Show query' }).click();
  const shared = page.url();
  expect(new URL(shared).searchParams.getAll('query')).toEqual(['workflow-throughput']);

  const ctx = await browser.newContext({ baseURL });
  const other = await ctx.newPage();
  await other.goto(shared);
  await panelsSettled(other);
  const l2 = panel(other, 'workflow-latency');
  await expect(l2.getByTestId('legend-item')).toHaveCount(names.length * 2);
  await expect(l2.locator('[data-testid=legend-item][data-hidden=false]')).toHaveCount(1);
  await expect(l2.locator('[data-testid=legend-item][data-hidden=false]')).toHaveAttribute('data-series', first);
  await expect(l2.getByTestId('series-line')).toHaveCount(1);
  await expect(panel(other, 'workflow-throughput').getByTestId('panel-query')).toBeVisible();
  await ctx.close();
});

test('a legend of many series has a search box and sortable columns', async ({ page }) => {
  await page.goto(
    '/workflows?from=now-1h&to=now&pick=workflow-latency:p50&pick=workflow-latency:p95&pick=workflow-latency:p99',
  );
  await panelsSettled(page);
  const latency = panel(page, 'workflow-latency');
  const items = latency.getByTestId('legend-item');
  expect(await items.count()).toBeGreaterThan(8);
  const all = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-series')!));
  // Case does not matter: "dag" finds DAGWorkflow (and any other name holding it), nothing else.
  await latency.getByTestId('legend-search').fill('dag');
  const expected = all.filter((n) => n.toLowerCase().includes('dag'));
  expect(expected.length).toBeGreaterThanOrEqual(3);
  await expect(items).toHaveCount(expected.length);
  expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-series')!))).toEqual(expected);
  await latency.getByTestId('legend-search').fill('');
  // Sort by Max, largest first: the figures read in order.
  await latency.getByTestId('legend-sort-max').click();
  const secs = await latency.getByTestId('legend-max').evaluateAll((els) =>
    els.map((e) => {
      const m = /^([\d.,]+) (ms|s|min)$/.exec((e.textContent ?? '').trim());
      return m ? Number(m[1]!.replace(/,/g, '')) * (m[2] === 'ms' ? 0.001 : m[2] === 'min' ? 60 : 1) : NaN;
    }),
  );
  const numbers = secs.filter((x) => !Number.isNaN(x));
  expect(numbers.length).toBeGreaterThan(3);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
});

test('compare with an earlier range: every time series panel overlays the same series, dashed, as Prometheus had them', async ({
  page,
  stack,
}) => {
  // 20 minutes back stays inside the stack's backfilled hour.
  await page.goto('/workflows?from=now-30m&to=now&shift=20m');
  await panelsSettled(page);
  await expect(page.getByTestId('compare-select')).toHaveValue('20m');
  const p = panel(page, 'workflow-throughput');
  const line = (name: string) => p.locator(`[data-testid=series-line][data-series="${name}"]`);
  await expect(line('started · 20m ago')).toHaveCount(1);
  await expect(line('completed · 20m ago')).toHaveCount(1);
  // Dashed, in the colour of the series it is compared with.
  expect(await line('started · 20m ago').getAttribute('stroke')).toBe(await line('started').getAttribute('stroke'));
  expect(await line('started · 20m ago').getAttribute('stroke-dasharray')).toBeTruthy();
  expect(await line('started').getAttribute('stroke-dasharray')).toBeNull();
  // Every time series panel that has data then has its comparison.
  for (const id of await page
    .locator('[data-testid=panel][data-kind=timeseries][data-state=ready]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-panel-id')!))) {
    await expect(
      panel(page, id).locator('[data-testid=legend-item][data-series$=" · 20m ago"]').first(),
    ).toBeAttached();
  }

  // The values drawn 20 minutes later are Prometheus's own, read from the CSV of what is shown.
  const [start, end, step] = await Promise.all(['data-start', 'data-end', 'data-step'].map((a) => p.getAttribute(a)));
  const queries = await shownQueries(page, 'workflow-throughput');
  await p.getByTestId('panel-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('panel-menu-csv').click()]);
  const [header, ...rows] = fs
    .readFileSync((await download.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  const col = header!.split(',').indexOf('started · 20m ago');
  expect(col).toBeGreaterThan(0);
  const shift = 20 * 60;
  const witness = await promRange(
    stack,
    queries[0]!,
    String(Number(start) - shift),
    String(Number(end) - shift),
    step!,
  );
  const then = new Map(witness[0]!.values.map(([t, v]) => [(t + shift) * 1000, Number(v)]));
  let compared = 0;
  for (const row of rows) {
    const cells = row.split(',');
    const v = cells[col]!;
    expect(v === '' ? undefined : Number(v)).toBe(six(then.get(Date.parse(cells[0]!))));
    if (v !== '') compared++;
  }
  expect(compared).toBeGreaterThan(rows.length / 2);

  // The picker: 1 day ago, and off again.
  await page.getByTestId('compare-select').selectOption('1d');
  await expect(page).toHaveURL(/shift=1d/);
  await page.getByTestId('compare-select').selectOption('');
  await expect(page).not.toHaveURL(/shift=/);
  await expect(line('started · 20m ago')).toHaveCount(0);
});
