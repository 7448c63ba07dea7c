/**
 * bench/waterfall: traces of about 1,000, 10,000, 100,000 and 1,000,000 spans written to the
 * embedded store, then opened in Chromium through the console. Prints per trace: navigation to
 * the first rows painted (cold: the server builds the trace's index on this request; warm: a
 * second navigation), expand-all after collapse-all, scrolling 10,000 rows (long tasks over
 * 50 ms, the longest) and the page's JS heap. Targets: 10k ≤ 1 s, 100k ≤ 1.5 s, 1M ≤ 3 s to first
 * rows; no long task over 100 ms while scrolling.
 * Baseline, measured in the same run: downloading the whole trace as JSON (GET /api/traces/{id}),
 * which a viewer without windowing needs before it can paint anything (skipped at 1M: the JSON
 * is over a GB).
 * Usage: npx tsx bench/waterfall.ts [--max 100000]
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { buildConsole, needsBuild, startConsole } from '../scripts/stack/console';
import { freePort, stopProcess } from '../scripts/stack/proc';
import { rawToIngest } from '../lib/traces/store/rows';
import { SqliteWriter } from '../lib/traces/store/writer';
import { hugeTrace } from './waterfall-trace';

const maxArg = process.argv.indexOf('--max');
const MAX = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 1_000_000;
const SIZES = [1_000, 10_000, 100_000, 1_000_000].filter((n) => n <= MAX);
const ROW = 26;

function fill(dir: string): { size: number; traceId: string; spans: number }[] {
  const writer = new SqliteWriter({
    file: path.join(dir, 'traces.sqlite'),
    sync: 'off',
    retentionMs: 72 * 3_600_000,
    maxBytes: 0,
  });
  const out = [];
  for (const size of SIZES) {
    const t0 = performance.now();
    let traceId = '';
    let spans = 0;
    for (const c of hugeTrace(size)) {
      writer.ingest([rawToIngest(c.req)]);
      traceId = c.traceId;
      spans += c.req.resourceSpans.reduce((n, rs) => n + rs.scopeSpans.reduce((m, ss) => m + ss.spans.length, 0), 0);
    }
    console.error(
      `[bench] stored a ${spans.toLocaleString('en-US')}-span trace in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    out.push({ size, traceId, spans });
  }
  writer.close();
  return out;
}

/**
 * Navigation start → first rows painted, measured in the page: the first span row's insertion
 * (seen by a MutationObserver installed before the document parses) or the first contentful
 * paint, whichever is later. Also the wall time until Playwright saw the row, which adds its
 * polling and the browser's process hops.
 */
async function firstRows(page: Page, url: string): Promise<{ painted: number; seen: number }> {
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('[data-testid=span-row]').first().waitFor({ state: 'visible', timeout: 120_000 });
  const seen = performance.now() - t0;
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const painted = await page.evaluate(() =>
    Math.max(
      (window as unknown as { __firstRowAt?: number }).__firstRowAt ?? Infinity,
      performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
    ),
  );
  return { painted, seen };
}

const FIRST_ROW_OBSERVER = () => {
  const w = window as unknown as { __firstRowAt?: number };
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid=span-row]')) {
      w.__firstRowAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function expandAll(page: Page, spans: number): Promise<number> {
  // Hydrated: the buttons below work only once the scripts have run.
  await page.waitForLoadState('load');
  const grid = page.getByRole('treegrid');
  // A click before hydration does nothing: click again until the list collapses.
  for (let k = 0; ; k++) {
    await page.getByRole('button', { name: 'Collapse all' }).click();
    try {
      await grid.and(page.locator('[aria-rowcount="1"]')).waitFor({ timeout: 2000 });
      break;
    } catch (e) {
      if (k >= 30) throw e;
    }
  }
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await grid.and(page.locator(`[aria-rowcount="${spans}"]`)).waitFor({ timeout: 120_000 });
  await page.locator('[data-testid=span-row]').nth(5).waitFor({ timeout: 120_000 });
  return performance.now() - t0;
}

/** Scroll 10,000 rows in 100 animation frames, then wait for the last window's rows. */
async function scroll(page: Page): Promise<{ longTasks: number; over100: number; maxMs: number; ms: number }> {
  return page.evaluate(async (row) => {
    const tasks: number[] = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const el = document.querySelector('[role=treegrid]') as HTMLElement;
    const t0 = performance.now();
    for (let f = 0; f < 100; f++) {
      el.scrollTop += row * 100;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    // The rows at the final position arrive from the server; wait for them to replace the placeholders.
    for (let i = 0; i < 600 && document.querySelector('[data-testid=span-row-loading]'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 200));
    obs.disconnect();
    return { longTasks: tasks.length, over100: tasks.filter((d) => d > 100).length, maxMs: Math.max(0, ...tasks), ms };
  }, ROW);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

function rssMb(pid: number | undefined): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function main() {
  if (needsBuild()) buildConsole();
  const dir = path.resolve('data/bench-waterfall');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const traces = fill(dir);
  const port = await freePort();
  const consoleProc = await startConsole({
    port,
    host: '127.0.0.1',
    env: { DATA_DIR: dir, OTLP_GRPC_PORT: '0', OTLP_HTTP_PORT: '0', PROMETHEUS_URL: 'http://127.0.0.1:9' },
    logFile: path.join(dir, 'console.log'),
  });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const targets: Record<number, number> = { 10_000: 1000, 100_000: 1500, 1_000_000: 3000 };
  try {
    for (const t of traces) {
      let baseline = 'skipped (over a GB of JSON)';
      if (t.size < 1_000_000) {
        const b0 = performance.now();
        const res = await fetch(`${base}/api/traces/${t.traceId}`);
        const bytes = (await res.arrayBuffer()).byteLength;
        baseline = `${(performance.now() - b0).toFixed(0)} ms for ${(bytes / 2 ** 20).toFixed(1)} MiB`;
      }
      const page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage();
      await page.addInitScript(FIRST_ROW_OBSERVER);
      const cold = await firstRows(page, `${base}/traces/${t.traceId}`);
      const warm = await firstRows(page, `${base}/traces/${t.traceId}?tab=waterfall`);
      const expand = await expandAll(page, t.spans);
      const sc = await scroll(page);
      const heap = await heapMb(page);
      const target = targets[t.size];
      const baselineMs = Number(/^(\d+) ms/.exec(baseline)?.[1]);
      console.log(`trace of ${t.spans.toLocaleString('en-US')} spans`);
      console.log(
        `  first rows     cold ${cold.painted.toFixed(0)} ms  warm ${warm.painted.toFixed(0)} ms after navigation start${target ? `  (target ≤ ${target} ms: ${cold.painted <= target ? 'met' : 'NOT met'})` : ''};  Playwright saw them at ${cold.seen.toFixed(0)} / ${warm.seen.toFixed(0)} ms`,
      );
      console.log(
        `  baseline       full-trace JSON download ${baseline}${Number.isFinite(baselineMs) ? `  ratio cold/baseline ${(cold.painted / baselineMs).toFixed(2)}` : ''}`,
      );
      console.log(`  expand all     ${expand.toFixed(0)} ms`);
      console.log(
        `  scroll 10,000 rows in ${sc.ms.toFixed(0)} ms: ${sc.longTasks} long tasks > 50 ms, ${sc.over100} over 100 ms, longest ${sc.maxMs.toFixed(0)} ms (target: none over 100 ms: ${sc.over100 === 0 ? 'met' : 'NOT met'})`,
      );
      console.log(
        `  page JS heap   ${heap.toFixed(1)} MiB;  console RSS ${rssMb(consoleProc.child.pid).toFixed(0)} MiB`,
      );
      await page.context().close();
    }
  } finally {
    await browser.close();
    await stopProcess(consoleProc);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
