/**
 * bench/prom-proxy: the panel queries of /workflows through the console's route vs straight to
 * Prometheus, interleaved in one run. Prints median latency per path, the ratio (target ≤ 1.15)
 * and the response-size ratio (target ≤ 0.6), for the console as the browser uses it (incremental
 * range cache) and with `Cache-Control: no-cache` (the proxy hop alone). Usage: npx tsx bench/prom-proxy.ts [rounds]
 */
import { hasQueries } from '../lib/dashboards/types';
import { workflowsDashboard } from '../lib/dashboards/workflows';
import { planRange } from '../lib/prometheus/step';
import { renderQuery } from '../lib/prometheus/template';
import { benchStack, median } from './stack';

const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 15);
// --identity: neither side compresses (the proxy hop alone); default: both may gzip, as a browser asks.
const identity = process.argv.includes('--identity');
const HEADERS: Record<string, string> = identity
  ? { 'Accept-Encoding': 'identity' }
  : { 'Accept-Encoding': 'gzip, deflate' };

async function timed(url: string, init?: { headers?: Record<string, string> }): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { ...HEADERS, ...init?.headers } });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url} → HTTP ${res.status}: ${Buffer.from(body).toString().slice(0, 200)}`);
  return { ms, bytes: body.byteLength };
}

async function main() {
  const stack = await benchStack('prom-proxy');
  try {
    for (const rangeH of [1, 24]) {
      const nowSec = Date.now() / 1000;
      const r = planRange(nowSec - rangeH * 3600, nowSec, { maxDataPoints: 600, scrapeIntervalSec: 15 });
      const queries = workflowsDashboard.panels
        .filter(hasQueries)
        .flatMap((p) =>
          p.queries.map((q) =>
            renderQuery(q.expr, { variables: {}, rateIntervalSec: r.rateInterval, rangeSec: r.end - r.start }),
          ),
        );
      // Three paths, interleaved (the order rotates): the console as a browser uses it (through
      // its incremental range cache), the console with `Cache-Control: no-cache` (the proxy hop
      // alone: the whole range asked of Prometheus), and Prometheus itself.
      const paths = ['console', 'console no-cache', 'prometheus'] as const;
      const ms: Record<(typeof paths)[number], number[]> = { console: [], 'console no-cache': [], prometheus: [] };
      const bytes: Record<(typeof paths)[number], number> = { console: 0, 'console no-cache': 0, prometheus: 0 };
      const base = stack.info.consoleUrl.replace('localhost', '127.0.0.1');
      const get = (path: (typeof paths)[number], qs: URLSearchParams) =>
        path === 'prometheus'
          ? timed(`${stack.info.prometheusUrl}/api/v1/query_range?${qs}`)
          : timed(
              `${base}/api/prom/query_range?${qs}`,
              path === 'console no-cache' ? { headers: { 'Cache-Control': 'no-cache' } } : undefined,
            );
      // Warm every path once (JIT, connection set-up, the cache's first fill), then interleave.
      for (const q of queries) {
        const qs = new URLSearchParams({ query: q, start: String(r.start), end: String(r.end), step: String(r.step) });
        for (const path of paths) await get(path, qs);
      }
      for (let i = 0; i < rounds; i++) {
        for (const [qi, q] of queries.entries()) {
          const qs = new URLSearchParams({
            query: q,
            start: String(r.start),
            end: String(r.end),
            step: String(r.step),
          });
          for (let k = 0; k < paths.length; k++) {
            const path = paths[(i + qi + k) % paths.length]!;
            const t = await get(path, qs);
            ms[path].push(t.ms);
            bytes[path] += t.bytes;
          }
        }
      }
      const mp = median(ms.prometheus);
      const line = (path: (typeof paths)[number]) =>
        `  ${path.padEnd(17)} median ${median(ms[path]).toFixed(2)} ms  ratio ${(median(ms[path]) / mp).toFixed(3)}  bytes ${bytes[path]}  ratio ${(bytes[path] / bytes.prometheus).toFixed(3)}`;
      console.log(
        `range ${rangeH}h: ${queries.length} panel queries × ${rounds} rounds, step ${r.step}s, ${identity ? 'no compression' : 'gzip accepted'}; targets: latency ratio ≤ 1.15, bytes ratio ≤ 0.6\n` +
          `  prometheus        median ${mp.toFixed(2)} ms  bytes ${bytes.prometheus}\n${line('console')}\n${line('console no-cache')}`,
      );
    }
  } finally {
    await stack.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
