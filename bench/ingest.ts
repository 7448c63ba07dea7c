/**
 * bench/ingest: sustained OTLP/HTTP protobuf ingest into the embedded store. A separate process
 * sends batches of 512 realistic spans (~15 attributes) from several concurrent senders for 60 s
 * to a fresh console. Prints spans/s (target ≥ 50,000), p50/p99 export latency, the console's
 * peak RSS and disk bytes per span. Baseline, measured in the same run: the same sender against
 * a receiver that reads each body and answers 200 without decoding or storing (the transport's
 * ceiling on this machine); the ratio says how much of it the store keeps.
 * Usage: npx tsx bench/ingest.ts [seconds=60] [senders=8]
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { buildConsole, needsBuild, startConsole } from '../scripts/stack/console';
import { freePort, stopProcess } from '../scripts/stack/proc';

const args = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const seconds = args[0] ?? 60;
const senders = args[1] ?? 8;
const ROOT = path.resolve(import.meta.dirname, '..');

type Result = { spans: number; elapsed: number; refused: number; latencies: number[] };

// Asynchronous: the baseline receiver lives in this process and must keep answering.
async function runSender(url: string, secs: number): Promise<Result> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench/ingest-sender.ts'), url, String(senders), String(secs)],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Result;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

async function nullReceiver(): Promise<{ url: string; close: () => void }> {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/x-protobuf', 'Content-Length': '0' }).end());
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${port}/v1/traces`, close: () => server.close() };
}

async function main() {
  if (needsBuild()) buildConsole();
  const dir = path.resolve('data/bench-ingest');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  const baselineSecs = Math.min(15, seconds);
  const nul = await nullReceiver();
  const base = await runSender(nul.url, baselineSecs);
  nul.close();

  const port = await freePort();
  const otlpPort = await freePort();
  const proc = await startConsole({
    port,
    host: '127.0.0.1',
    logFile: path.join(dir, 'console.log'),
    env: { DATA_DIR: dir, OTLP_GRPC_PORT: '0', OTLP_HTTP_PORT: String(otlpPort), PROMETHEUS_URL: 'http://127.0.0.1:9' },
  });
  try {
    const r = await runSender(`http://127.0.0.1:${otlpPort}/v1/traces`, seconds);
    const rss = peakRssMb(proc.child.pid as number);
    const count = Number(
      (await (await fetch(`http://127.0.0.1:${port}/api/metrics`)).text()).match(
        /shannon_console_otlp_spans_total\{transport="http",outcome="accepted"\} (\d+)/,
      )?.[1] ?? NaN,
    );
    const bytes = ['traces.sqlite', 'traces.sqlite-wal'].reduce(
      (a, f) => a + (fs.existsSync(path.join(dir, f)) ? fs.statSync(path.join(dir, f)).size : 0),
      0,
    );
    const rate = r.spans / r.elapsed;
    const baseRate = base.spans / base.elapsed;
    console.log(
      `ingest: ${senders} senders × batches of 512 spans (15 attributes), ${seconds} s, OTLP/HTTP protobuf\n` +
        `  sustained        ${Math.round(rate).toLocaleString('en-US')} spans/s acknowledged (target ≥ 50,000)  [${r.spans.toLocaleString('en-US')} spans in ${r.elapsed.toFixed(1)} s, ${r.refused} exports refused as busy]\n` +
        `  export latency   p50 ${pct(r.latencies, 50).toFixed(1)} ms  p99 ${pct(r.latencies, 99).toFixed(1)} ms\n` +
        `  console peak RSS ${rss.toFixed(0)} MB\n` +
        `  disk             ${(bytes / count).toFixed(0)} bytes/span (${(bytes / 1e6).toFixed(1)} MB for ${count.toLocaleString('en-US')} stored spans)\n` +
        `  baseline         null receiver (read body, answer 200): ${Math.round(baseRate).toLocaleString('en-US')} spans/s over ${baselineSecs} s; store/baseline ratio ${(rate / baseRate).toFixed(3)}`,
    );
  } finally {
    await stopProcess(proc);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
