/**
 * The load generator of bench/ingest, run as its own process: `senders` concurrent loops POST
 * OTLP/HTTP protobuf batches of 512 spans for `seconds`, then it prints one JSON line with the
 * spans acknowledged and every export's latency.
 */
import http from 'node:http';
import { freshBatch, makeTemplate } from './otlp-batch';

const [url, sendersArg, secondsArg] = process.argv.slice(2);
if (!url) throw new Error('usage: ingest-sender URL SENDERS SECONDS');
const senders = Number(sendersArg ?? 4);
const seconds = Number(secondsArg ?? 60);
const agent = new http.Agent({ keepAlive: true, maxSockets: senders });
const target = new URL(url);

function post(body: Buffer): Promise<{ status: number; retryAfter: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/x-protobuf', 'Content-Length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: Number(res.headers['retry-after'] ?? 0) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  const templates = Array.from({ length: 8 }, () => makeTemplate());
  const latencies: number[] = [];
  let spans = 0;
  let refused = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async (_, n) => {
      let k = n;
      while (performance.now() < until) {
        const t = templates[k++ % templates.length]!;
        const body = freshBatch(t);
        const t0 = performance.now();
        const r = await post(body);
        latencies.push(performance.now() - t0);
        if (r.status === 200) spans += t.spans;
        else {
          refused++;
          await new Promise((res) => setTimeout(res, Math.max(50, r.retryAfter * 1000)));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ spans, elapsed, refused, latencies })}\n`);
  agent.destroy();
}

void main();
