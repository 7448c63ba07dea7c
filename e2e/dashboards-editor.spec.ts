import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { loginAs, userCli } from './auth-helpers';
import { expect, freshDir, test } from './fixtures';
import { type ConsoleInstance, startConsoleInstance } from './otlp-helpers';

/**
 * The dashboard editor (issue 16) in a real browser on a local-login console with the stack's
 * Prometheus: make a dashboard, add a panel with a query, save, reload, edit, save again, restore
 * version 1; a second browser saving from the same version gets the 409 and keeps its edit;
 * leaving with unsaved changes asks first; rows fold and their panels load when opened.
 */
let c: ConsoleInstance;
/** Shannon's own Grafana dashboards, provisioned as a folder of files. */
const SHANNON_DASHBOARDS = path.resolve(import.meta.dirname, '../../shared/shannon/dashboards');

test.beforeAll(async ({ stack }) => {
  const dir = freshDir('dashboards-editor');
  const env = { DATA_DIR: dir, AUTH_USERS_FILE: `${dir}/users.json` };
  expect(userCli(['add', 'edi', '--role', 'editor', '--password', 'edi-secret-pw'], env).status).toBe(0);
  expect(userCli(['add', 'val', '--role', 'viewer', '--password', 'val-secret-pw'], env).status).toBe(0);
  c = await startConsoleInstance(
    { ...env, AUTH_MODE: 'local', PROMETHEUS_URL: stack.prometheusUrl, DASHBOARDS_DIR: SHANNON_DASHBOARDS },
    dir,
  );
});

test.afterAll(async () => {
  await c?.stop();
});

async function signedIn(browser: Browser, name: string): Promise<Page> {
  const { cookie } = await loginAs(c.url, name);
  const ctx = await browser.newContext({ baseURL: c.url, viewport: { width: 1440, height: 900 } });
  await ctx.addCookies([{ name: 'shannon_session', value: cookie.split('=')[1]!, url: c.url }]);
  return ctx.newPage();
}

async function save(page: Page, message: string) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save dashboard' });
  await dialog.getByLabel('What changed (optional)').fill(message);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
}

test('an editor makes a dashboard in the editor, saves, edits and saves again, and restores version 1', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'edi');
  await page.goto('/dashboards/new?from=now-30m&to=now');
  await expect(page.getByText('This dashboard has no panels yet.')).toBeVisible();
  await page.getByLabel('Dashboard title').fill('Made in the editor');
  await page.getByRole('button', { name: 'Add panel' }).click();

  // The panel editor: title, a query typed in the PromQL editor, its legend; the preview draws it.
  const editor = page.getByTestId('panel-editor');
  await editor.getByLabel('Title').fill('Workflows started');
  await editor.getByLabel('Unit').selectOption('reqps');
  const query = editor.getByRole('textbox', { name: 'Query A (PromQL)' });
  await query.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('sum by (workflow_type) (rate(shannon_workflows_started_total[$__rate_interval]))');
  await editor.getByLabel('Legend').fill('{{workflow_type}}');
  await page.keyboard.press('Shift+Enter');
  const preview = editor.getByTestId('panel-preview').getByTestId('panel');
  await expect(preview).toHaveAttribute('data-state', 'ready');
  expect(await preview.getByTestId('series-line').count()).toBeGreaterThan(1);
  // The typed query ran (a new panel's starting query is `up`, named by job and instance).
  await expect(preview.getByTestId('legend')).not.toContainText('instance');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor).toBeHidden();

  await save(page, 'first cut');
  await expect(page).toHaveURL(/\/dashboards\/[A-Za-z0-9_-]+\/edit/);
  await expect(page.getByTestId('save-state')).toHaveText('Saved: version 1');
  const uid = new URL(page.url()).pathname.split('/')[2]!;

  // Reloaded, the panel is there and answers; then edited and saved as version 2.
  await page.reload();
  const cell = page.locator('[data-testid=edit-panel]').filter({ hasText: 'Workflows started' });
  await expect(cell.getByTestId('panel')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Edit Workflows started' }).click();
  await editor.getByLabel('Title').fill('Workflows started per second');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Duplicate Workflows started per second' }).click();
  await expect(page.getByTestId('edit-panel')).toHaveCount(2);
  // Resize the first panel to the whole width from its corner: the copy beside it moves below.
  const first = page.getByTestId('edit-panel').first();
  const grid = (await page.getByTestId('edit-grid').boundingBox())!;
  const corner = (await first.locator('.react-resizable-handle').boundingBox())!;
  await first.hover();
  await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
  await page.mouse.down();
  // Move the corner by what the panel lacks of the grid's width, to just short of the edge (past
  // the edge react-grid-layout keeps the width it had), where the width snaps to all 24 columns.
  const lacking = grid.width - (await first.boundingBox())!.width;
  // (the first small move starts the resize; the corner follows the pointer from there)
  await page.mouse.move(corner.x + corner.width / 2 + 2, corner.y + corner.height / 2);
  await page.mouse.move(corner.x + corner.width / 2 + lacking - 10, corner.y + 10, { steps: 12 });
  await page.mouse.up();
  await save(page, 'renamed, and a copy');
  await expect(page.getByTestId('save-state')).toHaveText('Saved: version 2');
  const v2 = (await (await page.request.get(`/api/dashboards/${uid}`)).json()) as {
    def: { panels: { title: string; grid: { x: number; y: number; w: number; h: number } }[] };
  };
  expect(v2.def.panels.map((p) => [p.title, p.grid.x, p.grid.w])).toEqual([
    ['Workflows started per second', 0, 24],
    ['Workflows started per second (copy)', 12, 12],
  ]);
  expect(v2.def.panels[1]!.grid.y).toBeGreaterThanOrEqual(v2.def.panels[0]!.grid.h);

  // The view page draws what was saved.
  await page.goto(`/dashboards/${uid}?from=now-30m&to=now`);
  await expect(page.locator('[data-testid=panel][data-state=ready]')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Workflows started per second (copy)' })).toBeVisible();

  // Versions: the diff names the change; restoring version 1 makes version 3 with its content.
  await page.getByRole('link', { name: 'Versions' }).click();
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  await expect(page.getByTestId('version-diff')).toContainText('"title": "Workflows started per second"');
  await expect(page.locator('[data-testid=version-diff] [data-kind=removed]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(page.getByTestId('version-row')).toHaveCount(3);
  await expect(page.getByTestId('version-row').first()).toContainText('Restored version 1');
  await page.goto(`/dashboards/${uid}?from=now-30m&to=now`);
  await expect(page.getByTestId('panel')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Workflows started', exact: true })).toBeVisible();
  await page.context().close();
});

test('a second browser saving from the same version gets the 409 and keeps its edit; leaving unsaved asks first', async ({
  browser,
}) => {
  const a = await signedIn(browser, 'edi');
  await a.goto('/dashboards/new');
  await a.getByLabel('Dashboard title').fill('Shared');
  await a.getByRole('button', { name: 'Add row' }).click();
  await save(a, 'one');
  await expect(a.getByTestId('save-state')).toHaveText('Saved: version 1');
  await expect(a).toHaveURL(/\/dashboards\/[A-Za-z0-9_-]+\/edit$/);
  const url = new URL(a.url()).pathname;

  const b = await signedIn(browser, 'edi');
  await b.goto(url);
  await expect(b.getByTestId('edit-row')).toHaveCount(1);
  await b.getByLabel('Dashboard title').fill('Shared, by B');
  await a.getByLabel('Dashboard title').fill('Shared, by A');
  await save(a, 'A first');
  await expect(a.getByTestId('save-state')).toHaveText('Saved: version 2');
  await save(b, 'B second');
  const alert = b.getByRole('dialog', { name: 'Save dashboard' }).getByRole('alert');
  await expect(alert).toContainText(
    'the dashboard is at version 2 (saved by edi); this edit started from version 1: reload it and make the change again',
  );
  await expect(alert).toContainText('Your changes are still here.');
  await b.getByRole('button', { name: 'Cancel' }).click();
  await expect(b.getByLabel('Dashboard title')).toHaveValue('Shared, by B');

  // Unsaved: a link inside the console asks; dismissing stays, accepting leaves.
  const asked: string[] = [];
  b.on('dialog', (d) => {
    asked.push(d.message());
    void (asked.length === 1 ? d.dismiss() : d.accept());
  });
  await b.getByRole('link', { name: 'Leave editor' }).click();
  await expect(b).toHaveURL(new RegExp(`${url}$`));
  await b.getByRole('link', { name: 'Leave editor' }).click();
  await expect(b).toHaveURL(new RegExp(`${url.replace(/\/edit$/, '')}$`));
  expect(asked).toEqual([
    'This dashboard has unsaved changes. Leave without saving?',
    'This dashboard has unsaved changes. Leave without saving?',
  ]);
  await expect(b.getByRole('heading', { name: 'Shared, by A' })).toBeVisible();
  await a.context().close();
  await b.context().close();
});

test('a folded row asks nothing until it is opened; the opened row is in the URL; a viewer may not edit', async ({
  browser,
}) => {
  const ed = await loginAs(c.url, 'edi');
  const ts = (id: string, title: string, y: number) => ({
    id,
    title,
    description: '',
    kind: 'timeseries',
    unit: 'short',
    queries: [{ expr: `sum(up) * ${y + 1}` }],
    grid: { x: 0, y, w: 12, h: 6 },
  });
  const made = await fetch(`${c.url}/api/dashboards`, {
    method: 'POST',
    headers: { cookie: ed.cookie, origin: c.url, 'content-type': 'application/json' },
    body: JSON.stringify({
      dashboard: {
        title: 'With rows',
        variables: [],
        panels: [ts('top', 'Top', 0), ts('hidden', 'Inside the folded row', 7)],
        rows: [{ id: 'more', title: 'More', y: 6, collapsed: true }],
      },
    }),
  });
  expect(made.status).toBe(201);
  const { uid } = (await made.json()) as { uid: string };

  const page = await signedIn(browser, 'val');
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/prom/query_range')) asked.push(new URL(r.url()).searchParams.get('query') ?? '');
  });
  await page.goto(`/dashboards/${uid}?from=now-30m&to=now`);
  await expect(page.getByTestId('panel')).toHaveCount(1);
  await expect(page.locator('[data-testid=panel][data-panel-id=top]')).toHaveAttribute('data-state', 'ready');
  const toggle = page.getByRole('button', { name: /More/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(asked.filter((q) => q.includes('* 8'))).toEqual([]);
  await toggle.click();
  await expect(page).toHaveURL(/open=more/);
  await expect(page.locator('[data-testid=panel][data-panel-id=hidden]')).toHaveAttribute('data-state', 'ready');
  // Its answer was asked for by the browser when the row opened: the server had not started it.
  expect(asked.filter((q) => q.includes('* 8'))).toHaveLength(1);

  // A fresh browser on that URL sees the row open, with its panel drawn.
  const fresh = await signedIn(browser, 'val');
  await fresh.goto(page.url());
  await expect(fresh.locator('[data-testid=panel][data-panel-id=hidden]')).toHaveAttribute('data-state', 'ready');

  // A viewer gets no Edit link, and the editor page is refused.
  await expect(page.getByRole('link', { name: 'Versions' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  const res = await page.goto(`/dashboards/${uid}/edit`);
  expect(res?.status()).toBe(403);
  await page.context().close();
  await fresh.context().close();
});

test('Shannon’s Grafana dashboards provisioned from DASHBOARDS_DIR are listed, drawn, read-only, and copied by “Save as”', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'edi');
  await page.goto('/dashboards');
  const shipped = page.getByTestId('shipped-row');
  await expect(shipped.filter({ hasText: 'policy.json (Grafana JSON)' })).toContainText(
    'Shannon Policy Engine - Production Dashboard',
  );
  await expect(shipped.filter({ hasText: 'built in' })).toHaveCount(7);
  await expect(shipped).toHaveCount(10);

  await shipped.getByRole('link', { name: 'Shannon - Model Tier Drift Monitoring' }).click();
  await expect(page).toHaveURL(/\/dashboards\/shannon-tier-drift$/);
  await expect(page.getByText('Provisioned from tier-drift-monitoring.json: read-only.')).toBeVisible();
  await expect(page.locator('[data-testid=panel][data-panel-id=p1]')).toHaveAttribute('data-state', 'ready');
  const put = await page.request.put('/api/dashboards/shannon-tier-drift', {
    headers: { origin: c.url },
    data: { dashboard: { title: 'x', variables: [], panels: [] }, version: 1 },
  });
  expect(put.status()).toBe(400);
  expect(((await put.json()) as { error: { message: string } }).error.message).toBe(
    'dashboard "shannon-tier-drift" is provisioned from the file tier-drift-monitoring.json (DASHBOARDS_DIR) and is read-only: change the file, or save a copy',
  );

  await page.getByRole('link', { name: 'Save as…' }).click();
  await expect(page.getByLabel('Dashboard title')).toHaveValue('Shannon - Model Tier Drift Monitoring (copy)');
  await expect(page.getByTestId('edit-panel')).toHaveCount(7);
  await save(page, 'my copy');
  await expect(page).toHaveURL(/\/dashboards\/[A-Za-z0-9_-]+\/edit$/);
  await page.goto('/dashboards');
  await expect(
    page.getByTestId('dashboard-row').filter({ hasText: 'Shannon - Model Tier Drift Monitoring (copy)' }),
  ).toHaveCount(1);
  await page.context().close();
});

test('the variables editor: an interval variable used by a panel’s query is offered on the saved dashboard, and its choice is in the URL', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'edi');
  await page.goto('/dashboards/new?from=now-30m&to=now');
  await page.getByLabel('Dashboard title').fill('With a window');
  await page.getByRole('button', { name: 'Variables (0)' }).click();
  const dialog = page.getByTestId('variables-editor');
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  const row = dialog.getByTestId('variable-row');
  await row.getByLabel('Name').fill('win');
  await row.getByLabel('Label', { exact: true }).fill('Window');
  await row.getByLabel('Kind').selectOption('interval');
  await expect(dialog.getByRole('alert')).toContainText('variables.0.values: an interval variable needs its values');
  await row.getByLabel('Values (comma-separated)').fill('5m, 1h');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('button', { name: 'Variables (1)' })).toBeVisible();

  await page.getByRole('button', { name: 'Add panel' }).click();
  const editor = page.getByTestId('panel-editor');
  await editor.getByLabel('Title').fill('Started over the window');
  await editor.getByRole('textbox', { name: 'Query A (PromQL)' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('sum(increase(shannon_workflows_started_total[$win]))');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await save(page, 'with a window');
  await expect(page).toHaveURL(/\/edit$/);
  const uid = new URL(page.url()).pathname.split('/')[2]!;

  await page.goto(`/dashboards/${uid}?from=now-30m&to=now`);
  const panel = page.locator('[data-testid=panel][data-panel-id=panel-1]');
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await panel.getByRole('button', { name: 'Show query' }).click();
  await expect(panel.getByTestId('panel-query')).toContainText('[5m]');
  await page.getByTestId('var-win').getByRole('combobox').selectOption('1h');
  await expect(page).toHaveURL(/win=1h/);
  await expect(panel.getByTestId('panel-query')).toContainText('[1h]');
  await page.context().close();
});
