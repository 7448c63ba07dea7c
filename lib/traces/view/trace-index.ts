/**
 * A trace as compact parallel arrays: the shape every waterfall computation works on (layout,
 * collapse, critical path, statistics, skew, search), on the server for stored traces and in the
 * browser for a file opened from disk. A million spans cost a few tens of MB here, not the GBs
 * their full attribute trees would.
 */
import { SPAN_KINDS, type Attribute, type SkeletonColumns, type Span, type SpanSkeleton } from '../model';
import { attrText, genAiOf, type GenAi } from './gen-ai';
import { layout } from './layout';
import { addId, findHexId, findId, idHex, newIdHash, words, writeHexId, type IdHash } from './span-ids';

export type { GenAi } from './gen-ai';
export { childrenOf } from './layout';

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

export type TraceIndex = {
  traceId: string;
  n: number;
  /** epoch ns of the earliest span start */
  t0: bigint;
  /** the same, as a decimal string */
  startNs: string;
  /** ns from startNs to the latest span end */
  durationNs: number;
  /** span ids, 8 bytes each; `spanIdOf` gives the hex */
  ids: Uint8Array;
  /** parent ids as sent (also when that parent never arrived), 8 bytes each */
  pids: Uint8Array;
  hasParent: Uint8Array;
  idHash: IdHash;
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
  /** keys whose values search must not see (REDACT_ATTRIBUTES: searching would reveal them) */
  hideValue?: (key: string) => boolean;
};

const HAYSTACK_CAP = 400;

export function spanIdOf(ix: TraceIndex, i: number): string {
  return idHex(ix.ids, i);
}

export function parentIdOf(ix: TraceIndex, i: number): string | undefined {
  return ix.hasParent[i] ? idHex(ix.pids, i) : undefined;
}

/** Index of the span with this hex id, or -1. */
export function indexOfSpan(ix: TraceIndex, spanId: string): number {
  return findHexId(ix.idHash, spanId);
}

/**
 * The index over a trace's columns. Span ids are hashed here unless the columns come hashed and
 * deduplicated; a span id seen twice (a re-sent span) keeps its first copy.
 */
export function indexFromColumns(traceId: string, c: SkeletonColumns): TraceIndex {
  let cols = c;
  if (!c.hash) cols = dedupe(c);
  const n = cols.n;
  let min = Infinity;
  for (let i = 0; i < n; i++) if (cols.start[i]! < min) min = cols.start[i]!;
  const shift = n ? min : 0;
  if (shift !== 0) for (let i = 0; i < n; i++) cols.start[i]! -= shift;
  const t0 = cols.baseNs + BigInt(shift);
  const ix: TraceIndex = {
    traceId,
    n,
    t0,
    startNs: t0.toString(),
    durationNs: 0,
    ids: cols.ids,
    pids: cols.pids,
    hasParent: cols.hasParent,
    idHash: cols.hash!,
    strings: cols.strings,
    name: cols.name,
    service: cols.service,
    parent: new Int32Array(n).fill(-1),
    missingParent: new Uint8Array(n),
    start: cols.start,
    dur: cols.dur,
    error: cols.error,
    kind: cols.kind,
    order: new Int32Array(n),
    pos: new Int32Array(n),
    depth: new Int32Array(n),
    subtree: new Int32Array(n),
    childCount: new Int32Array(n),
    refs: cols.refs,
    extrasLoaded: new Uint8Array(n),
    extrasMissing: n,
    events: new Array<Float64Array | undefined>(n),
    genAi: new Array<GenAi | undefined>(n),
    haystack: new Array<string | undefined>(n),
  };
  let end = 0;
  const parentWords = words(ix.pids);
  for (let i = 0; i < n; i++) {
    end = Math.max(end, ix.start[i]! + ix.dur[i]!);
    if (!ix.hasParent[i]) continue;
    const p = findId(ix.idHash, parentWords, i);
    if (p < 0 || p === i) ix.missingParent[i] = 1;
    else ix.parent[i] = p;
  }
  ix.durationNs = end;
  layout(ix);
  return ix;
}

/** Hash the ids; when one repeats, keep only each id's first record. */
function dedupe(c: SkeletonColumns): SkeletonColumns {
  const hash = newIdHash(c.ids, c.n);
  const keep: number[] = [];
  let dups = 0;
  for (let i = 0; i < c.n; i++) {
    if (addId(hash, i) >= 0) dups++;
    else keep.push(i);
  }
  if (dups === 0) return { ...c, hash };
  const pick8 = (a: Uint8Array) => {
    const out = new Uint8Array(keep.length * 8);
    keep.forEach((i, k) => out.set(a.subarray(i * 8, i * 8 + 8), k * 8));
    return out;
  };
  const pick = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(keep.length);
    keep.forEach((i, k) => (out[k] = a[i]!));
    return out;
  };
  return dedupe({
    ...c,
    n: keep.length,
    ids: pick8(c.ids),
    pids: pick8(c.pids),
    hasParent: pick(c.hasParent),
    name: pick(c.name),
    service: pick(c.service),
    start: pick(c.start),
    dur: pick(c.dur),
    error: pick(c.error),
    kind: pick(c.kind),
    refs: c.refs ? pick(c.refs) : null,
  });
}

/** The index over model spans (a file, or a store without a skeleton), with their extras. */
export function buildTraceIndex(
  traceId: string,
  spans: IndexInput[],
  hideValue?: (key: string) => boolean,
): TraceIndex {
  const n = spans.length;
  let base: bigint | null = null;
  for (const s of spans) if (base === null || s.startNs < base) base = s.startNs;
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const intern = (x: string) => {
    let k = ids.get(x);
    if (k === undefined) ids.set(x, (k = strings.push(x) - 1));
    return k;
  };
  const c: SkeletonColumns = {
    baseNs: base ?? 0n,
    n,
    ids: new Uint8Array(n * 8),
    pids: new Uint8Array(n * 8),
    hasParent: new Uint8Array(n),
    strings,
    name: new Int32Array(n),
    service: new Int32Array(n),
    start: new Float64Array(n),
    dur: new Float64Array(n),
    error: new Uint8Array(n),
    kind: new Uint8Array(n),
    refs: null,
  };
  spans.forEach((s, i) => {
    if (!writeHexId(s.spanId, c.ids, i)) throw new Error(`span id "${s.spanId}" is not 16 hex digits`);
    if (s.parentSpanId && writeHexId(s.parentSpanId, c.pids, i)) c.hasParent[i] = 1;
    c.name[i] = intern(s.name);
    c.service[i] = intern(s.service);
    c.start[i] = Number(s.startNs - c.baseNs);
    c.dur[i] = Math.max(0, Number(s.endNs - s.startNs));
    c.error[i] = s.error ? 1 : 0;
    c.kind[i] = s.kind;
  });
  const ix = indexFromColumns(traceId, c);
  if (hideValue) ix.hideValue = hideValue;
  // Records were deduplicated in order, so a span's first copy has its original position among the kept ones.
  for (const s of spans) {
    const i = indexOfSpan(ix, s.spanId);
    if (i >= 0 && s.attributes) applyExtras(ix, i, s.attributes, s.events ?? []);
  }
  return ix;
}

/** Attributes and events of span i: LLM fields, event markers and the text search looks at. */
export function applyExtras(
  ix: TraceIndex,
  i: number,
  attributes: Attribute[],
  events: { timeNs: bigint; name: string }[],
): void {
  if (ix.extrasLoaded[i]) return;
  ix.extrasLoaded[i] = 1;
  ix.extrasMissing--;
  if (events.length) ix.events[i] = Float64Array.from(events, (e) => Number(e.timeNs - ix.t0));
  ix.genAi[i] = genAiOf(attributes, events, ix.t0 + BigInt(Math.round(ix.start[i]!)));
  let hay = `${ix.strings[ix.name[i]!]}\u0000${ix.strings[ix.service[i]!]}\u0000${spanIdOf(ix, i)}`;
  for (const a of attributes) {
    if (hay.length >= HAYSTACK_CAP) break;
    hay += `\u0000${a.key}=${ix.hideValue?.(a.key) ? 'redacted' : attrText(a)}`;
  }
  ix.haystack[i] = hay.slice(0, HAYSTACK_CAP).toLowerCase();
}

/** The text search in the trace matches; only name, service and id until the span's extras are loaded. */
export function haystackOf(ix: TraceIndex, i: number): string {
  return (
    ix.haystack[i] ??
    `${ix.strings[ix.name[i]!]}\u0000${ix.strings[ix.service[i]!]}\u0000${spanIdOf(ix, i)}`.toLowerCase()
  );
}
