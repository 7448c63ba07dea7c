/**
 * bench/prom-proxy: the panel queries of /workflows through the console's route vs straight to
 * Prometheus, interleaved in one run. Prints median latency per path, the ratio (target ≤ 1.15)
 * and the response-size ratio (target ≤ 0.6). Usage: npx tsx bench/prom-proxy.ts [rounds]
 */
import { workflowsDashboard } from '../lib/dashboards/workflows';
import { planRange } from '../lib/prometheus/step';
import { renderQuery } from '../lib/prometheus/template';
import { benchStack, median } from './stack';

const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 15);
// --identity: neither side compresses (the proxy hop alone); default: both may gzip, as a browser asks.
const identity = process.argv.includes('--identity');
const HEADERS: Record<string, string> = identity ? { 'Accept-Encoding': 'identity' } : { 'Accept-Encoding': 'gzip, deflate' };

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, headers: HEADERS });
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
      const queries = workflowsDashboard.panels.flatMap((p) =>
        p.queries.map((q) => renderQuery(q.expr, { variables: {}, rateIntervalSec: r.rateInterval, rangeSec: r.end - r.start })),
      );
      const consoleMs: number[] = [];
      const promMs: number[] = [];
      let consoleBytes = 0;
      let promBytes = 0;
      // Warm both paths once (JIT, connection set-up), then interleave.
      for (const q of queries) {
        const qs = new URLSearchParams({ query: q, start: String(r.start), end: String(r.end), step: String(r.step) });
        await timed(`${stack.info.consoleUrl.replace('localhost', '127.0.0.1')}/api/prom/query_range?${qs}`);
        await timed(`${stack.info.prometheusUrl}/api/v1/query_range?${qs}`);
      }
      for (let i = 0; i < rounds; i++) {
        for (const q of queries) {
          const qs = new URLSearchParams({ query: q, start: String(r.start), end: String(r.end), step: String(r.step) });
          const order = (i + queries.indexOf(q)) % 2 === 0;
          const viaConsole = () => timed(`${stack.info.consoleUrl.replace('localhost', '127.0.0.1')}/api/prom/query_range?${qs}`);
          const direct = () => timed(`${stack.info.prometheusUrl}/api/v1/query_range?${qs}`);
          let c;
          let p;
          if (order) {
            c = await viaConsole();
            p = await direct();
          } else {
            p = await direct();
            c = await viaConsole();
          }
          consoleMs.push(c.ms);
          promMs.push(p.ms);
          consoleBytes += c.bytes;
          promBytes += p.bytes;
        }
      }
      const mc = median(consoleMs);
      const mp = median(promMs);
      console.log(
        `range ${rangeH}h: ${queries.length} panel queries × ${rounds} rounds, step ${r.step}s, ${identity ? 'no compression' : 'gzip accepted'}\n` +
          `  median latency  console ${mc.toFixed(2)} ms  prometheus ${mp.toFixed(2)} ms  ratio ${(mc / mp).toFixed(3)} (target ≤ 1.15)\n` +
          `  response bytes  console ${consoleBytes}  prometheus ${promBytes}  ratio ${(consoleBytes / promBytes).toFixed(3)} (target ≤ 0.6)`,
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
