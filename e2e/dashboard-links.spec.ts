import { expect, freshDir, importDashboard, test } from './fixtures';
import { type ConsoleInstance, startConsoleInstance } from './otlp-helpers';

/**
 * A dashboard's links and the range it opens on (issue 16): imported from Grafana, set in the
 * editor's settings, and followed by the view on the stack's real Prometheus.
 */
let c: ConsoleInstance;

test.beforeAll(async ({ stack }) => {
  c = await startConsoleInstance({ PROMETHEUS_URL: stack.prometheusUrl }, freshDir('dashboard-links'));
});

test.afterAll(async () => {
  await c?.stop();
});

test('a dashboard opens on its own default range; its links and a panel’s carry the variables and the range', async ({
  page,
}) => {
  const { url } = await importDashboard(c.url, {
    title: 'Linked',
    time: { from: 'now-6h', to: 'now' },
    templating: { list: [{ type: 'query', name: 'job', query: 'label_values(up, job)', multi: true }] },
    links: [
      { type: 'link', title: 'Runbook', url: 'https://runbooks.example/shannon', targetBlank: true },
      { type: 'link', title: 'Same view', url: '/dashboards', keepTime: true, includeVars: true },
      { type: 'dashboards', title: 'Shannon dashboards', tags: ['shannon'] },
    ],
    panels: [
      {
        type: 'stat',
        title: 'Up',
        gridPos: { x: 0, y: 0, w: 8, h: 4 },
        links: [{ title: 'Its traces', url: '/traces?tags=job%3D$job&${__url_time_range}' }],
        targets: [{ expr: 'sum(up{job=~"$job"})' }],
      },
    ],
  });
  // Opened without a range: the dashboard's own six hours, in the URL.
  await page.goto(`${c.url}${url}?job=orchestrator`);
  await expect(page).toHaveURL(/[?&]from=now-6h&to=now/);
  const panel = page.locator('[data-testid=panel][data-panel-id]').first();
  await expect(panel).toHaveAttribute('data-state', 'ready');
  const start = Number(await panel.getAttribute('data-start'));
  const end = Number(await panel.getAttribute('data-end'));
  expect(end - start).toBeGreaterThan(6 * 3600 - 120);
  expect(end - start).toBeLessThanOrEqual(6 * 3600);

  const links = page.getByTestId('dashboard-link');
  await expect(links).toHaveText(['Runbook ↗', 'Same view', 'Shannon dashboards']);
  await expect(links.nth(0)).toHaveAttribute('href', 'https://runbooks.example/shannon');
  await expect(links.nth(0)).toHaveAttribute('target', '_blank');
  await expect(links.nth(1)).toHaveAttribute(
    'href',
    new RegExp(`^/dashboards\\?from=${start}000&to=${end}000&job=orchestrator`),
  );
  await expect(links.nth(2)).toHaveAttribute('href', '/dashboards?tag=shannon');

  await panel.getByTestId('panel-menu').click();
  const link = page.getByTestId('panel-link');
  await expect(link).toHaveText('Its traces');
  await expect(link).toHaveAttribute('href', `/traces?tags=job%3Dorchestrator&from=${start}000&to=${end}000`);
  // The menu is whole over a small panel (it was cut off at the panel's edge), and the link goes.
  const menu = (await page.getByRole('menu', { name: 'Panel Up' }).boundingBox())!;
  const cell = (await panel.boundingBox())!;
  expect(menu.y + menu.height).toBeGreaterThan(cell.y + cell.height);
  const onTop = await page.evaluate(
    ([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[role=menu]'),
    [menu.x + menu.width / 2, menu.y + menu.height - 6],
  );
  expect(onTop, 'the bottom of the menu is drawn, not cut off by the panel').toBe(true);
  await link.click();
  await expect(page).toHaveURL(/\/traces\?tags=job%3Dorchestrator&from=\d+&to=\d+/);
});

test('the settings dialog: the range a dashboard opens on and a link, saved and then followed by the view', async ({
  page,
}) => {
  const { uid, url } = await importDashboard(c.url, {
    title: 'Settled',
    panels: [{ type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 8, h: 5 }, targets: [{ expr: 'sum(up)' }] }],
  });
  await page.goto(`${c.url}${url}/edit`);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByTestId('settings-editor');
  await dialog.getByLabel('From').fill('now-3h');
  await dialog.getByRole('button', { name: 'Add to links' }).click();
  const row = dialog.getByTestId('links-row');
  await row.getByLabel('Text').fill('Runbook');
  // A URL that is not one is named, and Apply waits.
  await row.getByLabel(/^URL/).fill('javascript:alert(1)');
  await expect(dialog.getByRole('alert')).toContainText('a link goes to http(s), mailto or a path of the console');
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await row.getByLabel(/^URL/).fill('https://runbooks.example/up');
  await row.getByLabel('in a new tab').check();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('dialog', { name: 'Save dashboard' }).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved: version 2');
  const saved = (await (await fetch(`${c.url}/api/dashboards/${uid}`)).json()) as {
    def: { time?: unknown; links?: unknown };
  };
  expect(saved.def.time).toEqual({ from: 'now-3h', to: 'now' });
  expect(saved.def.links).toEqual([{ title: 'Runbook', url: 'https://runbooks.example/up', newTab: true }]);

  await page.goto(`${c.url}${url}`);
  await expect(page).toHaveURL(/[?&]from=now-3h&to=now/);
  await expect(page.getByTestId('dashboard-link')).toHaveAttribute('href', 'https://runbooks.example/up');
});
