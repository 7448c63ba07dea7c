import path from 'node:path';
import { startStack } from './stack';
import { portFree, preferredPort } from './stack/proc';

/**
 * The OTLP port for the demo: the one `name` asks for (it must be free: the demo says so and
 * stops when it is not), else the standard port when free, else any free port (said aloud).
 */
async function otlpPort(name: string, standard: number): Promise<number> {
  const asked = process.env[name];
  if (asked !== undefined && asked !== '') {
    const port = Number(asked);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      console.error(
        `demo: ${name} must be a port number from 1 to 65535 (the demo needs both OTLP receivers), got "${asked}"`,
      );
      process.exit(2);
    }
    if (!(await portFree(port))) {
      console.error(`demo: ${name}=${port} is taken by another program: free it, or set ${name} to another port`);
      process.exit(2);
    }
    return port;
  }
  const port = await preferredPort(standard);
  if (port !== standard)
    console.log(
      `[demo] port ${standard} is taken: ${name.replace('_PORT', '').replace('_', '/')} listens on ${port} instead (set ${name} to choose)`,
    );
  return port;
}

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
  // Shannon's exporters default to 4317 (gRPC) and 4318 (HTTP).
  const otlpPorts = { grpc: await otlpPort('OTLP_GRPC_PORT', 4317), http: await otlpPort('OTLP_HTTP_PORT', 4318) };
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
