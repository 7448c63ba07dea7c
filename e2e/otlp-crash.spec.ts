import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { countSpans, integrityCheck, startConsoleInstance } from './otlp-helpers';
import { sdkProtobufExport } from './otlp-payloads';

/**
 * Crash safety: a client exports continuously, the console gets SIGKILL mid-stream, and after a
 * restart every span that was acknowledged (HTTP 200) is in the store, which SQLite finds intact.
 */
test('kill -9 mid-stream loses no acknowledged span, and the database opens cleanly', async () => {
  test.setTimeout(120_000);
  const c = await startConsoleInstance({});
  const url = `http://127.0.0.1:${c.httpPort}/v1/traces`;
  const acked: { traceId: string; spans: number }[] = [];
  let sent = 0;
  let stop = false;
  const sender = async () => {
    while (!stop) {
      const p = sdkProtobufExport('e2e-crash', 50);
      sent++;
      try {
        const res = await fetch(url, {
          method: 'POST',
          body: new Uint8Array(p.body),
          headers: { 'Content-Type': 'application/x-protobuf' },
        });
        await res.arrayBuffer();
        if (res.status === 200) acked.push({ traceId: p.traceId, spans: 50 });
      } catch {
        // The server died with this request in flight: it was never acknowledged.
      }
    }
  };
  const senders = Promise.all([sender(), sender(), sender(), sender()]);
  await expect.poll(() => acked.length, { timeout: 30_000 }).toBeGreaterThan(40);
  c.proc.child.kill('SIGKILL');
  await new Promise<void>((r) => c.proc.child.once('exit', () => r()));
  stop = true;
  await senders;
  expect(sent).toBeGreaterThan(acked.length);

  const file = path.join(c.dataDir, 'traces.sqlite');
  // A restart opens (and recovers) the database, then every acknowledged span must be there.
  const again = await startConsoleInstance({}, c.dataDir, { port: c.port, grpc: c.grpcPort, http: c.httpPort });
  try {
    const missing = acked
      .filter((a) => countSpans(file, a.traceId) !== a.spans)
      .map((a) => ({ ...a, found: countSpans(file, a.traceId) }));
    expect(missing, `acknowledged traces missing spans (of ${acked.length})`).toEqual([]);
    const res = await fetch(`${again.url}/api/traces/${acked[0]?.traceId}`);
    expect(res.status).toBe(200);
  } finally {
    await again.stop();
  }
  expect(integrityCheck(file)).toBe('ok');
  fs.rmSync(c.dataDir, { recursive: true, force: true });
});
