import fs from 'node:fs';
import path from 'node:path';
import { type Managed, startProcess, waitFor } from './proc';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type SimulatorPorts = { orchestrator: number; agentCore: number; llmService: number; historyEndMs: number };

/** Start the simulator (one node process, TypeScript through tsx) and wait until it listens. */
export async function startSimulator(opts: { dir: string; args: string[]; history?: string; logFile: string }) {
  const portsFile = path.join(opts.dir, 'simulator-ports.json');
  fs.rmSync(portsFile, { force: true });
  const historyFile = path.join(opts.dir, 'history.om');
  const args = ['--import', 'tsx', path.join(ROOT, 'simulator/main.ts'),
    '--orchestrator-port', '0', '--agent-core-port', '0', '--llm-port', '0',
    '--ports-file', portsFile, ...opts.args];
  if (opts.history) args.push('--history', opts.history, '--history-out', historyFile);
  const p: Managed = startProcess('simulator', process.execPath, args, opts.logFile, { cwd: ROOT });
  await waitFor('the simulator to listen', async () => fs.existsSync(portsFile), 180_000, p);
  const ports = JSON.parse(fs.readFileSync(portsFile, 'utf8')) as SimulatorPorts;
  return { process: p, ports, historyFile: opts.history ? historyFile : undefined };
}
