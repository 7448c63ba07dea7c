/**
 * bench/query: trace queries on a store holding 1,000,000 spans (--10m: 10,000,000) spread over
 * the last hour, through the console's HTTP API. Prints trace-by-id p50/p99 (target p99 ≤ 20 ms),
 * search by service + min duration over the last hour p95 (target ≤ 200 ms) and search by
 * attribute p95 (target ≤ 500 ms). Baseline, measured in the same run: the same queries on the
 * store's reader in-process (no HTTP, no JSON); the ratio is the API's overhead. Last, retention
 * with a 30-minute limit removes the older half in steps: the longest step is how long ingest
 * could wait for retention (target < 50 ms).
 * Usage: npx tsx bench/query.ts [--10m]
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildConsole, needsBuild, startConsole } from '../scripts/stack/console';
import { freePort, stopProcess } from '../scripts/stack/proc';
import { parseTraceSearch } from '../lib/traces/search';
import { SqliteReader } from '../lib/traces/store/reader';
import { rawToIngest } from '../lib/traces/store/rows';
import { SqliteWriter } from '../lib/traces/store/writer';
import { makeRawBatch } from './otlp-batch';

const TOTAL = process.argv.includes('--10m') ? 10_000_000 : 1_000_000;
const SPANS_PER_TRACE = 20;
const RUNS = 60;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

function fill(dir: string): string[] {
  const writer = new SqliteWriter({
    file: path.join(dir, 'traces.sqlite'),
    sync: 'normal',
    retentionMs: 72 * 3_600_000,
    maxBytes: 0,
  });
  const ids: string[] = [];
  const now = Date.now();
  const t0 = performance.now();
  for (let n = 0; n < TOTAL; n += 200 * SPANS_PER_TRACE) {
    const { req, traceIds } = makeRawBatch(now, 3_600_000, 200, SPANS_PER_TRACE);
    writer.ingest([rawToIngest(req)]);
    for (const id of traceIds) if (Math.random() < 0.01) ids.push(id);
  }
  console.error(
    `[bench] stored ${TOTAL.toLocaleString('en-US')} spans in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  writer.close();
  return ids;
}

type Case = { name: string; target: string; queries: string[]; stat: (xs: number[]) => string };

async function main() {
  if (needsBuild()) buildConsole();
  const dir = path.resolve('data/bench-query');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const ids = fill(dir);
  const bytes = fs.statSync(path.join(dir, 'traces.sqlite')).size;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)] as T;
  const cases: Case[] = [
    {
      name: 'trace by id',
      target: 'p99 ≤ 20 ms',
      queries: Array.from({ length: RUNS * 3 }, () => `id:${pick(ids)}`),
      stat: (xs) => `p50 ${pct(xs, 50).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms`,
    },
    {
      name: 'service + min duration, last hour',
      target: 'p95 ≤ 200 ms',
      queries: Array.from(
        { length: RUNS },
        () =>
          `service=${pick(['orchestrator', 'agent-core', 'llm-service'])}&minDuration=${pick(['5ms', '50ms', '500ms', '1s', '2500ms'])}&from=now-1h&to=now&limit=20`,
      ),
      stat: (xs) => `p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms`,
    },
    {
      name: 'attribute, last hour',
      target: 'p95 ≤ 500 ms',
      queries: Array.from(
        { length: RUNS },
        (_, i) =>
          `tags=${encodeURIComponent(i % 4 === 0 ? 'http.response.status_code=500' : `user.id=user-${Math.floor(Math.random() * 10_000)}`)}&from=now-1h&to=now&limit=20`,
      ),
      stat: (xs) => `p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms`,
    },
  ];

  // Baseline: the reader in-process.
  const reader = new SqliteReader(path.join(dir, 'traces.sqlite'));
  const direct = cases.map((c) =>
    c.queries.map((q) => {
      const t0 = performance.now();
      if (q.startsWith('id:')) reader.trace(q.slice(3));
      else {
        const r = parseTraceSearch(new URLSearchParams(q), Date.now());
        if ('error' in r) throw new Error(r.error);
        reader.search(r.search);
      }
      return performance.now() - t0;
    }),
  );
  reader.close();

  const port = await freePort();
  const proc = await startConsole({
    port,
    host: '127.0.0.1',
    logFile: path.join(dir, 'console.log'),
    env: { DATA_DIR: dir, OTLP_GRPC_PORT: '0', OTLP_HTTP_PORT: '0', PROMETHEUS_URL: 'http://127.0.0.1:9' },
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (const id of ids.slice(0, 20)) await (await fetch(`${base}/api/traces/${id}`)).arrayBuffer(); // warm-up
    console.log(
      `query: ${TOTAL.toLocaleString('en-US')} spans (${SPANS_PER_TRACE} per trace) over the last hour, ${(bytes / 1e6).toFixed(0)} MB on disk`,
    );
    for (const [i, c] of cases.entries()) {
      const times: number[] = [];
      let found = 0;
      for (const q of c.queries) {
        const url = q.startsWith('id:') ? `${base}/api/traces/${q.slice(3)}` : `${base}/api/traces?${q}`;
        const t0 = performance.now();
        const res = await fetch(url);
        const body = (await res.json()) as { spans?: unknown[]; traces?: unknown[] };
        times.push(performance.now() - t0);
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
        found += body.spans?.length ?? body.traces?.length ?? 0;
      }
      const ratio = pct(times, 95) / pct(direct[i] as number[], 95);
      console.log(
        `  ${c.name.padEnd(34)} ${c.stat(times)}  (target ${c.target}; ${c.queries.length} queries, ${found} results)  in-process ${c.stat(direct[i] as number[])}  API/in-process p95 ratio ${ratio.toFixed(2)}`,
      );
    }
  } finally {
    await stopProcess(proc);
  }
  const writer = new SqliteWriter({
    file: path.join(dir, 'traces.sqlite'),
    sync: 'normal',
    retentionMs: 30 * 60_000,
    maxBytes: 0,
  });
  const steps: number[] = [];
  let removed = 0;
  for (;;) {
    const t0 = performance.now();
    const n = writer.retentionStep();
    steps.push(performance.now() - t0);
    removed += n;
    if (n === 0) break;
    // In the console a checkpoint thread does this concurrently (untimed here, as it does not
    // hold up the writer); without it the writer's own autocheckpoint would land in a step.
    writer.db.pragma('wal_checkpoint(PASSIVE)');
  }
  writer.close();
  console.log(
    `  retention (30 min limit)           removed ${removed.toLocaleString('en-US')} spans in ${steps.length} steps; step p50 ${pct(steps, 50).toFixed(1)} ms, max ${Math.max(...steps).toFixed(1)} ms (target < 50 ms)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
