import fs from 'node:fs';
import path from 'node:path';
import { type Managed, startProcess, waitFor } from './proc';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type SimulatorPorts = {
  orchestrator: number;
  agentCore: number;
  llmService: number;
  historyEndMs: number;
  holding?: boolean;
};

/** Start the simulator (one node process, TypeScript through tsx) and wait until it listens. */
export async function startSimulator(opts: { dir: string; args: string[]; history?: string; logFile: string }) {
  const portsFile = path.join(opts.dir, 'simulator-ports.json');
  fs.rmSync(portsFile, { force: true });
  const historyFile = path.join(opts.dir, 'history.om');
  const args = [
    '--import',
    'tsx',
    path.join(ROOT, 'simulator/main.ts'),
    '--orchestrator-port',
    '0',
    '--agent-core-port',
    '0',
    '--llm-port',
    '0',
    '--ports-file',
    portsFile,
    ...opts.args,
  ];
  // With history the simulator holds before going live, so the backfill can end where live begins.
  if (opts.history) args.push('--history', opts.history, '--history-out', historyFile, '--history-hold', 'on');
  const p: Managed = startProcess('simulator', process.execPath, args, opts.logFile, { cwd: ROOT });
  await waitFor('the simulator to listen', async () => fs.existsSync(portsFile), 180_000, p);
  const ports = JSON.parse(fs.readFileSync(portsFile, 'utf8')) as SimulatorPorts;
  /**
   * Called once the history file is backfilled: the simulator writes the time that took as
   * `history.om.gap` (absent when under one step) and goes live. Returns that file and the
   * ports with the final end of history.
   */
  const finishHistory = async (): Promise<{ gapFile?: string; ports: SimulatorPorts }> => {
    if (!ports.holding) return { ports };
    p.child.kill('SIGUSR2');
    let final: SimulatorPorts | undefined;
    await waitFor(
      'the simulator to write the rest of its history and go live',
      async () => {
        const now = JSON.parse(fs.readFileSync(portsFile, 'utf8')) as SimulatorPorts;
        if (!now.holding) final = now;
        return final !== undefined;
      },
      60_000,
      p,
    );
    const gapFile = `${historyFile}.gap`;
    return { ports: final!, ...(fs.existsSync(gapFile) ? { gapFile } : {}) };
  };
  return { process: p, ports, historyFile: opts.history ? historyFile : undefined, finishHistory };
}
