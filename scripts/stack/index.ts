import fs from 'node:fs';
import path from 'node:path';
import { startNodeExporter } from './node-exporter';
import { buildConsole, needsBuild, startConsole } from './console';
import { freePort, type Managed, stopProcess } from './proc';
import { backfill, startPrometheus, writePrometheusConfig } from './prometheus';

/** Shannon's SLO alert rules, loaded by every Prometheus the scripts start. */
const SLO_RULES = path.join(import.meta.dirname, 'shannon-slo.rules.yml');
import { startSimulator } from './simulator';

export type StackOptions = {
  /** Folder for everything this stack writes; Prometheus's part is wiped at start. */
  dir: string;
  consolePort: number;
  consoleHost?: string;
  /** How much past data to backfill (e.g. 6h); empty for none. */
  history?: string;
  simulatorArgs?: string[];
  scrapeInterval?: string;
  /** OTLP listener ports of the console; any free ports when not given. */
  otlpPorts?: { grpc: number; http: number };
  /** Extra environment for the console (e.g. TRACE_RETENTION). */
  consoleEnv?: Record<string, string>;
  log?: (msg: string) => void;
};

export type StackInfo = {
  dir: string;
  consoleUrl: string;
  prometheusUrl: string;
  prometheusPort: number;
  prometheusConfig: string;
  tsdbDir: string;
  simulator: { orchestrator: number; agentCore: number; llmService: number };
  /** this machine's node-exporter (job `node-exporter`) */
  nodeExporterPort: number;
  historyEndMs: number;
  otlp: { grpcPort: number; httpPort: number };
  /** the console's DATA_DIR (its trace store lives here) */
  consoleDataDir: string;
  pids: Record<string, number | undefined>;
};

export type Stack = { info: StackInfo; processes: Managed[]; stop: () => Promise<void> };

/** Simulator → backfilled Prometheus → console, each waited for. */
export async function startStack(o: StackOptions): Promise<Stack> {
  const log = o.log ?? ((m: string) => console.log(`[stack] ${m}`));
  const dir = path.resolve(o.dir);
  const tsdbDir = path.join(dir, 'prometheus');
  fs.rmSync(tsdbDir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const processes: Managed[] = [];
  const stop = async () => {
    for (const p of [...processes].reverse()) await stopProcess(p);
  };
  try {
    if (needsBuild()) buildConsole();
    // The console first: the simulator sends traces from its first live request.
    const promPort = await freePort();
    const prometheusUrl = `http://127.0.0.1:${promPort}`;
    const otlp = o.otlpPorts ?? { grpc: await freePort(), http: await freePort() };
    const consoleDataDir = path.join(dir, 'console');
    log(`starting the console on port ${o.consolePort} (OTLP gRPC ${otlp.grpc}, HTTP ${otlp.http})...`);
    const consoleProc = await startConsole({
      port: o.consolePort,
      host: o.consoleHost,
      logFile: path.join(dir, 'console.log'),
      env: {
        PROMETHEUS_URL: prometheusUrl,
        PROMETHEUS_SCRAPE_INTERVAL: '15s',
        DATA_DIR: consoleDataDir,
        OTLP_GRPC_PORT: String(otlp.grpc),
        OTLP_HTTP_PORT: String(otlp.http),
        ...o.consoleEnv,
      },
    });
    processes.push(consoleProc);
    log(
      o.history
        ? `starting the Shannon simulator and writing ${o.history} of history...`
        : 'starting the Shannon simulator...',
    );
    const simArgs = [
      '--otlp-grpc',
      `http://127.0.0.1:${otlp.grpc}`,
      '--otlp-http',
      `http://127.0.0.1:${otlp.http}`,
      ...(o.simulatorArgs ?? []),
    ];
    const sim = await startSimulator({
      dir,
      args: simArgs,
      history: o.history,
      logFile: path.join(dir, 'simulator.log'),
    });
    processes.push(sim.process);
    let simPorts = sim.ports;
    if (sim.historyFile) {
      log('backfilling Prometheus with promtool...');
      backfill(sim.historyFile, tsdbDir);
      fs.rmSync(sim.historyFile, { force: true });
      // The minutes that took are history too: live scraping then starts where the data ends.
      const rest = await sim.finishHistory();
      simPorts = rest.ports;
      if (rest.gapFile) {
        backfill(rest.gapFile, tsdbDir);
        fs.rmSync(rest.gapFile, { force: true });
      }
    }
    const nodePort = await freePort();
    log(`starting node-exporter on 127.0.0.1:${nodePort}...`);
    processes.push(await startNodeExporter(nodePort, path.join(dir, 'node-exporter.log')));
    const configFile = writePrometheusConfig(
      dir,
      [
        { job: 'orchestrator', address: `127.0.0.1:${simPorts.orchestrator}` },
        { job: 'agent-core', address: `127.0.0.1:${simPorts.agentCore}` },
        { job: 'llm-service', address: `127.0.0.1:${simPorts.llmService}` },
        { job: 'node-exporter', address: `127.0.0.1:${nodePort}` },
      ],
      o.scrapeInterval ?? '5s',
      [SLO_RULES],
    );
    log(`starting Prometheus on 127.0.0.1:${promPort}...`);
    const prom = await startPrometheus({
      port: promPort,
      configFile,
      tsdbDir,
      logFile: path.join(dir, 'prometheus.log'),
    });
    processes.push(prom);
    const info: StackInfo = {
      dir,
      consoleUrl: `http://localhost:${o.consolePort}`,
      prometheusUrl,
      prometheusPort: promPort,
      prometheusConfig: configFile,
      tsdbDir,
      simulator: {
        orchestrator: simPorts.orchestrator,
        agentCore: simPorts.agentCore,
        llmService: simPorts.llmService,
      },
      nodeExporterPort: nodePort,
      historyEndMs: simPorts.historyEndMs,
      otlp: { grpcPort: otlp.grpc, httpPort: otlp.http },
      consoleDataDir,
      pids: Object.fromEntries(processes.map((p) => [p.name, p.child.pid])),
    };
    fs.writeFileSync(path.join(dir, 'stack.json'), JSON.stringify(info, null, 2));
    return { info, processes, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
