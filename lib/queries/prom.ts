import { queryOptions } from '@tanstack/react-query';
// zod/mini in the browser: the same validation at a fraction of the bundle.
import { z } from 'zod/mini';
import { type ChoicesRequest, resultLines } from '../dashboards/variables';
import { fetchJson } from './fetch-json';

const labels = z.record(z.string(), z.string());
export const compactMatrixSchema = z.object({
  start: z.number(),
  step: z.number(),
  n: z.number(),
  series: z.array(z.object({ labels, values: z.array(z.nullable(z.number())) })),
  warnings: z.array(z.string()),
});

export type RangeParams = { query: string; start: number; end: number; step: number };

/** Query keys are hierarchical and hold everything a result depends on. */
export const promKeys = {
  all: ['prom'] as const,
  range: (p: RangeParams) => ['prom', 'range', p.query, p.start, p.end, p.step] as const,
  choices: (r: ChoicesRequest, start: number, end: number) =>
    ['prom', 'choices', r.from, r.label, r.source, start, end] as const,
  exemplars: (query: string, start: number, end: number, step: number) =>
    ['prom', 'exemplars', query, start, end, step] as const,
  alerts: (anchorMs: number) => ['prom', 'alerts', anchorMs] as const,
  instant: (query: string, anchorSec: number) => ['prom', 'instant', query, anchorSec] as const,
  targets: (anchorMs: number) => ['prom', 'targets', anchorMs] as const,
};

/** The URL a range query is fetched from. */
export function rangeQueryUrl(p: RangeParams): string {
  const qs = new URLSearchParams({ query: p.query, start: String(p.start), end: String(p.end), step: String(p.step) });
  return `/api/prom/query_range?${qs}`;
}

export function rangeQueryOptions(p: RangeParams) {
  return queryOptions({
    queryKey: promKeys.range(p),
    queryFn: ({ signal }) => fetchJson(rangeQueryUrl(p), compactMatrixSchema, signal, { postWhenLong: true }),
  });
}

export const choicesResponseSchema = z.object({ values: z.array(z.string()), warnings: z.array(z.string()) });

/**
 * A variable's choices from Prometheus over [start, end]: a label's values or the label names of
 * the selector `source` (every series when empty), or the lines of the instant query `source` at
 * `end` (lib/dashboards/variables.ts resultLines).
 */
export function variableChoicesOptions(r: ChoicesRequest, start: number, end: number) {
  const range = { ...(r.source ? { 'match[]': r.source } : {}), start: String(start), end: String(end) };
  return queryOptions({
    queryKey: promKeys.choices(r, start, end),
    queryFn: async ({ signal }) => {
      if (r.from === 'names') {
        const d = await fetchJson(`/api/prom/labels?${new URLSearchParams(range)}`, labelNamesSchema, signal);
        return { values: d.names, warnings: d.warnings };
      }
      if (r.from === 'result') {
        const qs = new URLSearchParams({ query: r.source, time: String(end) });
        const d = await fetchJson(`/api/prom/query?${qs}`, vectorResponseSchema, signal, { postWhenLong: true });
        return { values: resultLines(d.series), warnings: d.warnings };
      }
      const url = `/api/prom/labels/${encodeURIComponent(r.label)}/values?${new URLSearchParams(range)}`;
      return fetchJson(url, choicesResponseSchema, signal);
    },
    staleTime: 60_000,
  });
}

const labelNamesSchema = z.object({ names: z.array(z.string()), warnings: z.array(z.string()) });

export type CompactMatrixResponse = z.infer<typeof compactMatrixSchema>;

export const exemplarsResponseSchema = z.object({
  exemplars: z.array(
    z.object({ traceId: z.string(), spanId: z.optional(z.string()), value: z.number(), t: z.number(), labels }),
  ),
  warnings: z.array(z.string()),
});

/** Exemplars thinned on the server for a chart of this step (one per time step and tenth of the value range). */
export function exemplarsOptions(query: string, start: number, end: number, step: number) {
  const qs = new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) });
  return queryOptions({
    queryKey: promKeys.exemplars(query, start, end, step),
    queryFn: ({ signal }) =>
      fetchJson(`/api/prom/exemplars?${qs}`, exemplarsResponseSchema, signal, { postWhenLong: true }),
  });
}

export const vectorResponseSchema = z.object({
  series: z.array(z.object({ labels, t: z.number(), value: z.nullable(z.number()) })),
  warnings: z.array(z.string()),
});

export function instantOptions(query: string, anchorSec: number) {
  return queryOptions({
    queryKey: promKeys.instant(query, anchorSec),
    queryFn: ({ signal }) =>
      fetchJson(
        `/api/prom/query?${new URLSearchParams({ query, time: String(anchorSec) })}`,
        vectorResponseSchema,
        signal,
        { postWhenLong: true },
      ),
  });
}

const alertRuleSchema = z.object({
  name: z.string(),
  group: z.string(),
  state: z.enum(['firing', 'pending', 'inactive']),
  health: z.string(),
  lastError: z.optional(z.string()),
  severity: z.string(),
  page: z.string(),
  summary: z.string(),
  requires: z.optional(z.string()),
  activeAt: z.optional(z.string()),
  noData: z.boolean(),
});
export type AlertRuleRow = z.infer<typeof alertRuleSchema>;

export function alertsOptions(anchorMs: number) {
  return queryOptions({
    queryKey: promKeys.alerts(anchorMs),
    queryFn: ({ signal }) =>
      fetchJson(
        '/api/prom/alerts',
        z.object({ rules: z.array(alertRuleSchema), warnings: z.array(z.string()) }),
        signal,
      ),
  });
}

export function targetsOptions(anchorMs: number) {
  return queryOptions({
    queryKey: promKeys.targets(anchorMs),
    queryFn: ({ signal }) =>
      fetchJson(
        '/api/prom/targets',
        z.object({
          targets: z.array(
            z.object({
              job: z.string(),
              instance: z.string(),
              health: z.string(),
              lastError: z.string(),
              lastScrape: z.string(),
              scrapeUrl: z.string(),
            }),
          ),
          warnings: z.array(z.string()),
        }),
        signal,
      ),
  });
}
