import path from 'node:path';
import { startStack } from './stack';
import { preferredPort } from './stack/proc';

/**
 * `npm run demo`: a simulated Shannon, a real Prometheus with 6 hours of backfilled history,
 * and the console's production server. Ctrl-C stops everything it started.
 */
async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`demo: PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(2);
  }
  const history = process.env.DEMO_HISTORY ?? '6h';
  const started = Date.now();
  // Shannon's exporters default to 4317 (gRPC) and 4318 (HTTP): take them when they are free.
  const otlpPorts = { grpc: await preferredPort(4317), http: await preferredPort(4318) };
  const stack = await startStack({
    otlpPorts,
    dir: path.resolve(process.env.DEMO_DIR ?? 'data/demo'),
    consolePort: port,
    history,
    simulatorArgs: (process.env.SIMULATOR_ARGS ?? '').split(' ').filter(Boolean),
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[demo] ${signal}: stopping the console, Prometheus and the simulator...`);
    await stack.stop();
    console.log('[demo] stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  for (const p of stack.processes) {
    p.child.once('exit', (code) => {
      if (!stopping) {
        console.error(`[demo] ${p.name} exited unexpectedly (code ${code}); see ${p.logFile}`);
        void shutdown('failure');
      }
    });
  }
  console.log(`
Shannon Console is up after ${Math.round((Date.now() - started) / 1000)} s:

  Console     ${stack.info.consoleUrl}/workflows
  Prometheus  ${stack.info.prometheusUrl}  (${history} of simulated history)
  OTLP        gRPC 127.0.0.1:${stack.info.otlp.grpcPort}, HTTP http://127.0.0.1:${stack.info.otlp.httpPort}/v1/traces
  Traces      ${stack.info.consoleUrl}/api/traces  (the simulator sends real OTel SDK traces)
  Logs        ${stack.info.dir}

Press Ctrl-C to stop everything.`);
}

main().catch((e) => {
  console.error(`[demo] failed: ${(e as Error).message}`);
  process.exit(1);
});
