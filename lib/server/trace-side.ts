/**
 * The trace side of the console server: the embedded store (when TRACE_STORE=embedded), the
 * OTLP/gRPC listener, the dedicated OTLP/HTTP listener, and the /v1/traces handler the main port
 * shares. Ports set to 0 are off.
 */
import http from 'node:http';
import type { Config } from '../config';
import { setTraceStore } from './traces';
import type { ReceiverOptions } from '../traces/receiver/common';
import { startOtlpGrpc } from '../traces/receiver/grpc';
import { handleOtlpHttp } from '../traces/receiver/http';
import { EmbeddedStore } from '../traces/store/embedded';

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export async function startTraceStore(cfg: Config): Promise<{ otlpHttp?: NodeHandler; stop: () => Promise<void> }> {
  if (cfg.traceStore !== 'embedded') {
    const why = `TRACE_STORE=${cfg.traceStore} is not implemented yet: use TRACE_STORE=embedded`;
    setTraceStore(undefined, why);
    console.log(`[shannon-console] ${why}; the trace API answers 503 until then`);
    return { stop: async () => {} };
  }
  const store = await EmbeddedStore.open({
    dataDir: cfg.dataDir,
    sync: cfg.traceSync,
    retentionMs: cfg.traceRetentionMs,
    maxBytes: cfg.traceMaxBytes,
    queueBytes: cfg.otlpQueueBytes,
    testDelayMs: cfg.traceWriterTestDelayMs,
  });
  setTraceStore(store);
  const opts: ReceiverOptions = {
    store,
    maxBytes: cfg.otlpMaxBytes,
    ...(cfg.otlpToken ? { token: cfg.otlpToken } : {}),
  };
  const otlpHttp: NodeHandler = (req, res) => {
    handleOtlpHttp(req, res, opts).catch((e: unknown) => {
      console.error('[shannon-console] OTLP/HTTP export failed', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 13, message: 'internal error' }));
    });
  };
  const stops: (() => Promise<void>)[] = [];
  if (cfg.otlpGrpcPort !== 0) {
    const g = await startOtlpGrpc({ ...opts, host: cfg.host, port: cfg.otlpGrpcPort });
    console.log(`[shannon-console] OTLP/gRPC on ${cfg.host}:${g.port}`);
    stops.push(g.stop);
  }
  if (cfg.otlpHttpPort !== 0) {
    const server = http.createServer((req, res) => {
      if ((req.url ?? '').split('?')[0] === '/v1/traces') return otlpHttp(req, res);
      req.resume();
      res.writeHead(404, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          code: 5,
          message: `no OTLP signal at ${req.url}: this receiver takes traces at /v1/traces`,
        }),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(cfg.otlpHttpPort, cfg.host, () => resolve());
    });
    console.log(`[shannon-console] OTLP/HTTP on ${cfg.host}:${cfg.otlpHttpPort}/v1/traces`);
    stops.push(() => new Promise((r) => server.close(() => r())));
  }
  console.log(
    `[shannon-console] trace store at ${store.file} (sync ${cfg.traceSync}, retention ${cfg.traceRetentionMs / 3_600_000}h)`,
  );
  return {
    otlpHttp,
    stop: async () => {
      await Promise.all(stops.map((s) => s().catch(() => {})));
      await store.close();
    },
  };
}
