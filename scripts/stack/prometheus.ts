import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDebianBinary } from './debian';
import { httpOk, type Managed, startProcess, waitFor } from './proc';

export type ScrapeTarget = { job: string; address: string };

export function writePrometheusConfig(
  dir: string,
  targets: ScrapeTarget[],
  scrapeInterval = '5s',
  ruleFiles: string[] = [],
): string {
  const lines = ['global:', `  scrape_interval: ${scrapeInterval}`, '  evaluation_interval: 15s'];
  if (ruleFiles.length) lines.push('rule_files:', ...ruleFiles.map((f) => `  - ${JSON.stringify(f)}`));
  lines.push('scrape_configs:');
  for (const t of targets) {
    lines.push(
      `  - job_name: ${JSON.stringify(t.job)}`,
      '    static_configs:',
      `      - targets: [${JSON.stringify(t.address)}]`,
    );
  }
  const file = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Turn an OpenMetrics history file into TSDB blocks in Prometheus's data dir. */
export function backfill(historyFile: string, tsdbDir: string): void {
  const promtool = ensureDebianBinary('promtool', 'prometheus');
  fs.mkdirSync(tsdbDir, { recursive: true });
  execFileSync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', historyFile, tsdbDir], { stdio: 'ignore' });
}

export async function startPrometheus(opts: {
  port: number;
  configFile: string;
  tsdbDir: string;
  logFile: string;
}): Promise<Managed> {
  const bin = ensureDebianBinary('prometheus', 'prometheus');
  fs.mkdirSync(opts.tsdbDir, { recursive: true });
  const p = startProcess(
    'prometheus',
    bin,
    [
      `--config.file=${opts.configFile}`,
      `--storage.tsdb.path=${opts.tsdbDir}`,
      `--web.listen-address=127.0.0.1:${opts.port}`,
      '--enable-feature=exemplar-storage',
      '--storage.tsdb.retention.time=15d',
      '--web.enable-lifecycle',
      '--log.level=warn',
    ],
    opts.logFile,
  );
  await waitFor('Prometheus to be ready', () => httpOk(`http://127.0.0.1:${opts.port}/-/ready`), 60_000, p);
  return p;
}
