import 'server-only';
import { getConfig } from '../config';
import { PromClient } from '../prometheus/client';
import { nodeFetch } from '../prometheus/node-fetch';
import { consoleMetrics } from './metrics';

const g = globalThis as unknown as { __promClient?: PromClient };

/** The process's Prometheus client, instrumented with the console's metrics. */
export function promClient(): PromClient {
  if (g.__promClient) return g.__promClient;
  const cfg = getConfig();
  const m = consoleMetrics();
  g.__promClient = new PromClient({
    baseUrl: cfg.prometheusUrl,
    timeoutMs: cfg.prometheusTimeoutMs,
    fetchImpl: nodeFetch,
    onRequest: (endpoint, seconds, outcome) => {
      m.upstreamDuration.observe({ endpoint, outcome }, seconds);
      if (outcome !== 'ok') m.upstreamErrors.inc({ endpoint, kind: outcome });
    },
  });
  return g.__promClient;
}
