/**
 * bench/completion: what Explore's PromQL editor asks the console as a person types (metric
 * names, a metric's label names, a label's values under a metric, a metric's series, metadata),
 * timed end to end over HTTP on the demo's metrics: cold (the first ask reaches Prometheus) and
 * warm (the console's 30 s cache answers, as for every keystroke after the first). Prints the
 * p50 / p95 per kind of request and overall, the metric and series counts it ran on, and the
 * ratio of the warm p95 to the target (100 ms). The simulator pads the demo's series to about
 * 10,000 (`--extra-series`, default 7,900 on top of the demo's ~2,100) as the issue asks.
 * Usage: npx tsx bench/completion.ts [rounds] [--extra-series N]
 */
import { benchStack, median } from './stack';

const extraAt = process.argv.indexOf('--extra-series');
const extraSeries = extraAt >= 0 ? Number(process.argv[extraAt + 1]) : 7900;
const rounds = Number(process.argv.find((a, i) => /^\d+$/.test(a) && i !== extraAt + 1) ?? 200);
const TARGET_MS = 100;

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? NaN;
}

async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} → HTTP ${res.status}`);
  return performance.now() - t0;
}

async function main() {
  const stack = await benchStack('completion', '1h', ['--extra-series', String(extraSeries)]);
  try {
    const base = stack.info.consoleUrl.replace('localhost', '127.0.0.1');
    const names = ((await (await fetch(`${base}/api/prom/labels/__name__/values`)).json()) as { values: string[] })
      .values;
    // Counted at Prometheus itself (the console's series route lists at most 10,000).
    const series = (
      (await (
        await fetch(`${stack.info.prometheusUrl}/api/v1/series?match[]=${encodeURIComponent('{__name__=~".+"}')}`)
      ).json()) as { data: unknown[] }
    ).data.length;
    const shannon = names.filter((n) => /^(shannon_|agent_core_|llm_|openai_compat_)/.test(n));
    console.log(`demo: ${names.length} metric names (${shannon.length} Shannon ones), ${series} series`);
    // What the editor asks for one metric, as a person types it and then its labels.
    const asks = (m: string) => [
      ['metric names', `/api/prom/labels/__name__/values`],
      ['label names of a metric', `/api/prom/labels?match[]=${encodeURIComponent(m)}`],
      ['series of a metric', `/api/prom/series?match[]=${encodeURIComponent(m)}`],
      ['values of a label under a metric', `/api/prom/labels/job/values?match[]=${encodeURIComponent(m)}`],
      ['metadata', `/api/prom/metadata`],
    ];
    const cold: Record<string, number[]> = {};
    const warm: Record<string, number[]> = {};
    for (let r = 0; r < rounds; r++) {
      const metric = shannon[r % shannon.length]!;
      for (const [kind, path] of asks(metric)) {
        // The first ask of each thing reaches Prometheus; after that the cache answers (until it
        // expires after 30 s: those asks count as warm here, as a person would meet them).
        const first = kind === 'metric names' || kind === 'metadata' ? r === 0 : r < shannon.length;
        const bucket = first ? cold : warm;
        (bucket[kind!] ??= []).push(await timed(`${base}${path}`));
      }
    }
    const all = Object.values(warm).flat();
    for (const [kind, xs] of Object.entries(warm))
      console.log(`warm ${kind}: p50 ${median(xs).toFixed(2)} ms, p95 ${p95(xs).toFixed(2)} ms (${xs.length})`);
    for (const [kind, xs] of Object.entries(cold))
      console.log(`cold ${kind}: p50 ${median(xs).toFixed(2)} ms, p95 ${p95(xs).toFixed(2)} ms (${xs.length})`);
    console.log(
      `warm overall: p95 ${p95(all).toFixed(2)} ms over ${all.length} requests; target ≤ ${TARGET_MS} ms (ratio ${(p95(all) / TARGET_MS).toFixed(3)})`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
