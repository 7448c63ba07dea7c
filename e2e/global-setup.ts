import fs from 'node:fs';
import path from 'node:path';
import { ensureDebianBinary } from '../scripts/stack/debian';
import { freePort } from '../scripts/stack/proc';
import { startStack } from '../scripts/stack';
import { HOSTILE_WORKFLOW_TYPE, SIM_CANARY_PERCENT, SIM_SEED } from './constants';

/** Start the real stack once for the whole run; the returned function stops it. */
export default async function globalSetup() {
  // Playwright drives Debian's Chromium; it never downloads a browser.
  if (!process.env.CHROMIUM_PATH) ensureDebianBinary('chromium', 'chromium');
  const port = await freePort();
  const dir = path.resolve('data/e2e');
  // Every run starts from an empty trace store: a trace left by an earlier run would match searches.
  fs.rmSync(path.join(dir, 'console'), { recursive: true, force: true });
  const stack = await startStack({
    dir,
    consolePort: port,
    consoleHost: '127.0.0.1',
    history: '1h',
    simulatorArgs: [
      '--seed',
      String(SIM_SEED),
      '--rate',
      '6',
      '--canary-percent',
      String(SIM_CANARY_PERCENT),
      '--extra-workflow-type',
      HOSTILE_WORKFLOW_TYPE,
    ],
    log: (m) => console.log(`[e2e] ${m}`),
  });
  process.env.E2E_STACK_FILE = path.join(stack.info.dir, 'stack.json');
  process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
  return async () => {
    await stack.stop();
  };
}
