/**
 * bench/page-load: navigation to every panel `ready` and drawn on every page, for the 1h and 24h
 * ranges (median of N runs, fresh browser context each, so no cache); then to every panel
 * running in the browser and every chart interactive (crosshair, tooltip, zoom); and the route's first-load JS
 * (every script the page loads, gzip-compressed, in KB; target ≤ 250 KB).
 * Usage: npx tsx bench/page-load.ts [runs]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { benchStack, median } from './stack';
import { DRAWN_SELECTOR } from '../components/panel/kinds/drawn';

const runs = Number(process.argv[2] ?? 7);
const ROUTES = [
  '/',
  '/workflows',
  '/streaming',
  '/policy',
  '/memory',
  '/agents',
  '/llm',
  '/explore?q=sum%20by%20(workflow_type)%20(rate(shannon_workflows_started_total%5B5m%5D))',
];
/** First-load JS targets (gzip): the dashboards 250 KB, Explore (with its editor) 350 KB. */
const jsTarget = (route: string) => (route.startsWith('/explore') ? 350 : 250);

async function main() {
  const stack = await benchStack('page-load');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const base = stack.info.consoleUrl.replace('localhost', '127.0.0.1');
  try {
    for (const route of ROUTES) {
      for (const range of ['1h', '24h']) {
        const times: number[] = [];
        const live: number[] = [];
        let scripts = new Set<string>();
        for (let i = 0; i < runs + 1; i++) {
          const ctx = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
          const page = await ctx.newPage();
          const seen = new Set<string>();
          page.on('response', (r) => {
            if (r.request().resourceType() === 'script') seen.add(new URL(r.url()).pathname);
          });
          const t0 = Date.now();
          await page.goto(`${base}${route}${route.includes('?') ? '&' : '?'}from=now-${range}&to=now`);
          await page.waitForFunction(
            (drawn) => {
              const ps = [...document.querySelectorAll<HTMLElement>('[data-testid=panel]')];
              // Panels ready, settled, and drawn (the chart code loads beside the data); the
              // overview's tiles and lists and the policy verdict done loading.
              const others = [
                ...document.querySelectorAll<HTMLElement>(
                  '[data-testid=slo-tile], [data-testid=targets], [data-testid=alerts], [data-testid=canary-verdict]',
                ),
              ];
              // (No named helper functions in here: tsx would wrap them in a helper the page lacks.)
              return (
                ps.length + others.length > 0 &&
                ps.every(
                  (p) =>
                    p.dataset.state !== 'loading' &&
                    p.dataset.fetching !== 'true' &&
                    (p.dataset.state !== 'ready' || p.querySelector(drawn) !== null),
                ) &&
                others.every((o) => o.dataset.state !== 'loading')
              );
            },
            DRAWN_SELECTOR,
            { timeout: 60_000 },
          );
          const ms = Date.now() - t0;
          // Then: every panel running in the browser (buttons answer) and every chart's
          // interactive layer (crosshair, tooltip, zoom) in place.
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll<HTMLElement>('[data-testid=panel]')].every(
                (p) => p.dataset.hydrated === 'true',
              ) &&
              [...document.querySelectorAll<HTMLElement>('[data-testid=chart]')].every(
                (c) => c.dataset.interactive === 'true',
              ),
            null,
            { timeout: 60_000 },
          );
          const interactiveMs = Date.now() - t0;
          const states = await page.$$eval(
            '[data-testid=panel], [data-testid=slo-tile], [data-testid=canary-verdict]',
            (ps) => ps.map((p) => (p as HTMLElement).dataset.state),
          );
          if (states.some((s) => s === 'error' || s === 'empty' || s === 'loading'))
            throw new Error(`${route}: not everything is ready: ${states.join(',')}`);
          if (i > 0) {
            // the first run warms the server
            times.push(ms);
            live.push(interactiveMs);
          }
          scripts = seen;
          await ctx.close();
        }
        console.log(
          `${route} ${range}: everything ready, median ${median(times)} ms over ${runs} runs (min ${Math.min(...times)}, max ${Math.max(...times)}); interactive, median ${median(live)} ms (min ${Math.min(...live)}, max ${Math.max(...live)})`,
        );
        if (range === '1h') {
          const gz = (paths: Iterable<string>) => {
            let raw = 0;
            let z = 0;
            for (const p of paths) {
              const file = path.resolve('.next', p.replace(/^\/_next\//, ''));
              if (!fs.existsSync(file)) continue;
              const buf = fs.readFileSync(file);
              raw += buf.length;
              z += zlib.gzipSync(buf, { level: 9 }).length;
            }
            return `${(raw / 1024).toFixed(1)} KB raw, ${(z / 1024).toFixed(1)} KB gzip`;
          };
          // First-load JS as Next counts it: the scripts the HTML document itself loads.
          const html = await (await fetch(`${base}${route}`)).text();
          const initial = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map(
            (m) => new URL(m[1] as string, base).pathname,
          );
          console.log(
            `${route} first-load JS: ${new Set(initial).size} scripts, ${gz(new Set(initial))} (target ≤ ${jsTarget(route)} KB gzip)`,
          );
          console.log(`${route} all JS until every chart is drawn: ${scripts.size} scripts, ${gz(scripts)}`);
        }
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
