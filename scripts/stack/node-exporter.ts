import { ensureDebianBinary } from './debian';
import { httpOk, type Managed, startProcess, waitFor } from './proc';

/**
 * Debian's prometheus-node-exporter on a loopback port: this machine's real CPU, memory, disks
 * and network, scraped as Shannon's own scrape config does (job `node-exporter`), for the Hosts
 * dashboard. Installed when missing, as Prometheus is.
 */
export async function startNodeExporter(port: number, logFile: string): Promise<Managed> {
  const bin = ensureDebianBinary('prometheus-node-exporter', 'prometheus-node-exporter');
  const p = startProcess(
    'node-exporter',
    bin,
    [`--web.listen-address=127.0.0.1:${port}`, '--log.level=warn', '--no-collector.textfile'],
    logFile,
  );
  await waitFor('node-exporter to answer', () => httpOk(`http://127.0.0.1:${port}/metrics`), 30_000, p);
  return p;
}
