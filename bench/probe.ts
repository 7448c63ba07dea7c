/**
 * bench/probe: the "one user takes the console down" probe of issue 13, repeated. 200 range
 * queries over the whole history for every series (the kind that answered 118 MB before the
 * guardrails), four at a time, while a person keeps reloading /workflows once a second. Prints
 * what the probe's queries got (by status), the page's load time while it runs against the same
 * run's baseline (the page alone), and the console's highest resident memory.
 * Targets: resident memory under 600 MB; the page under 2 s throughout.
 *
 * Usage: npx tsx bench/probe.ts [--queries 200] [--parallel 4]
 */
import { benchStack, quantile, rssMb } from './stack';

function arg(name: string, def: number, max: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : def;
  if (!Number.isInteger(v) || v <= 0 || v > max) throw new Error(`${name} must be a whole number in [1, ${max}]`);
  return v;
}

const QUERIES = arg('--queries', 200, 1000);
const PARALLEL = arg('--parallel', 4, 32);
// Raw selectors over everything: big answers, valid PromQL (a rate over all names would fail on duplicate series).
const PROBES = ['{__name__=~".+"}', '{__name__=~".+_bucket"}', '{__name__=~"shannon_.+"}'];

async function pageMs(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - t0;
}

async function main() {
  const stack = await benchStack('probe', '6h');
  const base = stack.info.consoleUrl.replace('localhost', '127.0.0.1');
  const pid = stack.info.pids.console!;
  const page = `${base}/workflows?from=now-1h&to=now`;
  try {
    const alone: number[] = [];
    for (let i = 0; i < 20; i++) alone.push(await pageMs(page));
    const rssBefore = rssMb(pid);
    let rssMax = rssBefore;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(pid))), 250);
    const statuses = new Map<string, number>();
    const during: number[] = [];
    let probing = true;
    const reloader = (async () => {
      while (probing) {
        during.push(await pageMs(page));
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    const end = Math.floor(Date.now() / 1000);
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < QUERIES) {
          const query = PROBES[next++ % PROBES.length]!;
          const qs = new URLSearchParams({ query, start: String(end - 6 * 3600), end: String(end), step: '15' });
          const res = await fetch(`${base}/api/prom/query_range?${qs}`).catch((e: Error) => e);
          let key = res instanceof Error ? res.message : `HTTP ${res.status}`;
          if (!(res instanceof Error)) {
            const body = Buffer.from(await res.arrayBuffer()).toString();
            if (!res.ok)
              key += ` (${(JSON.parse(body) as { error: { message: string } }).error.message.slice(0, 90)}…)`;
          }
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        }
      }),
    );
    const probeS = (performance.now() - t0) / 1000;
    probing = false;
    await reloader;
    clearInterval(sampler);
    const f = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`\nbench/probe: ${QUERIES} all-series range queries over 6 h (step 15 s), ${PARALLEL} at a time\n`);
    console.log(`probe answers: ${[...statuses].map(([k, v]) => `${v}× ${k}`).join(', ')} in ${probeS.toFixed(1)} s`);
    console.log('| /workflows HTML | loads | p50 | p99 | max |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| alone (baseline) | ${alone.length} | ${f(quantile(alone, 0.5))} | ${f(quantile(alone, 0.99))} | ${f(Math.max(...alone))} |`,
    );
    console.log(
      `| during the probe | ${during.length} | ${f(quantile(during, 0.5))} | ${f(quantile(during, 0.99))} | ${f(Math.max(...during))} |`,
    );
    console.log(`p50 ratio during / alone: ${(quantile(during, 0.5) / quantile(alone, 0.5)).toFixed(2)}`);
    console.log(
      `console RSS: ${rssBefore.toFixed(0)} MB before, highest ${rssMax.toFixed(0)} MB during (target < 600 MB)`,
    );
  } finally {
    await stack.stop();
  }
}

void main();
