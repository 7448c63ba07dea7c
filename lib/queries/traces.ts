import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import type { AnyValue } from '../traces/model';
import { viewToParams } from '../traces/view/params';
import type { ViewSpec } from '../traces/view/window';
import { fetchJson } from './fetch-json';
import { type FlameLayoutResponse, flameLayoutSchema } from './flame';

const genAi = z.object({
  model: z.string(),
  provider: z.string(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  ttftMs: z.nullable(z.number()),
});

export const overviewSchema = z.object({
  traceId: z.string(),
  startNs: z.string(),
  durationNs: z.number(),
  spanCount: z.number(),
  services: z.array(z.object({ service: z.string(), spans: z.number(), errors: z.number() })),
  errorCount: z.number(),
  depth: z.number(),
  root: z.nullable(z.object({ spanId: z.string(), service: z.string(), name: z.string(), durationNs: z.number() })),
  rootCount: z.number(),
  criticalCount: z.number(),
  skewedCount: z.number(),
  warnings: z.array(
    z.object({ kind: z.enum(['missing-parent', 'clock-skew']), spanId: z.string(), message: z.string() }),
  ),
  warningCount: z.number(),
  tokensByModel: z.array(
    z.object({
      model: z.string(),
      provider: z.string(),
      spans: z.number(),
      inputTokens: z.number(),
      outputTokens: z.number(),
    }),
  ),
  extrasPending: z.number(),
  stats: z.array(
    z.object({
      service: z.string(),
      operation: z.string(),
      count: z.number(),
      totalNs: z.number(),
      selfNs: z.number(),
      avgNs: z.number(),
      maxNs: z.number(),
      errors: z.number(),
    }),
  ),
  statsTruncated: z.boolean(),
  minimap: z.array(z.object({ start: z.number(), dur: z.number(), service: z.number(), error: z.number() })),
});
export type Overview = z.infer<typeof overviewSchema>;

const row = z.object({
  row: z.number(),
  spanId: z.string(),
  parentSpanId: z.optional(z.string()),
  name: z.string(),
  service: z.string(),
  serviceRank: z.number(),
  depth: z.number(),
  start: z.number(),
  shift: z.number(),
  dur: z.number(),
  self: z.number(),
  childCount: z.number(),
  collapsed: z.boolean(),
  critical: z.boolean(),
  error: z.boolean(),
  kind: z.number(),
  skewed: z.boolean(),
  missingParent: z.boolean(),
  match: z.boolean(),
  events: z.optional(z.array(z.number())),
  genAi: z.optional(genAi),
});
export type Row = z.infer<typeof row>;

export const rowWindowSchema = z.object({
  total: z.number(),
  hidden: z.number(),
  collapsedAway: z.number(),
  matchCount: z.number(),
  matchRows: z.array(z.number()),
  offset: z.number(),
  rows: z.array(row),
  focusRow: z.nullable(z.number()),
});
export type RowWindowResponse = z.infer<typeof rowWindowSchema>;

const anyValue: z.ZodMiniType<AnyValue> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal('string'), value: z.string() }),
    z.object({ type: z.literal('bool'), value: z.boolean() }),
    z.object({ type: z.literal('int'), value: z.string() }),
    z.object({ type: z.literal('double'), value: z.union([z.number(), z.string()]) }),
    z.object({ type: z.literal('bytes'), value: z.string() }),
    z.object({ type: z.literal('array'), value: z.array(anyValue) }),
    z.object({ type: z.literal('kvlist'), value: z.array(z.object({ key: z.string(), value: anyValue })) }),
    z.object({ type: z.literal('empty') }),
  ]),
);
const attributes = z.array(z.object({ key: z.string(), value: anyValue }));

export const spanDetailSchema = z.object({
  span: z.object({
    traceId: z.string(),
    spanId: z.string(),
    parentSpanId: z.optional(z.string()),
    traceState: z.string(),
    flags: z.number(),
    name: z.string(),
    kind: z.string(),
    service: z.string(),
    startNs: z.string(),
    endNs: z.string(),
    durationNs: z.string(),
    attributes,
    droppedAttributesCount: z.number(),
    events: z.array(z.object({ timeNs: z.string(), name: z.string(), attributes, droppedAttributesCount: z.number() })),
    droppedEventsCount: z.number(),
    links: z.array(
      z.object({
        traceId: z.string(),
        spanId: z.string(),
        traceState: z.string(),
        flags: z.number(),
        attributes,
        droppedAttributesCount: z.number(),
      }),
    ),
    droppedLinksCount: z.number(),
    status: z.object({ code: z.string(), message: z.string() }),
  }),
  resource: z.object({ attributes, droppedAttributesCount: z.number(), schemaUrl: z.string() }),
  scope: z.object({
    name: z.string(),
    version: z.string(),
    attributes,
    droppedAttributesCount: z.number(),
    schemaUrl: z.string(),
  }),
});
export type SpanDetailResponse = z.infer<typeof spanDetailSchema>;

/**
 * Where a waterfall's data comes from: the console's API for a stored trace, or the browser itself
 * for a file opened from disk (the same pure functions, run locally).
 */
export type TraceSource = {
  /** the trace id, or `file:<name>` for a file */
  key: string;
  overview(signal?: AbortSignal): Promise<Overview>;
  rows(view: ViewSpec, offset: number, limit: number, focus: string, signal?: AbortSignal): Promise<RowWindowResponse>;
  span(spanId: string, signal?: AbortSignal): Promise<SpanDetailResponse>;
  /** The flame graph over the trace or a zoomed part of it. */
  flame(zoom: [number, number] | null, signal?: AbortSignal): Promise<FlameLayoutResponse>;
};

export function remoteTraceSource(id: string): TraceSource {
  return {
    key: id,
    overview: (signal) => fetchJson(`/api/traces/${id}/overview`, overviewSchema, signal),
    rows: (view, offset, limit, focus, signal) => {
      const sp = viewToParams(view);
      sp.set('offset', String(offset));
      sp.set('limit', String(limit));
      if (focus) sp.set('focus', focus);
      return fetchJson(`/api/traces/${id}/rows?${sp}`, rowWindowSchema, signal);
    },
    span: (spanId, signal) => fetchJson(`/api/traces/${id}/spans/${spanId}`, spanDetailSchema, signal),
    flame: (zoom, signal) =>
      fetchJson(`/api/traces/${id}/flame${zoom ? `?zoom=${zoom[0]}-${zoom[1]}` : ''}`, flameLayoutSchema, signal),
  };
}

/** Query keys, shared with the server page that prefetches the first rows. */
export const traceKeys = {
  overview: (key: string) => ['trace', key, 'overview'] as const,
  rows: (key: string, view: ViewSpec, offset: number, limit: number, focus = '') =>
    ['trace', key, 'rows', viewToParams(view).toString(), offset, limit, focus] as const,
  span: (key: string, spanId: string) => ['trace', key, 'span', spanId] as const,
};

/** Rows come in pages of this many. */
export const ROWS_PAGE = 100;

/** Traces are immutable once complete: cached for the page's life. */
export function overviewOptions(src: TraceSource) {
  return queryOptions({
    queryKey: traceKeys.overview(src.key),
    queryFn: ({ signal }) => src.overview(signal),
    staleTime: Infinity,
  });
}

export function rowsOptions(src: TraceSource, view: ViewSpec, offset: number, limit: number, focus = '') {
  return queryOptions({
    queryKey: traceKeys.rows(src.key, view, offset, limit, focus),
    queryFn: ({ signal }) => src.rows(view, offset, limit, focus, signal),
    staleTime: Infinity,
  });
}

export function spanOptions(src: TraceSource, spanId: string) {
  return queryOptions({
    queryKey: traceKeys.span(src.key, spanId),
    queryFn: ({ signal }) => src.span(spanId, signal),
    staleTime: Infinity,
  });
}

const compareSide = z.object({
  traceId: z.string(),
  startNs: z.string(),
  durationNs: z.number(),
  spanCount: z.number(),
  errorCount: z.number(),
  root: z.nullable(z.object({ spanId: z.string(), service: z.string(), name: z.string(), durationNs: z.number() })),
});
export const compareSchema = z.object({
  a: compareSide,
  b: compareSide,
  rows: z.array(
    z.object({
      depth: z.number(),
      service: z.string(),
      name: z.string(),
      status: z.enum(['matched', 'added', 'removed']),
      aSpanId: z.optional(z.string()),
      bSpanId: z.optional(z.string()),
      aDurNs: z.optional(z.number()),
      bDurNs: z.optional(z.number()),
      deltaNs: z.optional(z.number()),
      subtreeChanged: z.boolean(),
    }),
  ),
  matched: z.number(),
  added: z.number(),
  removed: z.number(),
  truncated: z.boolean(),
});
export type CompareResponse = z.infer<typeof compareSchema>;

export function compareOptions(a: string, b: string) {
  return queryOptions({
    queryKey: ['traces', 'compare', a, b] as const,
    queryFn: ({ signal }) => fetchJson(`/api/traces/compare?${new URLSearchParams({ a, b })}`, compareSchema, signal),
    staleTime: Infinity,
  });
}
