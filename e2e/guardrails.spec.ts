import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, freshDir, test } from './fixtures';
import { startConsoleInstance } from './otlp-helpers';

type Answer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { error?: { code: string; message: string } };
};

/** A GET from a chosen local address: 127.0.0.x are all this machine, and the console tells users without logins apart by address. */
function getFrom(localAddress: string, url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { localAddress }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
      })
      .on('error', reject);
  });
}

/**
 * Fault injection (the real Prometheus cannot be made slow on demand): a pass-through in front of
 * the stack's Prometheus that holds every answer for `delayMs`, so that queries overlap for sure.
 */
async function slowProxy(target: string, delayMs: number) {
  const t = new URL(target);
  const server = http.createServer((req, res) => {
    const up = http.request(
      { host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () =>
          setTimeout(() => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            res.end(Buffer.concat(chunks));
          }, delayMs),
        );
      },
    );
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

test('over a guardrail the answer is 422 and says how to narrow the query: series, points per series, bytes', async ({
  stack,
}) => {
  const c = await startConsoleInstance(
    { PROMETHEUS_URL: stack.prometheusUrl, QUERY_MAX_SERIES: '5', QUERY_MAX_POINTS: '1000' },
    freshDir('guardrails'),
  );
  const small = await startConsoleInstance(
    { PROMETHEUS_URL: stack.prometheusUrl, QUERY_MAX_BYTES: '64KiB' },
    freshDir('guardrails-bytes'),
  );
  try {
    const all = encodeURIComponent('{__name__=~".+"}');
    const many = await getFrom('127.0.0.1', `${c.url}/api/prom/query?query=${all}`);
    expect(many.status).toBe(422);
    expect(many.body.error!.code).toBe('too_large');
    expect(many.body.error!.message).toMatch(
      /^the query returns \d+ series, more than 5 \(QUERY_MAX_SERIES\): aggregate it/,
    );
    const now = Math.floor(Date.now() / 1000);
    const points = await getFrom(
      '127.0.0.1',
      `${c.url}/api/prom/query_range?query=up&start=${now - 3600}&end=${now}&step=1`,
    );
    expect(points.status).toBe(422);
    expect(points.body.error!.message).toBe(
      'the range and step give 3601 points per series, more than 1000 (QUERY_MAX_POINTS): use a step of at least 4s or a shorter range',
    );
    // A narrower query is answered.
    expect(
      (await getFrom('127.0.0.1', `${c.url}/api/prom/query?query=${encodeURIComponent('count(up)')}`)).status,
    ).toBe(200);
    const big = await getFrom('127.0.0.1', `${small.url}/api/prom/query?query=${all}`);
    expect(big.status).toBe(422);
    expect(big.body.error!.message).toMatch(/^Prometheus's answer is larger than 65536 bytes \(QUERY_MAX_BYTES\)/);
    // The console is fine afterwards.
    expect((await getFrom('127.0.0.1', `${small.url}/api/prom/query?query=up`)).status).toBe(200);
  } finally {
    await c.stop();
    await small.stop();
  }
});

test('too many queries at once: 429 with Retry-After for the one who asked too much, others unaffected, then success', async ({
  stack,
}) => {
  const slow = await slowProxy(stack.prometheusUrl, 1500);
  const c = await startConsoleInstance(
    {
      PROMETHEUS_URL: slow.url,
      QUERY_CONCURRENCY: '4',
      QUERY_CONCURRENCY_PER_USER: '1',
      QUERY_QUEUE: '0',
      QUERY_QUEUE_WAIT: '2s',
    },
    freshDir('guardrails-busy'),
  );
  try {
    const q = `${c.url}/api/prom/query?query=up`;
    const first = getFrom('127.0.0.1', q);
    await new Promise((r) => setTimeout(r, 200)); // the first holds the user's one slot
    const [second, other] = await Promise.all([getFrom('127.0.0.1', q), getFrom('127.0.0.2', q)]);
    expect(second.status).toBe(429);
    expect(second.body.error!.code).toBe('overloaded');
    expect(second.headers['retry-after']).toBe('2');
    expect(other.status).toBe(200);
    expect((await first).status).toBe(200);
    await new Promise((r) => setTimeout(r, Number(second.headers['retry-after']) * 1000));
    expect((await getFrom('127.0.0.1', q)).status).toBe(200);
  } finally {
    await c.stop();
    slow.close();
  }
});
