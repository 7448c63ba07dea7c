import path from 'node:path';
import { startConsole } from '../scripts/stack/console';
import { freePort, stopProcess } from '../scripts/stack/proc';
import { expect, freshDir, panelsSettled, test } from './fixtures';
import { workflowsDashboard } from '../lib/dashboards/workflows';

/** The panels of /workflows, the page these tests open. */
const WORKFLOW_PANELS = workflowsDashboard.panels.length;

/**
 * The path a page takes when Prometheus is slower than PAGE_DATA_WAIT: the page streams with a
 * skeleton per panel, and each panel follows in the same response as its answers settle. A
 * second console on the same Prometheus, with PAGE_DATA_WAIT=0, always takes it.
 */
test('with answers still on their way the page streams skeletons, then every panel drawn, with no request from the browser', async ({
  page,
  stack,
}) => {
  const port = await freePort();
  const dir = freshDir('streaming');
  const proc = await startConsole({
    port,
    host: '127.0.0.1',
    logFile: path.join(dir, 'console.log'),
    env: {
      PROMETHEUS_URL: stack.prometheusUrl,
      PROMETHEUS_SCRAPE_INTERVAL: '15s',
      DATA_DIR: dir,
      OTLP_GRPC_PORT: String(await freePort()),
      OTLP_HTTP_PORT: String(await freePort()),
      PAGE_DATA_WAIT: '0',
    },
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const asked: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/prom/')) asked.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(`${base}/workflows?from=now-1h&to=now`);
    const html = await res!.text();
    // Streamed: a loading frame for each panel first, then the drawn panel.
    expect(html.match(/data-testid="panel" data-panel-id="workflow-latency" data-state="loading"/g)?.length).toBe(1);
    expect(html).toMatch(/data-testid="panel" data-panel-id="workflow-latency" data-state="ready"/);
    await panelsSettled(page);
    await expect(page.locator('[data-testid=panel][data-state=ready]')).toHaveCount(WORKFLOW_PANELS);
    await expect(
      page.locator('[data-testid=panel][data-panel-id="workflow-latency"] [data-testid=series-line]'),
    ).not.toHaveCount(0);
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await stopProcess(proc);
  }
});
