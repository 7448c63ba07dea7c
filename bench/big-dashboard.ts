/**
 * bench/big-dashboard: a Grafana dashboard the size of "Node Exporter Full" (125 panels in 16
 * rows, the first three open and thirteen collapsed, node-exporter and Shannon metrics) built
 * here, imported through POST /api/dashboards/import, then opened in Chromium at 1440×900 on
 * 24 h: the time until every panel on the first screen is ready and drawn. Baseline in the same
 * run: /workflows (8 panels, flowed) opened the same way. Targets (issue 16): import ≤ 1 s,
 * open ≤ 2 s. Also counts the range queries the page asked for, to show that panels below the
 * fold and in collapsed rows wait.
 * Usage: npx tsx bench/big-dashboard.ts [runs]
 */
import { chromium } from '@playwright/test';
import { DRAWN_SELECTOR } from '../components/panel/kinds/drawn';
import { benchStack, median } from './stack';

const runs = Number(process.argv[2] ?? 5);

const METRICS = [
  ['sum by (mode) (rate(node_cpu_seconds_total[$__rate_interval]))', 'percentunit', '{{mode}}'],
  ['node_load1', 'short', 'load1'],
  ['node_memory_MemAvailable_bytes', 'bytes', 'available'],
  ['sum by (device) (rate(node_network_receive_bytes_total[$__rate_interval]))', 'Bps', '{{device}}'],
  ['sum by (device) (rate(node_disk_written_bytes_total[$__rate_interval]))', 'Bps', '{{device}}'],
  ['sum by (workflow_type) (rate(shannon_workflows_started_total[$__rate_interval]))', 'reqps', '{{workflow_type}}'],
  [
    'histogram_quantile(0.95, sum by (le) (rate(shannon_workflow_duration_seconds_bucket[$__rate_interval])))',
    's',
    'p95',
  ],
  ['sum by (provider) (rate(llm_requests_total[$__rate_interval]))', 'reqps', '{{provider}}'],
] as const;
const TYPES = ['timeseries', 'timeseries', 'stat', 'gauge', 'timeseries', 'bargauge', 'timeseries', 'table'];

/** 16 rows: 7 or 8 panels each (125 in all), three rows open, the rest collapsed holding their panels. */
export function bigGrafanaDashboard() {
  const panels: Record<string, unknown>[] = [];
  let id = 1;
  let y = 0;
  let n = 0;
  for (let r = 0; r < 16; r++) {
    const count = r < 13 ? 8 : 7;
    const kids: Record<string, unknown>[] = [];
    const rowY = y++;
    for (let i = 0; i < count; i++, n++) {
      const [expr, unit, legend] = METRICS[n % METRICS.length]!;
      const type = TYPES[n % TYPES.length]!;
      kids.push({
        id: id++,
        type,
        title: `${type} ${n + 1}`,
        gridPos: { x: (i % 4) * 6, y: rowY + 1 + Math.floor(i / 4) * 7, w: 6, h: 7 },
        fieldConfig: { defaults: { unit } },
        targets: [{ refId: 'A', expr, legendFormat: legend }],
      });
    }
    const open = r < 3;
    panels.push({
      id: id++,
      type: 'row',
      title: `Row ${r + 1}`,
      collapsed: !open,
      gridPos: { x: 0, y: rowY, w: 24, h: 1 },
      panels: open ? [] : kids,
    });
    if (open) panels.push(...kids);
    if (open) y += Math.ceil(count / 4) * 7;
  }
  return { title: 'Node Exporter Full-sized', schemaVersion: 39, panels };
}

async function main() {
  const stack = await benchStack('big-dashboard', '24h');
  const base = stack.info.consoleUrl.replace('localhost', '127.0.0.1');
  const body = JSON.stringify(bigGrafanaDashboard());
  const imports: number[] = [];
  let url = '';
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/dashboards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body,
    });
    const ms = performance.now() - t0;
    if (res.status !== 201) throw new Error(`import: HTTP ${res.status} ${await res.text()}`);
    url = ((await res.json()) as { url: string }).url;
    if (i > 0) imports.push(ms);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const open = async (route: string) => {
    const times: number[] = [];
    let asked = 0;
    let inView = 0;
    for (let i = 0; i < runs + 1; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await ctx.newPage();
      let queries = 0;
      page.on('request', (r) => {
        if (r.url().includes('/api/prom/query_range')) queries++;
      });
      const t0 = Date.now();
      await page.goto(`${base}${route}?from=now-24h&to=now`);
      await page.waitForFunction(
        (drawn) => {
          const shown = [...document.querySelectorAll<HTMLElement>('[data-testid=panel]')].filter((p) => {
            const b = p.getBoundingClientRect();
            return b.top < window.innerHeight && b.bottom > 0;
          });
          return (
            shown.length > 0 &&
            shown.every(
              (p) =>
                p.dataset.state !== 'loading' &&
                p.dataset.fetching !== 'true' &&
                (p.dataset.state !== 'ready' || p.querySelector(drawn) !== null),
            )
          );
        },
        DRAWN_SELECTOR,
        { timeout: 60_000, polling: 50 },
      );
      const ms = Date.now() - t0;
      inView = await page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('[data-testid=panel]')].filter((p) => {
            const b = p.getBoundingClientRect();
            return b.top < window.innerHeight && b.bottom > 0;
          }).length,
      );
      asked = queries;
      if (i > 0) times.push(ms);
      await ctx.close();
    }
    return { median: median(times), inView, asked };
  };
  try {
    const big = await open(url);
    const baseline = await open('/workflows');
    const row = (name: string, r: { median: number; inView: number; asked: number }) =>
      `| ${name} | ${r.median.toFixed(0)} ms | ${r.inView} | ${r.asked} |`;
    console.log(`\nbig-dashboard (median of ${runs}, 24 h range, 1440×900, Chromium)`);
    console.log(
      `import of 125 panels / 16 rows (${(body.length / 1024).toFixed(0)} KiB): ${median(imports).toFixed(0)} ms (target ≤ 1000 ms)`,
    );
    console.log(
      '| page | first screen ready and drawn | panels on the first screen | range queries the browser asked |',
    );
    console.log('|---|---|---|---|');
    console.log(row(`125-panel dashboard ${url}`, big));
    console.log(row('/workflows (baseline)', baseline));
    console.log(`ratio to the baseline: ${(big.median / baseline.median).toFixed(2)} (target: open ≤ 2000 ms)`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

if (process.argv[1]?.endsWith('big-dashboard.ts')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
