import fs from 'node:fs';
import path from 'node:path';
import { Simulation } from './engine';
import { writeHistory } from './history';
import { parseKnobs } from './knobs';
import { serveMetrics } from './server';
import { SimulatorTracing } from './tracing';

/**
 * `npm run simulate -- --rate 4 --seed 42 ...`: a simulated Shannon on three metrics listeners.
 * With --history 6h --history-out FILE it first writes six hours of past samples for backfill,
 * then continues live from the same state.
 */
const USAGE = `usage: npm run simulate -- [--flag value ...]
  --seed N                 repeatable runs (42)
  --rate R                 gateway requests per second at the daily mean (4)
  --daily-amplitude A      ± share of the daily curve, 0 = flat (0.35)
  --slow-fraction F        share of workflows in the slow tail (0.03)
  --slow-factor X          how much slower they are (8)
  --error-rate F           share of workflows that fail (0.04)
  --canary-percent P       share of policy evaluations routed to enforce (5)
  --deny-rate F            base probability a policy evaluation would deny (0.06)
  --kill-switch off|on|ISO kill switch, or on from that time (off)
  --extra-workflow-type T  one more workflow type (tests use a hostile value)
  --orchestrator-port, --agent-core-port, --llm-port   listeners (2112, 2113, 8000; 0 = any)
  --host H                 listen address (127.0.0.1)
  --history D --history-out FILE [--history-step S]    write D of past samples for backfill
  --history-hold on        after the history, wait for SIGUSR2, write the time since to FILE.gap, then go live
  --otlp-grpc URL          send orchestrator traces over OTLP/gRPC (e.g. http://127.0.0.1:4317)
  --otlp-http URL          send llm-service (protobuf) and agent-core (JSON) traces over OTLP/HTTP
                           (base URL, e.g. http://127.0.0.1:4318; /v1/traces is appended)
  --otlp-token T           Authorization: Bearer T on trace exports
  --ports-file FILE        write the ports as JSON once listening`;

async function main() {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  let knobs;
  try {
    knobs = parseKnobs(process.argv.slice(2));
  } catch (e) {
    console.error(`simulator: ${(e as Error).message}`);
    process.exit(2);
  }
  const now = Date.now();
  const start = now - knobs.history;
  const sim = new Simulation(knobs, start);
  // Live time starts when the history is complete (with --history-hold, after the gap is written).
  let live = false;
  const catchUp = () => {
    if (live) sim.advanceTo(Date.now());
  };
  const { orch, agent, llm } = sim.services;
  const listeners = await Promise.all([
    serveMetrics(orch.registry, knobs.host, knobs.orchestratorPort, catchUp),
    serveMetrics(agent.registry, knobs.host, knobs.agentCorePort, catchUp),
    serveMetrics(llm.registry, knobs.host, knobs.llmPort, catchUp),
  ]);
  const [o, a, l] = listeners.map((x) => x.port) as [number, number, number];
  const instance = (p: number) => `${knobs.host}:${p}`;
  const targets = [
    { job: 'orchestrator', instance: instance(o), registry: orch.registry },
    { job: 'agent-core', instance: instance(a), registry: agent.registry },
    { job: 'llm-service', instance: instance(l), registry: llm.registry },
  ];

  let historyEndMs = now;
  if (knobs.history > 0) {
    if (!knobs.historyOut) throw new Error('--history needs --history-out FILE');
    const out = path.resolve(knobs.historyOut);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const t0 = performance.now();
    const lastSnapshot = writeHistory(sim, targets, start, now, knobs.historyStep, out);
    console.log(
      `simulator: wrote ${knobs.history / 3_600_000}h of history to ${out} in ${Math.round(performance.now() - t0)} ms`,
    );
    if (knobs.historyHold === 'on') {
      // The backfill of that file takes a while: the time it takes is written too, when asked,
      // so that Prometheus's data runs without a gap into the first live scrape.
      const ports = { orchestrator: o, agentCore: a, llmService: l, historyEndMs: now, holding: true };
      if (knobs.portsFile) fs.writeFileSync(knobs.portsFile, JSON.stringify(ports));
      console.log('simulator: holding for SIGUSR2 to write the gap since the history ended');
      await new Promise<void>((resolve) => process.once('SIGUSR2', () => resolve()));
      const gapEnd = Date.now();
      const gapFile = `${out}.gap`;
      // At least one snapshot, else nothing to write (promtool refuses a file without samples).
      if (lastSnapshot + knobs.historyStep <= gapEnd) {
        writeHistory(sim, targets, lastSnapshot + knobs.historyStep, gapEnd, knobs.historyStep, `${gapFile}.tmp`);
        fs.renameSync(`${gapFile}.tmp`, gapFile);
      }
      historyEndMs = gapEnd;
      console.log(`simulator: wrote the ${Math.round((gapEnd - now) / 1000)} s since the history ended to ${gapFile}`);
    }
  }
  // Traces from the first live request on, and exemplars only on traced requests.
  const tracing =
    knobs.otlpGrpc || knobs.otlpHttp
      ? new SimulatorTracing({
          ...(knobs.otlpGrpc ? { grpcUrl: knobs.otlpGrpc } : {}),
          ...(knobs.otlpHttp ? { httpUrl: knobs.otlpHttp } : {}),
          ...(knobs.otlpToken ? { headers: { Authorization: `Bearer ${knobs.otlpToken}` } } : {}),
        })
      : undefined;
  if (tracing) sim.onRequest = (out) => tracing.record(out);
  live = true;
  catchUp();
  const timer = setInterval(catchUp, knobs.tick);
  const ports = { orchestrator: o, agentCore: a, llmService: l, historyEndMs };
  if (knobs.portsFile) fs.writeFileSync(knobs.portsFile, JSON.stringify(ports));
  console.log(
    `simulator: ready orchestrator=${instance(o)} agent-core=${instance(a)} llm-service=${instance(l)} seed=${knobs.seed}`,
  );

  const stop = () => {
    clearInterval(timer);
    for (const x of listeners) x.server.close();
    void (tracing?.shutdown() ?? Promise.resolve()).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`simulator: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
