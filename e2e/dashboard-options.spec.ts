import { expect, freshDir, importDashboard, offeredValues, test } from './fixtures';
import { type ConsoleInstance, startConsoleInstance } from './otlp-helpers';

/**
 * Dashboards' finer options on the stack's real Prometheus (issue 16): Grafana's variables that
 * ask Prometheus something other than a label's values (label_names(…), query_result(…) with a
 * regex, an interval's "auto"), their choices checked against Prometheus itself; and a panel's
 * display options set in the editor (a value mapping, decimals, a threshold).
 */
let c: ConsoleInstance;

test.beforeAll(async ({ stack }) => {
  const dir = freshDir('dashboard-options');
  c = await startConsoleInstance({ PROMETHEUS_URL: stack.prometheusUrl }, dir);
});

test.afterAll(async () => {
  await c?.stop();
});

const GRAFANA = {
  title: 'Variables from queries',
  schemaVersion: 39,
  templating: {
    list: [
      { type: 'query', name: 'up_label', query: 'label_names(up)', regex: '/^(?!__).*/' },
      {
        type: 'query',
        name: 'busiest',
        query: { query: 'query_result(count by (job) (up))' },
        regex: '/job="([^"]+)"/',
        multi: true,
      },
      { type: 'interval', name: 'win', query: '5m,1h', auto: true, auto_count: 30, auto_min: '10s' },
    ],
  },
  panels: [
    {
      type: 'timeseries',
      title: 'Scrapes per job',
      gridPos: { x: 0, y: 0, w: 24, h: 8 },
      targets: [{ expr: 'sum by (job) (count_over_time(up{job=~"$busiest"}[$win]))', refId: 'A' }],
    },
  ],
};

/** Prometheus itself, as the witness: an instant query's result. */
async function promInstant(prometheusUrl: string, query: string) {
  const res = await fetch(`${prometheusUrl}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query }) });
  return ((await res.json()) as { data: { result: { metric: Record<string, string> }[] } }).data.result;
}

test('label_names, query_result and an "auto" interval offer what Prometheus has and follow the range', async ({
  page,
  browser,
  stack,
}) => {
  test.setTimeout(150_000);
  const { url, report } = await importDashboard(c.url, GRAFANA);
  expect(report.notImported).toEqual([]);

  // The page asks at the end of its range, which is aligned down to the step (up to half a
  // minute ago over 6 h): wait until every target, the node exporter too, was scraped by then.
  const jobsAgo = async () =>
    (await promInstant(stack.prometheusUrl, 'count by (job) (up offset 45s)')).map((r) => r.metric.job!).sort();
  await expect.poll(jobsAgo, { timeout: 90_000 }).toContain('node-exporter');
  const jobs = await jobsAgo();
  const upLabels = (await promInstant(stack.prometheusUrl, 'up'))
    .flatMap((r) => Object.keys(r.metric))
    .filter((k) => !k.startsWith('__'));

  await page.goto(`${c.url}${url}?from=now-6h&to=now`);
  const panel = page.locator('[data-testid=panel][data-panel-id]').first();
  await expect(panel).toHaveAttribute('data-state', 'ready');
  // "auto" over six hours in 30 steps: 12 minutes, rounded up to 15m.
  const win = page.getByTestId('var-win').getByRole('combobox');
  await expect(win).toHaveValue('auto');
  await expect(win.locator('option:checked')).toHaveText('auto (15m)');
  await panel.getByRole('button', { name: 'Show query' }).click();
  await expect(panel.getByTestId('panel-query')).toContainText('up{job=~".*"}[15m]');

  expect(await offeredValues(page, 'busiest')).toEqual(jobs);
  expect(await offeredValues(page, 'up_label')).toEqual([...new Set(upLabels)].sort());

  await page.getByTestId('var-busiest-button').click();
  await page.locator('[data-testid=var-option][data-value=node-exporter]').check();
  await page.keyboard.press('Escape');
  await win.selectOption('1h');
  await expect(page).toHaveURL(/busiest=node-exporter/);
  await expect(page).toHaveURL(/win=1h/);
  await expect(panel.getByTestId('panel-query')).toContainText('up{job=~"node-exporter"}[1h]');

  // The URL reproduces the view in a fresh browser.
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  const again = fresh.locator('[data-testid=panel][data-panel-id]').first();
  await expect(again).toHaveAttribute('data-state', 'ready');
  // The shown query is part of the view, so it is open already.
  await expect(again.getByRole('button', { name: 'Hide query' })).toBeVisible();
  await expect(again.getByTestId('panel-query')).toContainText('up{job=~"node-exporter"}[1h]');
  await expect(fresh.getByTestId('var-busiest-button')).toContainText('node-exporter');
  await fresh.close();
});

test('the panel editor: a value mapping and decimals set on a stat show in the preview and on the saved dashboard', async ({
  page,
}) => {
  await page.goto(`${c.url}/dashboards/new?from=now-30m&to=now`);
  await page.getByLabel('Dashboard title').fill('Mapped');
  await page.getByRole('button', { name: 'Add panel' }).click();
  const editor = page.getByTestId('panel-editor');
  await editor.getByLabel('Title').fill('Targets');
  await editor.getByLabel('Kind').selectOption('stat');
  await editor.getByRole('textbox', { name: 'Query A (PromQL)' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  // One series that is 1 (every target of the orchestrator is up) and one that is a fraction.
  await page.keyboard.type('min(up{job="orchestrator"}) or label_replace(vector(0.123456), "x", "frac", "", "")');
  await editor.getByLabel('Legend').fill('{{x}}');
  await editor.getByRole('button', { name: /Run queries/ }).click();
  await editor.getByLabel('Decimals').fill('2');
  await editor.getByRole('button', { name: 'Add to value mappings' }).click();
  const mapping = editor.getByTestId('value-mappings-row');
  await mapping.getByRole('textbox', { name: 'Value', exact: true }).fill('1');
  await mapping.getByLabel('Show').fill('All up');
  await mapping.getByLabel('Colour').fill('green');
  const stat = (name: string, where = editor.getByTestId('panel-preview')) =>
    where.locator(`[data-testid=stat][aria-label^="${name}:"]`);
  await expect(stat('')).toHaveAttribute('aria-label', ': All up');
  await expect(stat('').getByTestId('stat-value')).toHaveCSS('color', 'rgb(22, 163, 74)');
  await expect(stat('frac')).toHaveAttribute('aria-label', 'frac: 0.12');
  // A mapping whose regex does not compile is named, and Apply waits.
  await editor.getByRole('button', { name: 'Add to value mappings' }).click();
  await editor.getByTestId('value-mappings-row').nth(1).getByLabel('When').selectOption('regex');
  await editor.getByTestId('value-mappings-row').nth(1).getByLabel('Regex').fill('(');
  await expect(editor.getByRole('alert')).toContainText('a regex that compiles');
  await editor.getByTestId('value-mappings-row').nth(1).getByRole('button', { name: 'Remove' }).click();
  await editor.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('dialog', { name: 'Save dashboard' }).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/\/edit$/);
  const uid = new URL(page.url()).pathname.split('/')[2]!;

  await page.goto(`${c.url}/dashboards/${uid}?from=now-30m&to=now`);
  const saved = page.getByTestId('panel');
  await expect(saved).toHaveAttribute('data-state', 'ready');
  await expect(stat('', saved)).toHaveAttribute('aria-label', ': All up');
  await expect(stat('frac', saved)).toHaveAttribute('aria-label', 'frac: 0.12');
});

test('ad hoc filters: one added from the filter bar narrows every query, lives in the URL, and is removed by its ×', async ({
  page,
  browser,
  stack,
}) => {
  const { url } = await importDashboard(c.url, {
    title: 'Ad hoc',
    templating: { list: [{ type: 'adhoc', name: 'filters', label: 'Filters' }] },
    panels: [
      {
        type: 'timeseries',
        title: 'Targets up by job',
        gridPos: { x: 0, y: 0, w: 24, h: 8 },
        targets: [{ expr: 'sum by (job) (up)', legendFormat: '{{job}}', refId: 'A' }],
      },
    ],
  });
  // Every job scraped by the page's range end (a step boundary, up to 15 s ago).
  const jobsAgo = async () =>
    (await promInstant(stack.prometheusUrl, 'sum by (job) (up offset 30s)')).map((r) => r.metric.job!);
  await expect.poll(jobsAgo, { timeout: 90_000 }).toContain('node-exporter');
  const jobs = await jobsAgo();

  await page.goto(`${c.url}${url}?from=now-15m&to=now`);
  const panel = page.locator('[data-testid=panel][data-panel-id]').first();
  const series = panel.getByTestId('legend-item');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await expect(series).toHaveCount(jobs.length);

  await page.getByTestId('var-filters-add').click();
  const form = page.getByRole('form', { name: 'New filter' });
  await form.getByLabel('Label').fill('job');
  await form.getByLabel('Matcher').selectOption('=');
  await form.getByLabel('Value').fill('node-exporter');
  await form.getByRole('button', { name: 'Add filter' }).click();
  await expect(page).toHaveURL(/filters=job%7C%3D%7Cnode-exporter/);
  await expect(page.getByTestId('adhoc-filter')).toHaveText(['job="node-exporter"×']);
  await expect(series).toHaveCount(1);
  await expect(series).toHaveAttribute('data-series', 'node-exporter');
  await panel.getByRole('button', { name: 'Show query' }).click();
  await expect(panel.getByTestId('panel-query')).toContainText('sum by (job) (up{job="node-exporter"})');

  // A fresh browser on the URL draws the same; a filter that is not one is named and left out.
  // The server started the filtered query with the page: the browser asks for none of it.
  const fresh = await browser.newPage();
  const asked: string[] = [];
  fresh.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/prom/query')) asked.push(r.url());
  });
  await fresh.goto(`${page.url()}&filters=oops`);
  await expect(fresh.getByTestId('url-notice')).toContainText('Filter filters: "oops" is not a filter (key|op|value)');
  await expect(fresh.locator('[data-testid=panel] [data-testid=legend-item]')).toHaveCount(1);
  expect(asked).toEqual([]);
  await fresh.close();

  await page.getByRole('button', { name: 'Remove filter job=node-exporter' }).click();
  await expect(page).not.toHaveURL(/filters=/);
  await expect(series).toHaveCount(jobs.length);
});
