import 'server-only';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { processSlot } from './process';

/** The console's own metrics, served at /api/metrics. One registry per process. */
export type ConsoleMetrics = {
  registry: Registry;
  httpDuration: Histogram<'route' | 'method' | 'status'>;
  upstreamDuration: Histogram<'endpoint' | 'outcome'>;
  upstreamErrors: Counter<'endpoint' | 'kind'>;
  rangeCache: Counter<'outcome'>;
  otlpSpans: Counter<'transport' | 'outcome'>;
  otlpRequests: Histogram<'transport' | 'status'>;
};

export function consoleMetrics(): ConsoleMetrics {
  return processSlot('metrics', createMetrics);
}

function createMetrics(): ConsoleMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'shannon_console_' });
  const m: ConsoleMetrics = {
    registry,
    httpDuration: new Histogram({
      name: 'shannon_console_http_request_duration_seconds',
      help: 'Duration of requests to the console API, by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'shannon_console_prometheus_request_duration_seconds',
      help: 'Duration of requests from the console to Prometheus, by API endpoint and outcome.',
      labelNames: ['endpoint', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'shannon_console_prometheus_errors_total',
      help: 'Failed requests from the console to Prometheus, by API endpoint and kind of failure.',
      labelNames: ['endpoint', 'kind'],
      registers: [registry],
    }),
    rangeCache: new Counter({
      name: 'shannon_console_range_cache_requests_total',
      help: 'Range queries by how the incremental cache answered: hit (no upstream request), partial (only the missing part asked), miss (all asked).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    otlpSpans: new Counter({
      name: 'shannon_console_otlp_spans_total',
      help: 'Spans received over OTLP, by transport (grpc, http) and outcome (accepted, duplicate, rejected).',
      labelNames: ['transport', 'outcome'],
      registers: [registry],
    }),
    otlpRequests: new Histogram({
      name: 'shannon_console_otlp_request_duration_seconds',
      help: 'OTLP export requests from arrival to acknowledgement (after the spans committed), by transport and status.',
      labelNames: ['transport', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
  return m;
}
