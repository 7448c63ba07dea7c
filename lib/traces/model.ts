/**
 * The console's one trace model (DESIGN.md rule 3). OTLP from any store is converted into this
 * once; pages and components never see a wire format. Times are nanoseconds since the epoch as
 * decimal strings: exact (a double loses nanoseconds past 2^53) and JSON-safe.
 */

export type AnyValue =
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  /** int64, exact, as a decimal string */
  | { type: 'int'; value: string }
  /** a double; non-finite values as the strings "NaN", "Infinity", "-Infinity" */
  | { type: 'double'; value: number | string }
  /** base64 */
  | { type: 'bytes'; value: string }
  | { type: 'array'; value: AnyValue[] }
  | { type: 'kvlist'; value: Attribute[] }
  | { type: 'empty' };

export type Attribute = { key: string; value: AnyValue };

export const SPAN_KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];
export const STATUS_CODES = ['unset', 'ok', 'error'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export type SpanEvent = { timeNs: string; name: string; attributes: Attribute[]; droppedAttributesCount: number };
export type SpanLink = {
  traceId: string;
  spanId: string;
  traceState: string;
  flags: number;
  attributes: Attribute[];
  droppedAttributesCount: number;
};

export type Resource = { attributes: Attribute[]; droppedAttributesCount: number; schemaUrl: string };
export type Scope = {
  name: string;
  version: string;
  attributes: Attribute[];
  droppedAttributesCount: number;
  schemaUrl: string;
};

export type Span = {
  traceId: string;
  spanId: string;
  /** absent for a root span */
  parentSpanId?: string;
  traceState: string;
  flags: number;
  name: string;
  kind: SpanKind;
  service: string;
  startNs: string;
  endNs: string;
  durationNs: string;
  attributes: Attribute[];
  droppedAttributesCount: number;
  events: SpanEvent[];
  droppedEventsCount: number;
  links: SpanLink[];
  droppedLinksCount: number;
  status: { code: StatusCode; message: string };
  /** key into Trace.resources (resource + scope are shared by many spans) */
  resourceId: string;
};

export type TraceWarning =
  | { kind: 'missing-parent'; spanId: string; parentSpanId: string; message: string }
  | { kind: 'clock-skew'; spanId: string; parentSpanId: string; skewNs: string; message: string };

export type Trace = {
  traceId: string;
  startNs: string;
  endNs: string;
  durationNs: string;
  spans: Span[];
  resources: Record<string, { resource: Resource; scope: Scope }>;
  warnings: TraceWarning[];
};

export type TraceSummary = {
  traceId: string;
  rootService: string;
  rootName: string;
  startNs: string;
  durationNs: string;
  spanCount: number;
  errorCount: number;
  services: { service: string; spanCount: number }[];
};

export type TraceSearch = {
  service?: string;
  operation?: string;
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
  /** logfmt tags; `status=error` matches error spans */
  tags: { key: string; value: string }[];
  fromNs: bigint;
  toNs: bigint;
  limit: number;
  /** Newest first unless said: the whole result set ordered (up to SORT_CAP traces), then `limit` kept. */
  sort?: TraceSort;
};

/** Whether a search asks for nothing but its range (no service, operation, durations or tags). */
export function rangeOnly(q: TraceSearch): boolean {
  return (
    q.service === undefined &&
    q.operation === undefined &&
    q.minDurationNs === undefined &&
    q.maxDurationNs === undefined &&
    q.tags.length === 0
  );
}

export const TRACE_SORTS = ['newest', 'oldest', 'longest', 'shortest', 'most-spans', 'most-errors'] as const;
export type TraceSort = (typeof TRACE_SORTS)[number];

/** A search's answer: the traces, and (sorted searches) how many matched in all. */
export type TraceSearchResult = {
  traces: TraceSummary[];
  /** Traces that matched, counted up to `SORT_CAP`; absent for the default newest-first search. */
  matched?: number;
  /** More than `SORT_CAP` matched: the sort ran over the newest `SORT_CAP` of them. */
  capped?: boolean;
};

/** The most matching traces a sorted search orders (the newest of them). */
export const SORT_CAP = 10_000;

/** What the waterfall's index reads of each span (times exact as bigint). */
export type SpanSkeleton = {
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  startNs: bigint;
  endNs: bigint;
  kind: number;
  error: boolean;
  /** absent when the store loads them later (see TraceStore.skeleton) */
  attributes?: Attribute[];
  events?: { timeNs: bigint; name: string }[];
};

/**
 * A trace's skeleton as columns: span and parent ids as 8-byte records, times as ns offsets from
 * `baseNs`, names and services as indices into `strings`; `refs` load attributes and events later.
 * `hash` is present when the ids are already hashed and free of duplicates.
 */
export type SkeletonColumns = {
  baseNs: bigint;
  n: number;
  ids: Uint8Array;
  pids: Uint8Array;
  hasParent: Uint8Array;
  hash?: { table: Int32Array; mask: number; words: Int32Array };
  strings: string[];
  name: Int32Array;
  service: Int32Array;
  start: Float64Array;
  dur: Float64Array;
  error: Uint8Array;
  kind: Uint8Array;
  refs: Float64Array | null;
};

export type SpanExtras = {
  ref: number;
  attributes: Attribute[];
  events: { timeNs: bigint; name: string }[];
  /** the span's resource (its process) as the store keeps it once for all its spans: `resourceAttributes` reads it */
  origin?: number;
};

export type SpanDetail = { span: Span; resource: Resource; scope: Scope };

/** The read side every trace backend implements: embedded SQLite now, Tempo or Jaeger later. */
/** Whether the store can take spans now; `detail` says why not, and since when. */
export type StoreHealth = { ok: boolean; detail: string };

export interface TraceStore {
  /** Optional: the store's state for /api/ready. */
  health?(): StoreHealth;
  trace(traceId: string): Promise<Trace | null>;
  /** One span with its resource and scope, without reading the rest of its trace. */
  span(traceId: string, spanId: string): Promise<SpanDetail | null>;
  /**
   * Optional fast path for the waterfall: the trace's skeleton as columns, without attributes or
   * events, which `extras` loads for the spans on screen (and for all, in the background).
   */
  skeleton?(traceId: string): Promise<SkeletonColumns | null>;
  extras?(refs: number[]): Promise<SpanExtras[]>;
  /** Only the string attributes named by `keys` of the spans `refs` names (by ref; spans without any are left out). */
  spanStrings?(refs: number[], keys: ReadonlySet<string>): Promise<Map<number, Map<string, string>>>;
  /** The resource attributes of an `origin` that `extras` gave. */
  resourceAttributes?(origin: number): Attribute[];
  search(q: TraceSearch): Promise<TraceSearchResult>;
  /** Optional, for the analysis of many traces: the ids a search matches, newest first, without their spans. */
  matchingIds?(q: TraceSearch): Promise<string[]>;
  /** An even sample of about `n` of the traces whose root starts in the range, and how many there are. */
  sampleTraces?(fromNs: bigint, toNs: bigint, n: number): Promise<{ ids: string[]; population: number }>;
  services(): Promise<string[]>;
  operations(service: string): Promise<{ name: string; kind: SpanKind }[]>;
}
