import fs from 'node:fs';
import path from 'node:path';
import { loginAs, userCli } from './auth-helpers';
import { expect, freshDir, scrollToPanel, test } from './fixtures';
import { type ConsoleInstance, startConsoleInstance } from './otlp-helpers';

/**
 * Dashboards users save (issue 16, first part) on a local-login console with the stack's
 * Prometheus: editors create and save versions, a stale save is a 409, a viewer reads but may
 * not save (403), a bad dashboard is a 400 that names the field and stores nothing.
 */
let c: ConsoleInstance;
let consoleEnv: Record<string, string>;

const HOSTILE = '<img src=x onerror=alert(1)> Checkout "latency"';
const HOSTILE_LEGEND = '<img src=y onerror=alert(2)> ';
const dashboard = (title: string) => ({
  title,
  description: 'Made in a test',
  variables: [{ name: 'workflow_type', label: 'Workflow type', source: 'shannon_workflows_started_total' }],
  panels: [
    {
      id: 'started',
      title: 'Workflows started',
      kind: 'timeseries',
      unit: 'reqps',
      variables: ['workflow_type'],
      queries: [
        {
          expr: 'sum by (workflow_type) (rate(shannon_workflows_started_total{ {{filter}} }[$__rate_interval]))',
          legend: `${HOSTILE_LEGEND}{{workflow_type}}`,
        },
      ],
    },
    { id: 'up', title: 'Targets up', kind: 'stat', unit: 'short', queries: [{ expr: 'sum(up)' }] },
  ],
});

test.beforeAll(async ({ stack }) => {
  const dir = freshDir('dashboards-saved');
  const env = { DATA_DIR: dir, AUTH_USERS_FILE: `${dir}/users.json` };
  expect(userCli(['add', 'edi', '--role', 'editor', '--password', 'edi-secret-pw'], env).status).toBe(0);
  expect(userCli(['add', 'val', '--role', 'viewer', '--password', 'val-secret-pw'], env).status).toBe(0);
  expect(userCli(['add', 'adm', '--role', 'admin', '--password', 'adm-secret-pw'], env).status).toBe(0);
  consoleEnv = { ...env, AUTH_MODE: 'local', PROMETHEUS_URL: stack.prometheusUrl };
  c = await startConsoleInstance(consoleEnv, dir);
});

test.afterAll(async () => {
  await c?.stop();
});

async function session(name: string) {
  const { res, cookie } = await loginAs(c.url, name);
  expect(res.status).toBe(200);
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${c.url}${path}`, {
      method,
      headers: { cookie, origin: c.url, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { cookie, call };
}

test('an editor saves a dashboard and opens it; a second save from an old version is a 409; a viewer may read but not save', async ({
  page,
}) => {
  const ed = await session('edi');
  const made = await ed.call('POST', '/api/dashboards', {
    dashboard: dashboard(HOSTILE),
    tags: ['shop'],
    message: 'first',
  });
  expect(made.status).toBe(201);
  const { uid, url, version } = (await made.json()) as { uid: string; url: string; version: number };
  expect(version).toBe(1);
  expect(url).toBe(`/dashboards/${uid}`);

  // Opened in the browser: every panel reaches ready, the title is text.
  await page.context().addCookies([{ name: 'shannon_session', value: ed.cookie.split('=')[1]!, url: c.url }]);
  await page.goto(`${c.url}${url}?from=now-30m&to=now`);
  await expect(page.getByTestId('panel')).toHaveCount(2);
  await expect(page.locator('[data-testid=panel][data-state=ready]')).toHaveCount(2);
  await expect(page.getByText('Workflows started', { exact: true })).toBeVisible();
  // A legend format with markup names its series as text.
  await expect(page.getByTestId('legend-item').first()).toContainText(HOSTILE_LEGEND.trim());
  await expect(page.locator('img[src=y]')).toHaveCount(0);
  await page.goto(`${c.url}/dashboards`);
  await expect(page.getByTestId('dashboard-row')).toContainText(HOSTILE);
  await expect(page.locator('img[src=x]')).toHaveCount(0);

  // Two editors start from version 1; the second save is refused, nothing is lost.
  const second = await ed.call('PUT', `/api/dashboards/${uid}`, {
    dashboard: dashboard('Checkout v2'),
    version: 1,
    message: 'renamed',
  });
  expect(second.status).toBe(200);
  expect(((await second.json()) as { version: number }).version).toBe(2);
  const stale = await ed.call('PUT', `/api/dashboards/${uid}`, { dashboard: dashboard('Lost update'), version: 1 });
  expect(stale.status).toBe(409);
  expect(((await stale.json()) as { error: { message: string } }).error.message).toBe(
    'the dashboard is at version 2 (saved by edi); this edit started from version 1: reload it and make the change again',
  );
  const versions = (await (await ed.call('GET', `/api/dashboards/${uid}/versions`)).json()) as {
    versions: { version: number; message: string; author: string }[];
  };
  expect(versions.versions.map((v) => [v.version, v.message, v.author])).toEqual([
    [2, 'renamed', 'edi'],
    [1, 'first', 'edi'],
  ]);
  const v1 = (await (await ed.call('GET', `/api/dashboards/${uid}?version=1`)).json()) as { def: { title: string } };
  expect(v1.def.title).toBe(HOSTILE);

  // A viewer reads, and every save of theirs is a 403.
  const viewer = await session('val');
  expect((await viewer.call('GET', `/api/dashboards/${uid}`)).status).toBe(200);
  for (const [method, path, body] of [
    ['POST', '/api/dashboards', { dashboard: dashboard('Mine') }],
    ['PUT', `/api/dashboards/${uid}`, { dashboard: dashboard('Mine'), version: 2 }],
    ['DELETE', `/api/dashboards/${uid}`, undefined],
  ] as const) {
    const r = await viewer.call(method, path, body);
    expect(r.status, `${method} ${path}`).toBe(403);
  }

  // The saves are in the audit log.
  const admin = await session('adm');
  const audit = (await (await admin.call('GET', '/api/admin/audit?user=edi')).json()) as {
    entries: { kind: string }[];
  };
  expect(audit.entries.map((e) => e.kind).filter((k) => k.startsWith('dashboard.'))).toEqual([
    'dashboard.save',
    'dashboard.create',
  ]);
});

test('a dashboard that is not one is a 400 naming the field, and nothing is stored', async () => {
  const ed = await session('edi');
  const before = ((await (await ed.call('GET', '/api/dashboards')).json()) as { dashboards: unknown[] }).dashboards
    .length;
  const cases: [unknown, string][] = [
    [
      {
        dashboard: {
          ...dashboard('X'),
          panels: [{ id: 'a', title: 'A', kind: 'pie', unit: 's', queries: [{ expr: 'up' }] }],
        },
      },
      'dashboard.panels.0.kind: a panel kind',
    ],
    [{ dashboard: { ...dashboard('X'), title: '' } }, 'dashboard.title: a dashboard needs a title'],
    [{ nothing: true }, 'dashboard: Invalid input'],
  ];
  for (const [body, message] of cases) {
    const r = await ed.call('POST', '/api/dashboards', body);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain(message);
  }
  const notJson = await fetch(`${c.url}/api/dashboards`, {
    method: 'POST',
    headers: { cookie: ed.cookie, origin: c.url, 'content-type': 'application/json' },
    body: '{not json',
  });
  expect(notJson.status).toBe(400);
  const after = ((await (await ed.call('GET', '/api/dashboards')).json()) as { dashboards: unknown[] }).dashboards
    .length;
  expect(after).toBe(before);
  expect((await ed.call('GET', '/api/dashboards/nope')).status).toBe(404);
});

test('Shannon’s three Grafana dashboards import with a report, and every panel of each settles on the live stack', async ({
  page,
}) => {
  const ed = await session('edi');
  await page.context().addCookies([{ name: 'shannon_session', value: ed.cookie.split('=')[1]!, url: c.url }]);
  for (const file of ['policy.json', 'enforcement.json', 'tier-drift-monitoring.json']) {
    const body = fs.readFileSync(path.resolve('../shared/shannon/dashboards', file), 'utf8');
    const res = await fetch(`${c.url}/api/dashboards/import`, {
      method: 'POST',
      headers: { cookie: ed.cookie, origin: c.url, 'content-type': 'application/json' },
      body,
    });
    expect(res.status, file).toBe(201);
    const { url, report } = (await res.json()) as {
      url: string;
      report: { imported: string[]; notImported: { where: string; what: string }[] };
    };
    const raw = JSON.parse(body) as { dashboard?: { panels: unknown[] }; panels?: unknown[] };
    const count = (raw.dashboard ?? raw).panels!.length;
    await page.goto(`${c.url}${url}?from=now-30m&to=now`);
    await expect(page.getByTestId('panel')).toHaveCount(count);
    // Panels below the first screen load as they are scrolled to.
    const ids = await page.getByTestId('panel').evaluateAll((els) => els.map((e) => e.getAttribute('data-panel-id')));
    for (const id of ids) {
      const panel = await scrollToPanel(page, id!);
      await expect(panel).not.toHaveAttribute('data-state', 'loading');
    }
    await expect(page.locator('[data-testid=panel][data-state=error]'), file).toHaveCount(0);
    // A panel that did not come across is on the page, in its place, saying why (the report says
    // the same); what a drawn panel lost (a transformation, say) is in the report.
    const saved = (await (await ed.call('GET', `/api/dashboards${url.slice('/dashboards'.length)}`)).json()) as {
      def: { panels: { kind: string; content?: string }[] };
    };
    const placeholders = saved.def.panels.filter(
      (p) => p.kind === 'text' && p.content?.startsWith('**Not imported:**'),
    );
    for (const p of placeholders) {
      const why = p.content!.slice('**Not imported:** '.length, -1);
      expect(report.notImported.map((n) => n.what)).toContain(why);
      await expect(page.getByText(`Not imported: ${why}.`).first()).toBeVisible();
    }
  }
  const malformed = await fetch(`${c.url}/api/dashboards/import`, {
    method: 'POST',
    headers: { cookie: ed.cookie, origin: c.url, 'content-type': 'application/json' },
    body: '{"title": "no panels"}',
  });
  expect(malformed.status).toBe(400);
  expect(((await malformed.json()) as { error: { message: string } }).error.message).toBe(
    'not a Grafana dashboard: it has neither "panels" nor "rows"',
  );
  const deep = await fetch(`${c.url}/api/dashboards/import`, {
    method: 'POST',
    headers: { cookie: ed.cookie, origin: c.url, 'content-type': 'application/json' },
    body: '['.repeat(200_000) + ']'.repeat(200_000),
  });
  expect(deep.status).toBe(400);
  // 10 MB of JSON: refused before it is read to the end, with the limit named; nothing is stored.
  const before = ((await (await ed.call('GET', '/api/dashboards')).json()) as { dashboards: unknown[] }).dashboards;
  const huge = await fetch(`${c.url}/api/dashboards/import`, {
    method: 'POST',
    headers: { cookie: ed.cookie, origin: c.url, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'huge', panels: [], padding: 'x'.repeat(10_000_000) }),
  });
  expect(huge.status).toBe(413);
  expect(((await huge.json()) as { error: { message: string } }).error.message).toBe(
    'the request body is larger than 4 MiB',
  );
  const after = ((await (await ed.call('GET', '/api/dashboards')).json()) as { dashboards: unknown[] }).dashboards;
  expect(after).toEqual(before);
  const viewer = await session('val');
  expect(
    (
      await viewer.call(
        'POST',
        '/api/dashboards/import',
        JSON.parse(fs.readFileSync(path.resolve('../shared/shannon/dashboards/enforcement.json'), 'utf8')),
      )
    ).status,
  ).toBe(403);
});

test('the import page: pick a Grafana file, read the report, open what came across', async ({ page }) => {
  const ed = await session('edi');
  await page.context().addCookies([{ name: 'shannon_session', value: ed.cookie.split('=')[1]!, url: c.url }]);
  await page.goto(`${c.url}/dashboards`);
  await page.getByRole('link', { name: 'Import from Grafana' }).click();
  await expect(page).toHaveURL(`${c.url}/dashboards/import`);
  await page.getByLabel('A JSON file').setInputFiles(path.resolve('../shared/shannon/dashboards/policy.json'));
  await expect(page.getByLabel('Or paste it')).toHaveValue(/Shannon Policy Engine/);
  await page.getByRole('button', { name: 'Import' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Changed on the way');
  await expect(report).toContainText(
    'panel 7 "Top Deny Reasons": a bar chart: one bar per series, its value reduced over the range',
  );
  await report.getByRole('link', { name: 'Open the dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Shannon Policy Engine - Production Dashboard' })).toBeVisible();
  // Something that is not a dashboard says why.
  await page.goto(`${c.url}/dashboards/import`);
  await page.getByLabel('Or paste it').fill('{"title": "nothing"}');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The import failed' })).toHaveText(
    'The import failed: not a Grafana dashboard: it has neither "panels" nor "rows"',
  );
});

test('after a restart on the same data, the session still holds and the dashboard is there with its versions', async ({
  page,
}) => {
  const ed = await session('edi');
  await page.context().addCookies([{ name: 'shannon_session', value: ed.cookie.split('=')[1]!, url: c.url }]);
  // A person first: open the list page, then save through the API as the editor would.
  await page.goto(`${c.url}/dashboards`);
  await expect(page.getByRole('heading', { name: 'Dashboards' })).toBeVisible();
  const made = await ed.call('POST', '/api/dashboards', { dashboard: dashboard('Survives restarts'), message: 'one' });
  const { uid } = (await made.json()) as { uid: string };
  expect(
    (
      await ed.call('PUT', `/api/dashboards/${uid}`, {
        dashboard: dashboard('Survives restarts'),
        version: 1,
        message: 'two',
      })
    ).status,
  ).toBe(200);

  await c.stop();
  c = await startConsoleInstance(consoleEnv, c.dataDir, { port: c.port, grpc: c.grpcPort, http: c.httpPort });

  await page.goto(`${c.url}/dashboards`);
  await expect(page).toHaveURL(`${c.url}/dashboards`); // still signed in: no trip to /login
  // Its version column (the third) says 2.
  await expect(
    page.getByTestId('dashboard-row').filter({ hasText: 'Survives restarts' }).locator('td').nth(2),
  ).toHaveText('2');
  const versions = (await (await ed.call('GET', `/api/dashboards/${uid}/versions`)).json()) as {
    versions: { message: string }[];
  };
  expect(versions.versions.map((v) => v.message)).toEqual(['two', 'one']);
  await page.goto(`${c.url}/dashboards/${uid}?from=now-30m&to=now`);
  await expect(page.locator('[data-testid=panel][data-state=ready]')).toHaveCount(2);
});
