import path from 'node:path';
import { freePort } from './scripts/stack/proc';
import { startStack } from './scripts/stack';
const stack = await startStack({ dir: path.resolve('data/probe-ne'), consolePort: await freePort(), consoleHost: '127.0.0.1', history: '1h', simulatorArgs: ['--seed', '42'], log: () => {} });
try {
  await new Promise((r) => setTimeout(r, 12000));
  for (const q of ['up', 'count(count by (instance, cpu) (node_cpu_seconds_total{ }))', 'node_uname_info']) {
    const r = await fetch(`${stack.info.prometheusUrl}/api/v1/query?query=${encodeURIComponent(q)}`);
    console.log(q, JSON.stringify(await r.json()).slice(0, 600));
  }
  const t = await fetch(`${stack.info.prometheusUrl}/api/v1/targets`);
  console.log(JSON.stringify(await t.json()).slice(0, 1500));
} finally { await stack.stop(); }
