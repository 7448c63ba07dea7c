import { expect, freshDir, importDashboard, test } from './fixtures';
import { type ConsoleInstance, startConsoleInstance } from './otlp-helpers';

/**
 * Repeated panels (Grafana's `repeat`) on the stack's real Prometheus: one copy per value of the
 * variable, every value Prometheus has when none is picked ("All"), the values picked otherwise;
 * each copy's query and title hold its value, and what was below the panel stays below the copies.
 */
let c: ConsoleInstance;

test.beforeAll(async ({ stack }) => {
  c = await startConsoleInstance({ PROMETHEUS_URL: stack.prometheusUrl }, freshDir('dashboard-repeat'));
});

test.afterAll(async () => {
  await c?.stop();
});

const GRAFANA = {
  title: 'Targets per job',
  schemaVersion: 39,
  templating: {
    list: [{ type: 'query', name: 'job', query: 'label_values(up, job)', multi: true, includeAll: true }],
  },
  panels: [
    {
      type: 'stat',
      title: 'Targets of $job',
      repeat: 'job',
      repeatDirection: 'h',
      maxPerRow: 2,
      gridPos: { x: 0, y: 0, w: 12, h: 5 },
      targets: [{ expr: 'count(up{job=~"$job"})', refId: 'A' }],
    },
    { type: 'text', title: 'Below', gridPos: { x: 0, y: 5, w: 24, h: 3 }, options: { content: 'under the copies' } },
  ],
};

/** Prometheus itself, as the witness. */
async function prom(prometheusUrl: string, path: string, params: Record<string, string>) {
  const res = await fetch(`${prometheusUrl}${path}?${new URLSearchParams(params)}`);
  return ((await res.json()) as { data: unknown }).data;
}

test('a panel repeated by a variable: a copy per job Prometheus has, or per job picked; the URL reproduces it', async ({
  page,
  browser,
  stack,
}) => {
  test.setTimeout(120_000);
  const { url, report } = await importDashboard(c.url, GRAFANA);
  expect(report.notImported).toEqual([]);

  // Every job with a target over the last hour (the page's default range), once the node exporter's is in.
  const now = Math.floor(Date.now() / 1000);
  const jobsNow = async () =>
    (
      (await prom(stack.prometheusUrl, '/api/v1/label/job/values', {
        'match[]': 'up',
        start: String(now - 3600),
        end: String(Math.floor(Date.now() / 1000)),
      })) as string[]
    ).sort();
  // The page's range ends at a step boundary (up to 15 s ago): wait until every job was scraped by then.
  const scrapedAgo = async () =>
    (
      (await prom(stack.prometheusUrl, '/api/v1/query', { query: 'count by (job) (up offset 30s)' })) as {
        result: { metric: { job: string } }[];
      }
    ).result
      .map((r) => r.metric.job)
      .sort();
  await expect.poll(scrapedAgo, { timeout: 60_000 }).toContain('node-exporter');
  const jobs = await jobsNow();
  expect(await scrapedAgo()).toEqual(jobs);
  expect(jobs.length).toBeGreaterThanOrEqual(3);

  await page.setViewportSize({ width: 1440, height: 900 });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const askedOnLoad: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/prom/')) askedOnLoad.push(r.url());
  });
  await page.goto(`${c.url}${url}`);
  const copies = page.locator('[data-testid=panel]').filter({ hasText: 'Targets of ' });
  await expect(copies).toHaveCount(jobs.length);
  let lowest = 0;
  for (const job of jobs) {
    const copy = page.locator('[data-testid=panel]').filter({ hasText: `Targets of ${job}` });
    await expect(copy).toHaveCount(1);
    await expect(copy).toHaveAttribute('data-state', 'ready');
    // Its figure is Prometheus's count of that job's targets.
    const r = (await prom(stack.prometheusUrl, '/api/v1/query', { query: `count(up{job="${job}"})` })) as {
      result: { value: [number, string] }[];
    };
    await expect(copy.getByTestId('stat-value')).toHaveText(r.result[0]!.value[1]);
    const box = (await copy.boundingBox())!;
    lowest = Math.max(lowest, box.y + box.height);
  }
  // Drawn by the server and the browser alike (no hydration mismatch, nor any other error); the
  // server read the jobs and started every copy's query with the page: the browser asked nothing.
  expect(errors).toEqual([]);
  expect(askedOnLoad).toEqual([]);
  // Two to a row, each half the width; the panel that was below the repeated one is below them all.
  const first = (await copies.first().boundingBox())!;
  expect(first.width).toBeGreaterThan(600);
  expect(first.width).toBeLessThan(720);
  const below = page.locator('[data-testid=panel]').filter({ hasText: 'under the copies' });
  expect((await below.boundingBox())!.y).toBeGreaterThan(lowest);

  // Two jobs picked: two copies, in the URL; a fresh browser on it draws the same two.
  const picked = [jobs[0]!, jobs[jobs.length - 1]!];
  await page.getByTestId('var-job-button').click();
  for (const job of picked) await page.locator(`[data-testid=var-option][data-value="${job}"]`).check();
  await page.keyboard.press('Escape');
  await expect(copies).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`job=${encodeURIComponent(picked[0]!)}`));
  const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // The jobs are in the URL, so the server knows the copies and sends their answers with the page.
  const asked: string[] = [];
  fresh.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/prom/query')) asked.push(r.url());
  });
  await fresh.goto(page.url());
  const again = fresh.locator('[data-testid=panel]').filter({ hasText: 'Targets of ' });
  await expect(again).toHaveCount(2);
  for (const job of picked)
    await expect(again.filter({ hasText: `Targets of ${job}` })).toHaveAttribute('data-state', 'ready');
  expect(asked).toEqual([]);
  for (const job of picked) {
    const copy = again.filter({ hasText: `Targets of ${job}` });
    await copy.getByRole('button', { name: 'Show query' }).click();
    await expect(copy.getByTestId('panel-query')).toContainText(`count(up{job=~"${job}"})`);
  }
  await fresh.close();
});

test('the panel editor sets a repeat: stacked copies after saving, the repeat kept in the saved dashboard', async ({
  page,
}) => {
  const { uid, url } = await importDashboard(c.url, { ...GRAFANA, title: 'Targets per job, stacked' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${c.url}${url}/edit`);
  await expect(page.getByTestId('repeat-note')).toHaveText('· one per $job when viewed');
  await page.getByRole('button', { name: 'Edit Targets of $job' }).click();
  const editor = page.getByTestId('panel-editor');
  const repeat = editor.getByTestId('repeat-fields');
  await expect(repeat.getByLabel('Repeat for')).toHaveValue('job');
  await repeat.getByLabel('Direction').selectOption('v');
  await expect(repeat.getByLabel('Per row')).toHaveCount(0);
  await editor.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save dashboard' });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved: version 2');
  const saved = (await (await fetch(`${c.url}/api/dashboards/${uid}`)).json()) as {
    def: { panels: { repeat?: { variable: string; direction?: string } }[] };
  };
  expect(saved.def.panels[0]!.repeat).toMatchObject({ variable: 'job', direction: 'v' });

  await page.goto(`${c.url}${url}`);
  const copies = page.locator('[data-testid=panel]').filter({ hasText: 'Targets of ' });
  // Until the job values arrive the panel is drawn once, loading, under its own title.
  await expect(copies.first()).toBeVisible();
  await expect(page.locator('[data-testid=panel]').filter({ hasText: 'Targets of $job' })).toHaveCount(0);
  const n = await copies.count();
  expect(n).toBeGreaterThanOrEqual(3);
  const boxes = await copies.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  // One above the other, in the panel's own column and width (half the grid).
  for (let i = 1; i < n; i++) {
    expect(boxes[i]!.x).toBeCloseTo(boxes[0]!.x, 0);
    expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y + boxes[i - 1]!.height - 1);
  }
  expect(boxes[0]!.width).toBeLessThan(720);
});

test('a repeated row: the row and its panels once per job picked, each folded on its own, in the URL', async ({
  page,
}) => {
  const { url } = await importDashboard(c.url, {
    ...GRAFANA,
    title: 'A row per job',
    panels: [
      { type: 'row', title: 'Job $job', repeat: 'job', gridPos: { x: 0, y: 0, w: 24, h: 1 } },
      {
        type: 'stat',
        title: 'Targets of $job',
        gridPos: { x: 0, y: 1, w: 12, h: 4 },
        targets: [{ expr: 'count(up{job=~"$job"})', refId: 'A' }],
      },
      { type: 'row', title: 'After', gridPos: { x: 0, y: 5, w: 24, h: 1 } },
    ],
  });
  const jobs = ((await (await fetch(`${c.url}/api/prom/labels/job/values?match[]=up`)).json()) as { values: string[] })
    .values;
  const picked = [jobs[0]!, jobs[1]!];
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${c.url}${url}?${picked.map((j) => `job=${encodeURIComponent(j)}`).join('&')}`);
  const rows = page.getByTestId('row-toggle');
  await expect(rows).toContainText([`Job ${picked[0]}1 panel`, `Job ${picked[1]}1 panel`, 'After0 panels']);
  for (const job of picked)
    await expect(page.locator('[data-testid=panel]').filter({ hasText: `Targets of ${job}` })).toHaveAttribute(
      'data-state',
      'ready',
    );
  // Folding the second copy folds it alone, and says so in the URL.
  await rows.nth(1).click();
  await expect(rows.nth(1)).toHaveAttribute('aria-expanded', 'false');
  await expect(rows.nth(0)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('[data-testid=panel]').filter({ hasText: `Targets of ${picked[1]}` })).toHaveCount(0);
  // (the copy's id: the row's, a dot, and the job)
  await expect(page).toHaveURL(new RegExp(`shut=r1\\.${picked[1]!.replace(/[^A-Za-z0-9_-]/g, '_')}(&|$)`));
});
