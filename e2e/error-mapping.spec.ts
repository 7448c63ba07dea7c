import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { startConsole } from '../scripts/stack/console';
import { freePort, type Managed, stopProcess } from '../scripts/stack/proc';
import { startPrometheus } from '../scripts/stack/prometheus';
import { expect, freshDir, test } from './fixtures';
import { workflowsDashboard } from '../lib/dashboards/workflows';

/** The panels of /workflows, the page these tests open. */
const WORKFLOW_PANELS = workflowsDashboard.panels.length;

/**
 * Every Prometheus route maps its failures to the same answers whatever ran first in the
 * process: a user opens a page (which makes the Prometheus client in the pages' copy of lib/)
 * and /api/ready, and only then calls the API. Three consoles: the stack's (bad PromQL → 400),
 * one whose Prometheus port is closed (502), and one on a real Prometheus stopped with SIGSTOP
 * and PROMETHEUS_TIMEOUT=1s (504).
 */

const now = () => Math.floor(Date.now() / 1000);
const range = () => `start=${now() - 600}&end=${now()}`;

/** Every Prometheus route of the console, with parameters that are valid apart from Prometheus's answer. */
const ROUTES = () => [
  `/api/prom/query?query=up`,
  `/api/prom/query_range?query=up&${range()}&step=15`,
  `/api/prom/labels/job/values?${range()}`,
  `/api/prom/exemplars?query=up&${range()}`,
  `/api/prom/alerts`,
  `/api/prom/targets`,
  `/api/policy/canary?${range()}`,
];

async function firstAsAUser(page: Page, request: APIRequestContext, base: string) {
  await page.goto(`${base}/workflows?from=now-1h&to=now`);
  await expect(page.getByTestId('panel').first()).toBeVisible();
  await request.get(`${base}/api/ready`);
}

async function expectEveryRoute(request: APIRequestContext, base: string, status: number, code: string) {
  for (const route of ROUTES()) {
    const res = await request.get(`${base}${route}`);
    const body = await res.json();
    expect.soft({ route, status: res.status(), code: body.error?.code }).toEqual({ route, status, code });
  }
}

test('after a page and /api/ready, bad PromQL is a 400 bad_query on every route that takes PromQL', async ({
  page,
  request,
  baseURL,
}) => {
  await firstAsAUser(page, request, baseURL!);
  const bad = encodeURIComponent('sum(');
  for (const route of [
    `/api/prom/query?query=${bad}`,
    `/api/prom/query_range?query=${bad}&${range()}&step=15`,
    `/api/prom/exemplars?query=${bad}&${range()}`,
    `/api/prom/labels/job/values?match[]=${bad}`,
  ]) {
    const res = await request.get(route);
    const body = await res.json();
    expect
      .soft({ route, status: res.status(), code: body.error?.code })
      .toEqual({ route, status: 400, code: 'bad_query' });
    expect.soft(body.error?.message).toContain('parse error');
  }
  // The same in a POST form body, as a long query is sent.
  const posted = await request.post('/api/prom/query', { form: { query: 'sum(' } });
  expect(posted.status()).toBe(400);
  expect((await posted.json()).error.code).toBe('bad_query');
});

async function consoleOn(
  prometheusUrl: string,
  name: string,
  extra: Record<string, string> = {},
): Promise<{ proc: Managed; base: string }> {
  const port = await freePort();
  const dir = freshDir(`${name}`);
  const proc = await startConsole({
    port,
    host: '127.0.0.1',
    logFile: path.join(dir, 'console.log'),
    env: { PROMETHEUS_URL: prometheusUrl, DATA_DIR: dir, OTLP_GRPC_PORT: '0', OTLP_HTTP_PORT: '0', ...extra },
  });
  return { proc, base: `http://127.0.0.1:${port}` };
}

test('Prometheus unreachable: every route answers 502 unreachable, and the page renders each panel as that error', async ({
  page,
  request,
}) => {
  const closed = await freePort();
  const c = await consoleOn(`http://127.0.0.1:${closed}`, 'unreachable');
  try {
    const res = await page.goto(`${c.base}/workflows?from=now-1h&to=now`);
    const html = await res!.text();
    // Server-rendered: the panels' errors are in the HTML itself.
    expect(html.match(/data-testid="panel" data-panel-id="[^"]+" data-state="error"/g)?.length).toBe(WORKFLOW_PANELS);
    expect(html).toContain('Prometheus is unreachable');
    await request.get(`${c.base}/api/ready`);
    await expectEveryRoute(request, c.base, 502, 'unreachable');
  } finally {
    await stopProcess(c.proc);
  }
});

test('Prometheus stalled (SIGSTOP) with PROMETHEUS_TIMEOUT=1s: every route answers 504 timeout, and so do the page panels', async ({
  page,
  request,
  stack,
}) => {
  const port = await freePort();
  const dir = freshDir('stalled');
  const prom = await startPrometheus({
    port,
    configFile: stack.prometheusConfig,
    tsdbDir: path.join(dir, 'tsdb'),
    logFile: path.join(dir, 'prometheus.log'),
  });
  const c = await consoleOn(`http://127.0.0.1:${port}`, 'stalled-console', {
    PROMETHEUS_TIMEOUT: '1s',
    PAGE_DATA_WAIT: '3s',
  });
  process.kill(prom.child.pid!, 'SIGSTOP');
  try {
    const res = await page.goto(`${c.base}/workflows?from=now-1h&to=now`);
    const html = await res!.text();
    expect(html.match(/data-testid="panel" data-panel-id="[^"]+" data-state="error"/g)?.length).toBe(WORKFLOW_PANELS);
    expect(html).toContain('Prometheus did not answer within 1000 ms');
    await request.get(`${c.base}/api/ready`);
    await expectEveryRoute(request, c.base, 504, 'timeout');
  } finally {
    process.kill(prom.child.pid!, 'SIGCONT');
    await stopProcess(prom);
    await stopProcess(c.proc);
  }
});
