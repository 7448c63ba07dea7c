import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exposition, type Registry } from './registry';

export const OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

/** One service's metrics listener, like Shannon's :2112, :2113 and :8000. */
export function serveMetrics(
  registry: Registry,
  host: string,
  port: number,
  beforeScrape: () => void,
): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/metrics') {
      beforeScrape();
      res.writeHead(200, { 'Content-Type': OPENMETRICS_CONTENT_TYPE });
      res.end(exposition(registry));
      return;
    }
    if (url.pathname === '/health') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok\n');
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found: try /metrics\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}
