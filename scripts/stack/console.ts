import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { httpOk, httpsOkAnyCert, type Managed, startProcess, waitFor } from './proc';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'package.json',
  'package-lock.json',
  'next.config.ts',
  'postcss.config.mjs',
  'instrumentation.ts',
  'instrumentation-node.ts',
];
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
const SERVE = path.join(ROOT, 'scripts/serve.ts');

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) {
    if (e.endsWith('.test.ts')) continue; // tests are not part of the build
    max = Math.max(max, newestMtime(path.join(p, e)));
  }
  return max;
}

/** Whether the production build is missing or older than any source file. */
export function needsBuild(): boolean {
  const buildId = path.join(ROOT, '.next/BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

export function buildConsole(): void {
  console.log('[stack] building the console (next build)...');
  execFileSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

export async function startConsole(opts: {
  port: number;
  host?: string;
  env: Record<string, string>;
  logFile: string;
}): Promise<Managed> {
  // What `npm start` runs, without npm in between (one process to stop).
  const p = startProcess('console', process.execPath, ['--import', 'tsx', SERVE], opts.logFile, {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.server.json'),
      PORT: String(opts.port),
      HOST: opts.host ?? '127.0.0.1',
      ...opts.env,
    },
  });
  // With TLS on, the health check speaks https (to the console's own certificate, whoever signed it).
  const check = opts.env.TLS_CERT_FILE
    ? () => httpsOkAnyCert(`https://127.0.0.1:${opts.port}/api/health`)
    : () => httpOk(`http://127.0.0.1:${opts.port}/api/health`);
  await waitFor('the console to answer /api/health', check, 60_000, p);
  return p;
}
