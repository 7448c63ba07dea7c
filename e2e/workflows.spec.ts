import { workflowsDashboard } from '../lib/dashboards/workflows';
import { parseFormatted } from '../lib/format/units';
import { chartsInteractive, expect, panelsSettled, promRange, test } from './fixtures';

/** Every panel of the page, from its definition. */
const PANELS = workflowsDashboard.panels.map((p) => p.id);

/** A window in the past, so that the page and Prometheus see exactly the same samples. */
function pastWindow() {
  const to = new Date(Date.now() - 5 * 60_000);
  const from = new Date(to.getTime() - 30 * 60_000);
  return { from: from.toISOString(), to: to.toISOString() };
}

test('every /workflows panel reaches ready', async ({ page }) => {
  await page.goto('/workflows');
  await panelsSettled(page);
  for (const id of PANELS) {
    await expect(page.locator(`[data-testid=panel][data-panel-id="${id}"]`)).toHaveAttribute('data-state', 'ready');
  }
});

for (const [panelId, unit] of [
  ['workflow-throughput', 'reqps'],
  ['agent-execution-p95', 'ms'],
] as const) {
  test(`${panelId}: the figures shown equal what Prometheus returns`, async ({ page, stack }) => {
    const w = pastWindow();
    await page.goto(`/workflows?from=${w.from}&to=${w.to}`);
    await panelsSettled(page);
    const panel = page.locator(`[data-testid=panel][data-panel-id="${panelId}"]`);
    await expect(panel).toHaveAttribute('data-state', 'ready');
    await panel.getByRole('button', { name: 'Show query' }).click();
    await expect(panel.getByTestId('panel-query')).toBeVisible();
    const queries = await panel.getByTestId('panel-query').locator('pre').allInnerTexts();
    const [start, end, step] = await Promise.all(
      ['data-start', 'data-end', 'data-step'].map((a) => panel.getAttribute(a)),
    );
    expect(queries.length).toBeGreaterThan(0);

    // The independent witness: the same queries, straight to Prometheus, same instants.
    const expected = new Map<string, number>();
    for (const q of queries) {
      for (const s of await promRange(stack, q, start!, end!, step!)) {
        const last = s.values.at(-1)!;
        const name =
          panelId === 'workflow-throughput'
            ? q.includes('started')
              ? 'started'
              : 'completed'
            : `${s.metric.agent_id} p95`;
        expected.set(name, Number(last[1]));
      }
    }
    expect(expected.size).toBeGreaterThan(1);
    const rows = panel.getByTestId('legend-item');
    await expect(rows).toHaveCount(expected.size);
    for (const [name, value] of expected) {
      const shown = await panel
        .locator(`[data-testid=legend-item][data-series="${name}"] [data-testid=legend-last]`)
        .innerText();
      const parsed = parseFormatted(shown, unit);
      expect(parsed, `${name} shows "${shown}"`).not.toBeNull();
      // Three significant digits on screen: within 0.5 %.
      expect(Math.abs(parsed! - value) / value, `${name}: page ${shown}, Prometheus ${value}`).toBeLessThan(0.005);
    }
  });
}

test('range and variables live in the URL and a fresh context reproduces them', async ({ page, browser, baseURL }) => {
  await page.goto('/workflows');
  await panelsSettled(page);
  await page.getByTestId('range-picker').click();
  await page.getByTestId('quick-3h').click();
  await expect(page).toHaveURL(/from=now-3h/);
  await page.getByTestId('var-workflow_type-button').click();
  await page.locator('[data-testid=var-option][data-value="DAGWorkflow"]').check();
  await page.locator('[data-testid=var-option][data-value="ResearchWorkflow"]').check();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/workflow_type=DAGWorkflow/);
  await expect(page).toHaveURL(/workflow_type=ResearchWorkflow/);
  await panelsSettled(page);
  const latency = page.locator('[data-testid=panel][data-panel-id="workflow-latency"]');
  // p95 by default (the quantile selector picks others).
  await expect(latency.getByTestId('legend-item')).toHaveCount(2);
  const names = await latency
    .getByTestId('legend-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-series')).sort());
  expect(names).toEqual(['DAGWorkflow p95', 'ResearchWorkflow p95']);

  // Share: the copy-link dialog holds both links.
  await page.getByTestId('copy-link').click();
  const relative = await page.getByTestId('link-relative').inputValue();
  const absolute = await page.getByTestId('link-absolute').inputValue();
  expect(relative.startsWith(baseURL!)).toBe(true);
  expect(new URL(relative).searchParams.get('from')).toBe('now-3h');
  const absFrom = new URL(absolute).searchParams.get('from')!;
  const absTo = new URL(absolute).searchParams.get('to')!;
  expect(Date.parse(absTo) - Date.parse(absFrom)).toBe(3 * 3600_000);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(absolute);
  await panelsSettled(other);
  await expect(other.getByTestId('var-workflow_type-button')).toHaveText('2 selected');
  const otherLatency = other.locator('[data-testid=panel][data-panel-id="workflow-latency"]');
  expect(
    await otherLatency
      .getByTestId('legend-item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-series')).sort()),
  ).toEqual(names);
  for (const attr of ['data-start', 'data-end', 'data-step']) {
    expect(await otherLatency.getAttribute(attr)).toBe(await latency.getAttribute(attr));
  }
  // The same instants: opening the absolute link twice shows identical figures.
  const third = await fresh.newPage();
  await third.goto(absolute);
  await panelsSettled(third);
  const figures = (p: typeof other) =>
    p.locator('[data-panel-id="workflow-throughput"] [data-testid=legend-last]').allInnerTexts();
  expect(await figures(third)).toEqual(await figures(other));
  await fresh.close();
});

test('a malformed parameter falls back to its default with a notice', async ({ page }) => {
  await page.goto('/workflows?from=garbage&refresh=sometimes');
  await expect(page.getByTestId('url-notice')).toContainText('from=garbage');
  await expect(page.getByTestId('url-notice')).toContainText('refresh=sometimes');
  await expect(page.getByTestId('range-label')).toHaveText('Last 1h');
  await panelsSettled(page);
  await expect(page.locator('[data-testid=panel][data-state=ready]')).toHaveCount(PANELS.length);
});

test('dragging across a chart zooms every panel into that window', async ({ page }) => {
  await page.goto('/workflows?from=now-1h&to=now');
  await panelsSettled(page);
  await chartsInteractive(page);
  const panel = page.locator('[data-testid=panel][data-panel-id="workflow-throughput"]');
  const before = Number(await panel.getAttribute('data-start'));
  const box = (await panel.getByTestId('chart').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.4, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\dT/);
  const url = new URL(page.url());
  const from = Date.parse(url.searchParams.get('from')!);
  const to = Date.parse(url.searchParams.get('to')!);
  // About 30 % of the hour, inside the old range.
  expect(to - from).toBeGreaterThan(10 * 60_000);
  expect(to - from).toBeLessThan(25 * 60_000);
  await panelsSettled(page);
  const latency = page.locator('[data-testid=panel][data-panel-id="workflow-latency"]');
  expect(Number(await latency.getAttribute('data-start'))).toBeGreaterThan(before);
  expect(Number(await latency.getAttribute('data-end'))).toBeLessThanOrEqual(Math.ceil(to / 1000));
  await expect(page.getByTestId('range-label')).toContainText('→');
});

test('the crosshair is synced: hovering one chart shows the same instant on the others', async ({ page }) => {
  await page.goto('/workflows?from=now-1h&to=now');
  await panelsSettled(page);
  await expect(page.locator('[data-testid=panel][data-state=ready] [data-testid=series-line]').first()).toBeVisible();
  await chartsInteractive(page);
  const chart = page.locator('[data-testid=panel][data-panel-id="workflow-throughput"]').getByTestId('chart');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5, { steps: 4 });
  // Recharts draws a cursor line in every chart that shares the sync id.
  await expect.poll(() => page.locator('.recharts-tooltip-cursor').count()).toBeGreaterThanOrEqual(4);
});

test('auto-refresh re-runs the panel queries on its interval', async ({ page }) => {
  let queries = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/prom/query_range')) queries++;
  });
  await page.goto('/workflows?from=now-15m&to=now&refresh=5s');
  await panelsSettled(page);
  await expect(page.getByTestId('refresh-select')).toHaveValue('5s');
  // The first answers come with the page (streamed by the server); each refresh asks the API.
  const first = queries;
  expect(first).toBe(0);
  await expect.poll(() => queries, { timeout: 25_000 }).toBeGreaterThanOrEqual(first + 16);
  await page.getByTestId('refresh-select').selectOption('off');
  await expect(page).not.toHaveURL(/refresh=/);
});

test('a page load streams every panel’s data with the page: the browser asks the API for none of it', async ({
  page,
}) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/prom/')) asked.push(r.url());
  });
  await page.goto('/workflows?from=now-6h&to=now');
  await panelsSettled(page);
  await expect(page.locator('[data-testid=panel][data-state=ready]')).toHaveCount(PANELS.length);
  await expect(
    page.locator('[data-testid=panel][data-panel-id="workflow-latency"] [data-testid=series-line]'),
  ).not.toHaveCount(0);
  expect(asked).toEqual([]);
});

test('the legend isolates a line, Ctrl-click toggles one; hovering shows the values at that instant', async ({
  page,
}) => {
  await page.goto('/workflows?from=now-1h&to=now');
  await panelsSettled(page);
  const panel = page.locator('[data-testid=panel][data-panel-id="workflow-throughput"]');
  const lines = panel.getByTestId('series-line');
  const item = (name: string) => panel.locator(`[data-testid=legend-item][data-series="${name}"]`);
  await expect(lines).toHaveCount(2);
  // A click shows that series alone; a second click shows all again.
  await item('started').locator('button').click();
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toHaveAttribute('data-series', 'started');
  await expect(item('completed')).toHaveAttribute('data-hidden', 'true');
  await item('started').locator('button').click();
  await expect(lines).toHaveCount(2);
  // Ctrl-click switches one off, and on again.
  await item('started')
    .locator('button')
    .click({ modifiers: ['Control'] });
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toHaveAttribute('data-series', 'completed');
  await expect(item('started')).toHaveAttribute('data-hidden', 'true');
  await item('started')
    .locator('button')
    .click({ modifiers: ['Control'] });
  await expect(lines).toHaveCount(2);

  await chartsInteractive(page);
  const box = (await panel.getByTestId('chart').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.5, { steps: 3 });
  const tip = panel.getByTestId('chart-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('started');
  await expect(tip).toContainText('completed');
  await expect(tip).toContainText('/s');
});
