import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { TRACE_SORTS } from '../traces/model';
import { fetchJson } from './fetch-json';

/** Trace search, services and operations, as the browser asks and validates them. */
export const traceSummarySchema = z.object({
  traceId: z.string(),
  rootService: z.string(),
  rootName: z.string(),
  startNs: z.string(),
  durationNs: z.string(),
  spanCount: z.number(),
  errorCount: z.number(),
  services: z.array(z.object({ service: z.string(), spanCount: z.number() })),
});
export type TraceSummaryRow = z.infer<typeof traceSummarySchema>;
export const traceSearchResponseSchema = z.object({
  traces: z.array(traceSummarySchema),
  limit: z.number(),
  sort: z.optional(z.enum(TRACE_SORTS)),
  /** sorted searches: how many traces matched (up to SORT_CAP), and whether more did */
  matched: z.optional(z.number()),
  capped: z.optional(z.boolean()),
});
const servicesSchema = z.object({ services: z.array(z.string()) });
const operationsSchema = z.object({ operations: z.array(z.object({ name: z.string(), kind: z.string() })) });

/** Trace search; `params` is the page's own query string (the DESIGN.md search contract). */
export function traceSearchOptions(params: string, anchorMs: number) {
  return queryOptions({
    queryKey: ['traces', 'search', params, anchorMs] as const,
    queryFn: ({ signal }) => fetchJson(`/api/traces?${params}`, traceSearchResponseSchema, signal),
  });
}

export function servicesOptions() {
  return queryOptions({
    queryKey: ['traces', 'services'] as const,
    queryFn: ({ signal }) => fetchJson('/api/services', servicesSchema, signal),
    staleTime: 30_000,
  });
}

export function operationsOptions(service: string) {
  return queryOptions({
    queryKey: ['traces', 'operations', service] as const,
    queryFn: ({ signal }) =>
      fetchJson(`/api/services/${encodeURIComponent(service)}/operations`, operationsSchema, signal),
    staleTime: 30_000,
  });
}
