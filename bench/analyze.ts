/**
 * bench/analyze (issue 17): with the trace store holding at least `--spans` spans (default
 * 1,000,000, from the simulator at a high rate with --slow-stage planted), the analysis of the
 * newest 10,000 traces and the service map over the last hour: server time (the answer's
 * `tookMs`) and page time (Chromium until the view is ready), medians of 5. Targets: analysis
 * ≤ 2 s, map ≤ 1 s. Baseline in the same run: a plain trace search of 20 traces (GET /api/traces).
 * Usage: npx tsx bench/analyze.ts [--spans N] [--runs N]
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { benchStack, median } from './stack';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const SPANS = arg('spans', 1_000_000);
const RUNS = arg('runs', 5);

async function main() {
  const stack = await benchStack('analyze', '1h', [
    '--rate',
    '150',
    '--slow-fraction',
    '0',
    '--slow-stage',
    'vector_search:collection=kb-large:30x',
  ]);
  const base = stack.info.consoleUrl.replace('localhost', '127.0.0.1');
  const db = new Database(path.join(stack.info.consoleDataDir, 'traces.sqlite'), { readonly: true });
  try {
    const t0 = Date.now();
    for (;;) {
      const n = db.prepare('SELECT count(*) FROM spans').pluck().get() as number;
      console.error(
        `[bench] ${n.toLocaleString('en-US')} spans stored after ${Math.round((Date.now() - t0) / 1000)} s`,
      );
      if (n >= SPANS) break;
      await new Promise((r) => setTimeout(r, 15_000));
    }
    const stored = db.prepare('SELECT count(*) FROM spans').pluck().get() as number;
    const timed = async (url: string) => {
      const server: number[] = [];
      const wall: number[] = [];
      let last: Record<string, unknown> = {};
      for (let i = 0; i < RUNS + 1; i++) {
        const s = performance.now();
        const res = await fetch(`${base}${url}`);
        last = (await res.json()) as Record<string, unknown>;
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${JSON.stringify(last).slice(0, 200)}`);
        if (i === 0) continue;
        wall.push(performance.now() - s);
        if (typeof last.tookMs === 'number') server.push(last.tookMs);
      }
      return { server: server.length ? median(server) : NaN, wall: median(wall), last };
    };
    const analysisUrl = '/api/traces/analyze?from=now-1h&population=10000&split=p90';
    const mapUrl = '/api/services/map?from=now-1h';
    const search = await timed('/api/traces?from=now-1h&limit=20');
    const analysis = await timed(analysisUrl);
    const map = await timed(mapUrl);
    const a = analysis.last as {
      population: number;
      spans: number;
      slow: { sampled: number };
      base: { sampled: number };
      headline: string;
    };
    const m = map.last as { population: number; sampled: number };

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const page = async (route: string, testId: string) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const p = await ctx.newPage();
        const s = Date.now();
        await p.goto(`${base}${route}`);
        await p.waitForSelector(`[data-testid=${testId}][data-state=ready]`, { timeout: 120_000 });
        if (i > 0) times.push(Date.now() - s);
        await ctx.close();
      }
      return median(times);
    };
    const analysisPage = await page('/traces/analyze?from=now-1h&population=10000&split=p90', 'analysis');
    const mapPage = await page('/services?from=now-1h', 'service-map');
    await browser.close();

    console.log(`\nbench/analyze: store of ${stored.toLocaleString('en-US')} spans; medians of ${RUNS}`);
    console.log('| what | server | request (wall) | page ready | target |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| analysis: ${a.population.toLocaleString('en-US')} traces, ${a.spans.toLocaleString('en-US')} spans (${a.slow.sampled} slow, ${a.base.sampled} baseline in the paths) | ${analysis.server.toFixed(0)} ms | ${analysis.wall.toFixed(0)} ms | ${analysisPage} ms | ≤ 2000 ms |`,
    );
    console.log(
      `| service map over 1 h: ${m.sampled.toLocaleString('en-US')} of ${m.population.toLocaleString('en-US')} traces read | ${map.server.toFixed(0)} ms | ${map.wall.toFixed(0)} ms | ${mapPage} ms | ≤ 1000 ms |`,
    );
    console.log(`| baseline: trace search, 20 traces | – | ${search.wall.toFixed(0)} ms | – | |`);
    console.log(`headline: ${a.headline}`);
  } finally {
    db.close();
    await stack.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
