import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../scripts/stack/proc';
import { type Stack, startStack } from '../scripts/stack';

/** A fresh stack for a benchmark run: simulator, backfilled Prometheus, built console. */
export async function benchStack(name: string, history = '24h', simulatorArgs: string[] = []): Promise<Stack> {
  const port = await freePort();
  const stack = await startStack({
    dir: path.resolve(`data/bench-${name}`),
    consolePort: port,
    consoleHost: '127.0.0.1',
    history,
    simulatorArgs: ['--seed', '42', ...simulatorArgs],
    log: (m) => console.error(`[bench] ${m}`),
  });
  // Prometheus compacts the backfilled blocks in its first seconds: let that finish first.
  const settle = Number(process.env.BENCH_SETTLE_MS ?? 30_000);
  console.error(`[bench] letting the stack settle for ${settle / 1000} s`);
  await new Promise((r) => setTimeout(r, settle));
  return stack;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The q-quantile of xs (nearest rank); NaN for none. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** A process's resident memory, in MB, from /proc. */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
