/**
 * A trace as compact parallel arrays: the shape every waterfall computation works on (layout,
 * collapse, critical path, statistics, skew, search), on the server for stored traces and in the
 * browser for a file opened from disk. A million spans cost a few tens of MB here, not the GBs
 * their full attribute trees would.
 */
import { SPAN_KINDS, type Attribute, type SkeletonColumns, type Span, type SpanSkeleton } from '../model';

/** What the index needs of a span: the store's skeleton, or a model Span through `skeletonOf`. */
export type IndexInput = SpanSkeleton;

export function skeletonOf(s: Span): SpanSkeleton {
  const out: SpanSkeleton = {
    spanId: s.spanId,
    name: s.name,
    service: s.service,
    startNs: BigInt(s.startNs),
    endNs: BigInt(s.endNs),
    kind: Math.max(0, SPAN_KINDS.indexOf(s.kind)),
    error: s.status.code === 'error',
    attributes: s.attributes,
    events: s.events.map((e) => ({ timeNs: BigInt(e.timeNs), name: e.name })),
  };
  if (s.parentSpanId) out.parentSpanId = s.parentSpanId;
  return out;
}

export type GenAi = { model: string; provider: string; inputTokens: number; outputTokens: number; ttftMs: number | null };

export type TraceIndex = {
  traceId: string;
  n: number;
  /** epoch ns of the earliest span start */
  t0: bigint;
  /** the same, as a decimal string */
  startNs: string;
  /** ns from startNs to the latest span end */
  durationNs: number;
  spanIds: string[];
  /** the parent's id as sent, also when that parent never arrived */
  parentIds: (string | undefined)[];
  strings: string[];
  name: Int32Array;
  service: Int32Array;
  /** index of the parent span, -1 for a root or a span whose parent is missing */
  parent: Int32Array;
  missingParent: Uint8Array;
  /** ns offsets from startNs (doubles: exact up to 104 days) */
  start: Float64Array;
  dur: Float64Array;
  error: Uint8Array;
  kind: Uint8Array;
  /** pre-order position → span; children ordered by start time */
  order: Int32Array;
  /** span → pre-order position */
  pos: Int32Array;
  depth: Int32Array;
  /** number of spans in the subtree, the span included */
  subtree: Int32Array;
  childCount: Int32Array;
  /** the store's handle per span, to load attributes and events later; null when all are loaded */
  refs: Float64Array | null;
  extrasLoaded: Uint8Array;
  extrasMissing: number;
  /** event offsets per span (ns from startNs); absent when the span has none */
  events: (Float64Array | undefined)[];
  genAi: (GenAi | undefined)[];
  /** lower-cased text that search in the trace looks at: name, service, id, attribute keys and values */
  haystack: (string | undefined)[];
};

const HAYSTACK_CAP = 400;

function attrText(a: Attribute): string {
  const v = a.value;
  switch (v.type) {
    case 'string':
      return v.value;
    case 'int':
    case 'double':
    case 'bool':
      return String(v.value);
    default:
      return '';
  }
}

function attrNumber(attrs: Attribute[], key: string): number | null {
  const a = attrs.find((x) => x.key === key);
  if (!a) return null;
  const n = Number(a.value.type === 'int' || a.value.type === 'double' || a.value.type === 'string' ? a.value.value : NaN);
  return Number.isFinite(n) ? n : null;
}

function attrString(attrs: Attribute[], key: string): string | null {
  const a = attrs.find((x) => x.key === key);
  return a && a.value.type === 'string' ? a.value.value : null;
}

/** Model, provider, tokens and time to first token of an LLM span (OpenTelemetry gen_ai conventions). */
export function genAiOf(attrs: Attribute[], events: { timeNs: bigint; name: string }[], startNs: bigint): GenAi | undefined {
  if (!attrs.some((a) => a.key.startsWith('gen_ai.'))) return undefined;
  const model = attrString(attrs, 'gen_ai.response.model') ?? attrString(attrs, 'gen_ai.request.model') ?? 'unknown';
  const provider = attrString(attrs, 'gen_ai.system') ?? attrString(attrs, 'gen_ai.provider.name') ?? 'unknown';
  let ttftMs = attrNumber(attrs, 'gen_ai.server.time_to_first_token');
  if (ttftMs !== null) ttftMs *= 1000; // the semantic convention's unit is seconds
  const first = events.find((e) => e.name === 'first_token' || e.name === 'gen_ai.first_token');
  if (ttftMs === null && first) ttftMs = Number(first.timeNs - startNs) / 1e6;
  return {
    model,
    provider,
    inputTokens: attrNumber(attrs, 'gen_ai.usage.input_tokens') ?? 0,
    outputTokens: attrNumber(attrs, 'gen_ai.usage.output_tokens') ?? 0,
    ttftMs,
  };
}

function emptyIndex(traceId: string, n: number, t0: bigint): TraceIndex {
  return {
    traceId,
    n,
    t0,
    startNs: t0.toString(),
    durationNs: 0,
    spanIds: new Array<string>(n),
    parentIds: new Array<string | undefined>(n),
    strings: [],
    name: new Int32Array(n),
    service: new Int32Array(n),
    parent: new Int32Array(n).fill(-1),
    missingParent: new Uint8Array(n),
    start: new Float64Array(n),
    dur: new Float64Array(n),
    error: new Uint8Array(n),
    kind: new Uint8Array(n),
    order: new Int32Array(n),
    pos: new Int32Array(n),
    depth: new Int32Array(n),
    subtree: new Int32Array(n),
    childCount: new Int32Array(n),
    refs: null,
    extrasLoaded: new Uint8Array(n),
    extrasMissing: n,
    events: new Array<Float64Array | undefined>(n),
    genAi: new Array<GenAi | undefined>(n),
    haystack: new Array<string | undefined>(n),
  };
}

function interner(strings: string[]) {
  const ids = new Map<string, number>();
  return (s: string) => {
    let id = ids.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      ids.set(s, id);
    }
    return id;
  };
}

/** Attributes and events of span i: LLM fields, event markers and the text search looks at. */
export function applyExtras(ix: TraceIndex, i: number, attributes: Attribute[], events: { timeNs: bigint; name: string }[]): void {
  if (ix.extrasLoaded[i]) return;
  ix.extrasLoaded[i] = 1;
  ix.extrasMissing--;
  if (events.length) ix.events[i] = Float64Array.from(events, (e) => Number(e.timeNs - ix.t0));
  ix.genAi[i] = genAiOf(attributes, events, ix.t0 + BigInt(Math.round(ix.start[i]!)));
  let hay = `${ix.strings[ix.name[i]!]}\u0000${ix.strings[ix.service[i]!]}\u0000${ix.spanIds[i]}`;
  for (const a of attributes) {
    if (hay.length >= HAYSTACK_CAP) break;
    hay += `\u0000${a.key}=${attrText(a)}`;
  }
  ix.haystack[i] = hay.slice(0, HAYSTACK_CAP).toLowerCase();
}

/** The text search in the trace matches; only name, service and id until the span's extras are loaded. */
export function haystackOf(ix: TraceIndex, i: number): string {
  return ix.haystack[i] ?? `${ix.strings[ix.name[i]!]}\u0000${ix.strings[ix.service[i]!]}\u0000${ix.spanIds[i]}`.toLowerCase();
}

/** Parent links by id (a span id seen twice keeps its first copy), then the layout. */
function link(ix: TraceIndex): void {
  const byId = new Map<string, number>();
  for (let i = 0; i < ix.n; i++) if (!byId.has(ix.spanIds[i]!)) byId.set(ix.spanIds[i]!, i);
  let end = 0;
  for (let i = 0; i < ix.n; i++) {
    end = Math.max(end, ix.start[i]! + ix.dur[i]!);
    const pid = ix.parentIds[i];
    if (pid === undefined) continue;
    const p = byId.get(pid);
    if (p === undefined || p === i) ix.missingParent[i] = 1;
    else ix.parent[i] = p;
  }
  ix.durationNs = end;
  layout(ix);
}

export function buildTraceIndex(traceId: string, spans: IndexInput[]): TraceIndex {
  let min: bigint | null = null;
  for (const s of spans) if (min === null || s.startNs < min) min = s.startNs;
  const ix = emptyIndex(traceId, spans.length, min ?? 0n);
  const intern = interner(ix.strings);
  spans.forEach((s, i) => {
    ix.spanIds[i] = s.spanId;
    ix.parentIds[i] = s.parentSpanId;
    ix.name[i] = intern(s.name);
    ix.service[i] = intern(s.service);
    ix.start[i] = Number(s.startNs - ix.t0);
    ix.dur[i] = Math.max(0, Number(s.endNs - s.startNs));
    ix.error[i] = s.error ? 1 : 0;
    ix.kind[i] = s.kind;
  });
  link(ix);
  spans.forEach((s, i) => {
    if (s.attributes) applyExtras(ix, i, s.attributes, s.events ?? []);
  });
  return ix;
}

export function indexFromColumns(traceId: string, c: SkeletonColumns): TraceIndex {
  const n = c.spanIds.length;
  let min = Infinity;
  for (let i = 0; i < n; i++) min = Math.min(min, c.start[i]!);
  const shift = n ? min : 0;
  const ix = emptyIndex(traceId, n, c.baseNs + BigInt(shift));
  const intern = interner(ix.strings);
  ix.spanIds = c.spanIds;
  ix.parentIds = c.parentIds;
  for (let i = 0; i < n; i++) {
    ix.name[i] = intern(c.names[i]!);
    ix.service[i] = intern(c.services[i]!);
    ix.start[i] = c.start[i]! - shift;
  }
  ix.dur = c.dur;
  ix.error = c.error;
  ix.kind = c.kind;
  ix.refs = c.refs;
  link(ix);
  return ix;
}

/** Pre-order, depth, subtree sizes; children by start time. Iterative: traces can be deep. */
function layout(ix: TraceIndex): void {
  const { n, parent, start } = ix;
  const byStart = (a: number, b: number) => start[a]! - start[b]! || a - b;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) ix.childCount[parent[i]!]! += 1;
  for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i]! + ix.childCount[i]!;
  const children = new Int32Array(childStart[n]!);
  const fill = childStart.slice(0, n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) children[fill[parent[i]!]!++] = i;
  for (let i = 0; i < n; i++) {
    const c = ix.childCount[i]!;
    if (c > 1) children.subarray(childStart[i]!, childStart[i]! + c).sort(byStart);
  }
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i]! < 0) roots.push(i);
  // A cycle (a→b→a) has no root: its spans are attached as roots so that none is lost.
  const seen = new Uint8Array(n);
  let p = 0;
  const stack: number[] = [];
  const visit = (r: number) => {
    stack.push(r);
    ix.depth[r] = 0;
    while (stack.length) {
      const i = stack.pop()!;
      seen[i] = 1;
      ix.order[p] = i;
      ix.pos[i] = p++;
      for (let k = childStart[i]! + ix.childCount[i]! - 1; k >= childStart[i]!; k--) {
        const c = children[k]!;
        if (seen[c]) continue;
        ix.depth[c] = ix.depth[i]! + 1;
        stack.push(c);
      }
    }
  };
  roots.sort(byStart).forEach(visit);
  for (let i = 0; i < n; i++) {
    if (seen[i]) continue;
    if (ix.parent[i]! >= 0) ix.childCount[ix.parent[i]!]! -= 1;
    ix.parent[i] = -1;
    ix.missingParent[i] = 1;
    visit(i);
  }
  // Subtree sizes: walk pre-order backwards, adding each span's size to its parent's.
  ix.subtree.fill(1);
  for (let q = n - 1; q >= 0; q--) {
    const i = ix.order[q]!;
    const pa = ix.parent[i]!;
    if (pa >= 0) ix.subtree[pa]! += ix.subtree[i]!;
  }
}

/** Indices of a span's children, in start order (pre-order makes them a scan of its subtree). */
export function childrenOf(ix: TraceIndex, i: number): number[] {
  const out: number[] = [];
  let q = ix.pos[i]! + 1;
  const endPos = ix.pos[i]! + ix.subtree[i]!;
  while (q < endPos) {
    const c = ix.order[q]!;
    out.push(c);
    q += ix.subtree[c]!;
  }
  return out;
}
