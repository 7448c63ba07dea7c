import { expect, panelsSettled, test } from './fixtures';

test('a panel’s "Explore this query" opens /explore with its queries and range, drawn the same', async ({ page }) => {
  await page.goto('/workflows?from=now-30m&to=now');
  await panelsSettled(page);
  const panel = page.locator('[data-testid=panel][data-panel-id="workflow-throughput"]');
  const names = await panel
    .getByTestId('legend-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-series')));
  await panel.getByTestId('panel-menu').click();
  await page.getByTestId('panel-menu-explore').click();
  await expect(page).toHaveURL(/\/explore\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('from')).toBe('now-30m');
  const qs = url.searchParams.getAll('q');
  expect(qs).toHaveLength(2);
  expect(qs.every((q) => q.includes('shannon_workflows_'))).toBe(true);
  // The same queries over the same range: a line per series the panel had (named by labels here).
  const graph = page.locator('[data-testid=panel][data-panel-id="explore"]');
  await expect(graph).toHaveAttribute('data-state', 'ready');
  await expect(graph.getByTestId('series-line')).toHaveCount(names.length);
  // Each query is in an editor.
  await expect(page.getByTestId('promql-editor')).toHaveCount(2);
  await expect(page.getByTestId('promql-editor').first()).toContainText('shannon_workflows_');
});

test('the PromQL editor completes metric names from the console, Shift-Enter runs, the table shows Prometheus’s values', async ({
  page,
  stack,
}) => {
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto('/explore?from=now-15m&to=now');
  const editor = page.getByRole('textbox', { name: 'Query A' });
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.type('shannon_workflows_sta');
  const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'shannon_workflows_started_total' });
  await expect(option).toBeVisible();
  // CodeMirror takes Enter as a new line for 75 ms after the list appears (its interactionDelay, so
  // that a fast typist's Enter is not taken as a choice). A person reads the list first; the test
  // did not, and now and then its Enter made a new line. Wait as long as a glance.
  await page.waitForTimeout(250);
  await page.keyboard.press('Enter');
  await expect(editor).toHaveText('shannon_workflows_started_total');
  // Completion went through the console's routes, never to Prometheus.
  expect(asked.some((p) => p.startsWith('/api/prom/labels/__name__/values'))).toBe(true);
  expect(asked.every((p) => !p.startsWith('/api/v1/'))).toBe(true);

  await page.keyboard.press('Shift+Enter');
  await expect(page).toHaveURL(/q=shannon_workflows_started_total/);
  const graph = page.locator('[data-testid=panel][data-panel-id="explore"]');
  await expect(graph).toHaveAttribute('data-state', 'ready');
  expect(await graph.getByTestId('series-line').count()).toBeGreaterThan(1);

  // The table: one row per series at the range's end, the values Prometheus gives for that instant.
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page).toHaveURL(/tab=table/);
  const table = page.getByTestId('explore-table');
  await expect(table).toHaveAttribute('data-state', 'ready');
  const rows = table.getByTestId('explore-row');
  const witness = await fetch(`${stack.prometheusUrl}/api/v1/query`, {
    method: 'POST',
    body: new URLSearchParams({
      query: 'shannon_workflows_started_total',
      time: String(Math.floor(Date.now() / 1000)),
    }),
  }).then((r) => r.json() as Promise<{ data: { result: unknown[] } }>);
  await expect(rows).toHaveCount(witness.data.result.length);
  await expect(table.getByRole('columnheader', { name: /workflow_type/ })).toBeVisible();
});

test('a query Prometheus cannot parse shows its message; a bad tab or unit in the URL says so', async ({ page }) => {
  await page.goto('/explore?q=sum(rate(x[5m])&tab=pie&unit=furlongs');
  await expect(page.getByTestId('url-notice')).toContainText('"tab=pie" is not graph, table or json');
  await expect(page.getByTestId('url-notice')).toContainText('"unit=furlongs"');
  const graph = page.locator('[data-testid=panel][data-panel-id="explore"]');
  await expect(graph).toHaveAttribute('data-state', 'error');
  await expect(graph.getByTestId('panel-error')).toContainText('parse error');
});

test('Format lays a query out as Prometheus does; JSON shows the answer; History keeps what ran, with stars', async ({
  page,
}) => {
  await page.goto('/explore?from=now-15m&to=now');
  const editor = page.getByRole('textbox', { name: 'Query A' });
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.type('sum by(workflow_type)(rate(shannon_workflows_started_total[5m]))');
  await page.keyboard.press('Escape'); // close any completion
  await page.getByTestId('explore-format').click();
  await expect(editor).toHaveText('sum by (workflow_type) (rate(shannon_workflows_started_total[5m]))');
  await page.getByTestId('explore-run').click();
  await expect(page).toHaveURL(/q=sum\+by\+%28workflow_type%29/);

  // JSON: the console's answer for that query, as the graph draws it.
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page).toHaveURL(/tab=json/);
  const json = JSON.parse((await page.getByTestId('explore-json-text').first().textContent())!) as {
    series: { labels: Record<string, string> }[];
  };
  expect(json.series.length).toBeGreaterThan(1);
  expect(json.series.every((s) => s.labels.workflow_type)).toBe(true);

  // A query that cannot be parsed is named, and left as typed.
  await page.getByRole('button', { name: '+ Add query' }).click();
  await page.getByRole('textbox', { name: 'Query B' }).click();
  await page.keyboard.type('sum(');
  await page.getByTestId('explore-format').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Query B could not be formatted' })).toBeVisible();

  // History: the query run is there after a reload; a star keeps it first; a click puts it in the editor.
  await page.goto('/explore');
  await page.getByTestId('explore-history').click();
  const item = page.getByTestId('history-item').filter({ hasText: 'shannon_workflows_started_total' });
  await expect(item).toHaveCount(1);
  await item.getByRole('button', { name: 'Star', exact: true }).click();
  await expect(item).toHaveAttribute('data-starred', 'true');
  await item.getByRole('button', { name: /shannon_workflows_started_total/ }).click();
  await expect(page.getByRole('textbox', { name: 'Query A' })).toHaveText(
    'sum by (workflow_type) (rate(shannon_workflows_started_total[5m]))',
  );
});

test('a query switched off stays in the editor and leaves the results; the metrics browser inserts a metric', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const a = 'sum(rate(shannon_workflows_started_total[5m]))';
  const b = 'sum(rate(shannon_workflows_completed_total[5m]))';
  await page.goto(`/explore?from=now-15m&to=now&q=${encodeURIComponent(a)}&q=${encodeURIComponent(b)}`);
  const graph = page.locator('[data-testid=panel][data-panel-id="explore"]');
  await expect(graph).toHaveAttribute('data-state', 'ready');
  await expect(graph.getByTestId('series-line')).toHaveCount(2);
  await page.getByRole('button', { name: 'Switch off query B' }).click();
  await expect(page).toHaveURL(/off=B/);
  await expect(graph.getByTestId('series-line')).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Query B' })).toHaveText(b);
  // A shared link keeps it off.
  await page.reload();
  await expect(graph).toHaveAttribute('data-state', 'ready');
  await expect(graph.getByTestId('series-line')).toHaveCount(1);
  await page.getByRole('button', { name: 'Switch on query B' }).click();
  await expect(graph.getByTestId('series-line')).toHaveCount(2);

  // The metrics browser: search, TYPE and HELP, the labels of one, and Insert. (Prometheus knows
  // metadata once it has scraped: on a stack just started, wait for it.)
  await expect
    .poll(
      async () => {
        const r = (await (await page.request.get('/api/prom/metadata')).json()) as { metadata: object };
        return 'shannon_workflow_duration_seconds' in r.metadata;
      },
      { timeout: 75_000, intervals: [2000] },
    )
    .toBe(true);
  await page.getByTestId('explore-metrics').click();
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('workflow duration seconds count');
  const item = page.locator('[data-testid=metric-item][data-metric="shannon_workflow_duration_seconds_count"]');
  await expect(item).toBeVisible();
  await expect(page.getByTestId('metric-item')).toHaveCount(1);
  await expect(item).toContainText('histogram');
  await item.getByRole('button', { name: /shannon_workflow_duration_seconds_count/ }).click();
  await expect(item.getByTestId('metric-labels')).toContainText('workflow_type');
  await item.getByRole('button', { name: 'Insert' }).click();
  await expect(page.getByRole('textbox', { name: 'Query C' })).toHaveText('shannon_workflow_duration_seconds_count');
});
