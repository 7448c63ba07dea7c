import 'server-only';
import fs from 'node:fs';
import { getConfig } from '../config';
import { PromClient } from '../prometheus/client';
import {
  type CompactExemplar,
  type CompactMatrix,
  compactExemplars,
  compactMatrix,
  compactVector,
} from '../prometheus/compact';
import { assembleCanary, canaryQueries, type VectorRow } from '../policy/canary-queries';
import { alertRules, presenceQuery, requiredMetrics } from '../overview/alerts';
import { QueryLimiter } from '../prometheus/limiter';
import { RangeCache } from '../prometheus/range-cache';
import { thinExemplars } from '../charts/exemplars';
import { makeNodeFetch } from '../prometheus/node-fetch';
import { consoleMetrics } from './metrics';
import { peekProcessSlot, processSlot } from './process';

/** The process's Prometheus client, instrumented with the console's metrics. */
export function promClient(): PromClient {
  return processSlot('promClient', createPromClient);
}

function createPromClient(): PromClient {
  const cfg = getConfig();
  const m = consoleMetrics();
  return new PromClient({
    baseUrl: cfg.prometheusUrl,
    timeoutMs: cfg.prometheusTimeoutMs,
    fetchImpl: makeNodeFetch({
      headers: cfg.prometheusAuth.headers,
      ...(cfg.prometheusAuth.caFile ? { ca: fs.readFileSync(cfg.prometheusAuth.caFile) } : {}),
    }),
    guardrails: cfg.guardrails,
    limiter: new QueryLimiter({
      concurrency: cfg.guardrails.concurrency,
      perKey: cfg.guardrails.perUser,
      queue: cfg.guardrails.queue,
      queueWaitMs: cfg.guardrails.queueWaitMs,
    }),
    userKey: requestUserKey,
    onRequest: (endpoint, seconds, outcome) => {
      m.upstreamDuration.observe({ endpoint, outcome }, seconds);
      if (outcome !== 'ok') m.upstreamErrors.inc({ endpoint, kind: outcome });
    },
  });
}

/**
 * Who the query is for, for the per-user limit: the signed-in user, or the client's address when
 * there are no users (AUTH_MODE=none), so that fifty viewers are fifty, not one.
 */
function requestUserKey(): string {
  const ctx = peekProcessSlot('requestContext')?.getStore();
  if (!ctx) return 'console';
  return ctx.principal && ctx.principal.via !== 'none' ? `user:${ctx.principal.name}` : `addr:${ctx.address}`;
}

function rangeCache(): RangeCache {
  return processSlot('rangeCache', createRangeCache);
}

function createRangeCache(): RangeCache {
  const cfg = getConfig();
  const m = consoleMetrics();
  return new RangeCache({
    overlapSec: cfg.queryCacheOverlapMs / 1000,
    ttlSec: cfg.queryCacheTtlMs / 1000,
    maxPoints: cfg.queryCacheMaxPoints,
    onOutcome: (outcome) => m.rangeCache.inc({ outcome }),
  });
}

/** Ask Prometheus for a range, in the charts' compact form (the cache not involved). */
export async function fetchRange(
  query: string,
  start: number,
  end: number,
  step: number,
  signal?: AbortSignal,
): Promise<CompactMatrix> {
  const r = await promClient().queryRange(query, start, end, step, signal);
  return compactMatrix(r.data, start, end, step, r.warnings);
}

/**
 * A range query as the charts get it: through the incremental cache (only what is new or not
 * yet settled is asked of Prometheus), unless `fresh` asks for all of it (Cache-Control: no-cache).
 */
export function rangeQuery(
  query: string,
  start: number,
  end: number,
  step: number,
  signal?: AbortSignal,
  fresh = false,
): Promise<CompactMatrix> {
  if (fresh) return fetchRange(query, start, end, step, signal);
  return rangeCache().query(query, start, end, step, fetchRange, signal);
}

/** Exemplars of a selector over a range, in the charts' compact form. */
/**
 * Exemplars over [start, end] (epoch s). With `step` (s), thinned as the chart shows them (the
 * slowest per time step and tenth of the value range): a busy day has thousands, a chart shows
 * a few hundred, and the rest would only travel.
 */
export async function exemplars(
  query: string,
  start: number,
  end: number,
  signal?: AbortSignal,
  step?: number,
): Promise<{ exemplars: CompactExemplar[]; warnings: string[] }> {
  const r = await promClient().exemplars(query, start, end, signal);
  const all = compactExemplars(r.data);
  return { exemplars: step ? thinExemplars(all, start, step) : all, warnings: r.warnings };
}

/** Alerting rules with their state, and whether the metric each reads exists at all. */
export async function alertsNow(signal?: AbortSignal) {
  const rules = await promClient().rules(signal);
  const q = presenceQuery(requiredMetrics(rules.data));
  const present = new Set<string>();
  if (q) {
    const r = await promClient().query(q, undefined, signal);
    if (r.data.resultType === 'vector')
      for (const s of r.data.result) if (s.metric.__name__) present.add(s.metric.__name__);
  }
  return { rules: alertRules(rules.data, present), warnings: rules.warnings };
}

/** Values of a label, for a template variable. */
export async function labelValues(
  name: string,
  match: readonly string[],
  start?: number,
  end?: number,
  signal?: AbortSignal,
) {
  const r = await promClient().labelValues(name, match, start, end, signal);
  return { values: r.data, warnings: r.warnings };
}

/** Enforce vs dry-run over [start, end] (epoch s): the canary verdict's inputs, with the queries asked. */
export async function canaryInputs(start: number, end: number, signal?: AbortSignal) {
  const queries = canaryQueries(end - start);
  const entries = await Promise.all(
    Object.entries(queries).map(async ([name, q]) => {
      const r = await promClient().query(q, end, signal);
      return [name, compactVector(r.data, r.warnings).series as VectorRow[]] as const;
    }),
  );
  return { ...assembleCanary(Object.fromEntries(entries)), queries };
}

/** An instant query at `time` (epoch s; now when absent), as the API answers it. */
export async function instantQuery(query: string, time?: number, signal?: AbortSignal) {
  const r = await promClient().query(query, time, signal);
  return compactVector(r.data, r.warnings);
}

/** Scrape targets: job, instance, health, last error; ordered by job and instance. */
export async function targetsNow(signal?: AbortSignal) {
  const r = await promClient().targets(signal);
  const targets = r.data.activeTargets.map((t) => ({
    job: t.labels.job ?? t.scrapePool,
    instance: t.labels.instance ?? '',
    health: t.health,
    lastError: t.lastError,
    lastScrape: t.lastScrape,
    scrapeUrl: t.scrapeUrl,
  }));
  return {
    targets: targets.sort((a, b) => a.job.localeCompare(b.job) || a.instance.localeCompare(b.instance)),
    warnings: r.warnings,
  };
}
