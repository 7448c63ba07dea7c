/**
 * bench/viewers: many people watching dashboards at once, on the demo stack with the simulator
 * ingesting. Each viewer opens a dashboard page (its HTML, with the panels' data streamed in it),
 * then keeps it open with auto-refresh every 10 s (each panel's range query through the console,
 * as the browser asks), and moves to the next page after three refreshes. First, in the same run,
 * one viewer alone: the baseline. Prints dashboard HTML p50/p99/max for both, the ratio, errors,
 * and the console's resident memory (first minute vs last minute, and the highest).
 *
 * Bounded: at most 200 viewers and 30 minutes; loopback only.
 * Usage: npx tsx bench/viewers.ts [--viewers 50] [--minutes 10]
 */
import { agentsDashboard } from '../lib/dashboards/agents';
import { llmDashboard } from '../lib/dashboards/llm';
import { memoryDashboard } from '../lib/dashboards/memory';
import { policyDashboard } from '../lib/dashboards/policy';
import { streamingDashboard } from '../lib/dashboards/streaming';
import { type DashboardDef, hasQueries } from '../lib/dashboards/types';
import { workflowsDashboard } from '../lib/dashboards/workflows';
import { planRange } from '../lib/prometheus/step';
import { renderQuery } from '../lib/prometheus/template';
import { benchStack, quantile, rssMb } from './stack';

function arg(name: string, def: number, max: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : def;
  if (!Number.isFinite(v) || v <= 0 || v > max) throw new Error(`${name} must be a number in (0, ${max}]`);
  return v;
}

const VIEWERS = arg('--viewers', 50, 200);
const MINUTES = arg('--minutes', 10, 30);
const REFRESH_MS = 10_000;
const PAGES: [string, DashboardDef][] = [
  ['/workflows', workflowsDashboard],
  ['/llm', llmDashboard],
  ['/streaming', streamingDashboard],
  ['/agents', agentsDashboard],
  ['/memory', memoryDashboard],
  ['/policy', policyDashboard],
];

type Tally = { html: number[]; api: number[]; errors: Map<string, number> };

const newTally = (): Tally => ({ html: [], api: [], errors: new Map() });

async function timed(url: string, tally: Tally, into: number[]): Promise<void> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } });
    await res.arrayBuffer();
    if (!res.ok) tally.errors.set(`HTTP ${res.status}`, (tally.errors.get(`HTTP ${res.status}`) ?? 0) + 1);
    else into.push(performance.now() - t0);
  } catch (e) {
    const k = (e as Error).message;
    tally.errors.set(k, (tally.errors.get(k) ?? 0) + 1);
  }
}

/** The range queries a page's panels ask on each auto-refresh over the last hour. */
function refreshUrls(base: string, dash: DashboardDef): string[] {
  const now = Date.now() / 1000;
  const r = planRange(now - 3600, now, { maxDataPoints: 600, scrapeIntervalSec: 15 });
  return dash.panels.filter(hasQueries).flatMap((p) =>
    p.queries.map((q) => {
      const query = renderQuery(q.expr, { variables: {}, rateIntervalSec: r.rateInterval, rangeSec: r.end - r.start });
      return `${base}/api/prom/query_range?${new URLSearchParams({ query, start: String(r.start), end: String(r.end), step: String(r.step) })}`;
    }),
  );
}

async function viewer(base: string, n: number, until: number, tally: Tally, refreshes = 3): Promise<void> {
  let page = n % PAGES.length;
  // Spread the first loads over the first refresh interval, as people arrive.
  await new Promise((r) => setTimeout(r, (n * REFRESH_MS) / VIEWERS));
  while (Date.now() < until) {
    const [path, dash] = PAGES[page]!;
    await timed(`${base}${path}?from=now-1h&to=now&refresh=10s`, tally, tally.html);
    for (let i = 0; i < refreshes && Date.now() < until; i++) {
      await new Promise((r) => setTimeout(r, REFRESH_MS));
      await Promise.all(refreshUrls(base, dash).map((u) => timed(u, tally, tally.api)));
    }
    page = (page + 1) % PAGES.length;
  }
}

function report(name: string, t: Tally) {
  const f = (x: number) => `${x.toFixed(0)} ms`;
  const errors = [...t.errors].map(([k, v]) => `${v}× ${k}`).join(', ') || 'none';
  console.log(
    `| ${name} | ${t.html.length} | ${f(quantile(t.html, 0.5))} | ${f(quantile(t.html, 0.99))} | ${f(Math.max(...t.html))} | ${t.api.length} | ${f(quantile(t.api, 0.5))} | ${f(quantile(t.api, 0.99))} | ${errors} |`,
  );
}

async function main() {
  const stack = await benchStack('viewers', '6h');
  const base = stack.info.consoleUrl.replace('localhost', '127.0.0.1');
  if (!/^http:\/\/127\.0\.0\.1:/.test(base)) throw new Error('bench/viewers runs against loopback only');
  const pid = stack.info.pids.console!;
  try {
    // The baseline: one viewer, every page four times (no refresh wait between pages).
    const alone = newTally();
    for (let round = 0; round < 4; round++) {
      for (const [path] of PAGES) await timed(`${base}${path}?from=now-1h&to=now&refresh=10s`, alone, alone.html);
    }
    const rss: { t: number; mb: number }[] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => rss.push({ t: Date.now() - t0, mb: rssMb(pid) }), 5000);
    const crowd = newTally();
    const until = Date.now() + MINUTES * 60_000;
    console.error(`[bench] ${VIEWERS} viewers for ${MINUTES} min...`);
    await Promise.all(Array.from({ length: VIEWERS }, (_, n) => viewer(base, n, until, crowd)));
    clearInterval(sampler);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const first = rss.filter((s) => s.t <= 60_000).map((s) => s.mb);
    const last = rss.filter((s) => s.t >= MINUTES * 60_000 - 60_000).map((s) => s.mb);
    console.log(`\nbench/viewers: ${VIEWERS} viewers, ${MINUTES} min, auto-refresh 10 s, simulator ingesting\n`);
    console.log('| run | pages | HTML p50 | HTML p99 | HTML max | API calls | API p50 | API p99 | errors |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    report('1 viewer (baseline)', alone);
    report(`${VIEWERS} viewers`, crowd);
    console.log(
      `\nHTML p50 ratio ${VIEWERS} viewers / 1 viewer: ${(quantile(crowd.html, 0.5) / quantile(alone.html, 0.5)).toFixed(2)}`,
    );
    console.log(
      `console RSS: first minute ${mean(first).toFixed(0)} MB, last minute ${mean(last).toFixed(0)} MB, highest ${Math.max(...rss.map((s) => s.mb)).toFixed(0)} MB`,
    );
    const perMinute = Array.from({ length: Math.ceil(MINUTES) }, (_, m) =>
      mean(rss.filter((s) => s.t >= m * 60_000 && s.t < (m + 1) * 60_000).map((s) => s.mb)),
    );
    console.log(`console RSS by minute (MB): ${perMinute.map((x) => x.toFixed(0)).join(', ')}`);
    console.log(`targets: HTML p50 ≤ 1000 ms, p99 ≤ 2500 ms, no errors, memory flat`);
  } finally {
    await stack.stop();
  }
}

void main();
