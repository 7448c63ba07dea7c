/**
 * A trace as compact parallel arrays: the shape every waterfall computation works on (layout,
 * collapse, critical path, statistics, skew, search), on the server for stored traces and in the
 * browser for a file opened from disk. A million spans cost a few tens of MB here, not the GBs
 * their full attribute trees would.
 */
import type { Attribute, SpanKind, StatusCode } from '../model';
import { SPAN_KINDS } from '../model';

/** What the index needs of a span; the model's Span satisfies it. */
export type IndexInput = {
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  startNs: string;
  endNs: string;
  kind: SpanKind;
  status: { code: StatusCode };
  attributes: Attribute[];
  events: { timeNs: string; name: string }[];
};

export type GenAi = { model: string; provider: string; inputTokens: number; outputTokens: number; ttftMs: number | null };

export type TraceIndex = {
  traceId: string;
  n: number;
  /** epoch ns of the earliest span start, exact */
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
  /** event offsets per span (ns from startNs); absent when the span has none */
  events: (Float64Array | undefined)[];
  genAi: (GenAi | undefined)[];
  /** lower-cased text that search in the trace looks at: name, service, id, attribute keys and values */
  haystack: string[];
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
export function genAiOf(attrs: Attribute[], events: { timeNs: string; name: string }[], startNs: string): GenAi | undefined {
  if (!attrs.some((a) => a.key.startsWith('gen_ai.'))) return undefined;
  const model = attrString(attrs, 'gen_ai.response.model') ?? attrString(attrs, 'gen_ai.request.model') ?? 'unknown';
  const provider = attrString(attrs, 'gen_ai.system') ?? attrString(attrs, 'gen_ai.provider.name') ?? 'unknown';
  let ttftMs = attrNumber(attrs, 'gen_ai.server.time_to_first_token');
  if (ttftMs !== null) ttftMs *= 1000; // the semantic convention's unit is seconds
  const first = events.find((e) => e.name === 'first_token' || e.name === 'gen_ai.first_token');
  if (ttftMs === null && first) ttftMs = Number(BigInt(first.timeNs) - BigInt(startNs)) / 1e6;
  return {
    model,
    provider,
    inputTokens: attrNumber(attrs, 'gen_ai.usage.input_tokens') ?? 0,
    outputTokens: attrNumber(attrs, 'gen_ai.usage.output_tokens') ?? 0,
    ttftMs,
  };
}

export function buildTraceIndex(traceId: string, spans: IndexInput[]): TraceIndex {
  const n = spans.length;
  let min: bigint | null = null;
  for (const s of spans) {
    const st = BigInt(s.startNs);
    if (min === null || st < min) min = st;
  }
  const t0 = min ?? 0n;
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const intern = (s: string) => {
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  const ix: TraceIndex = {
    traceId,
    n,
    startNs: t0.toString(),
    durationNs: 0,
    spanIds: new Array<string>(n),
    parentIds: new Array<string | undefined>(n),
    strings,
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
    events: new Array<Float64Array | undefined>(n),
    genAi: new Array<GenAi | undefined>(n),
    haystack: new Array<string>(n),
  };
  const byId = new Map<string, number>();
  let end = 0;
  spans.forEach((s, i) => {
    // A span id seen twice (a re-sent span from another export) keeps its first copy's index.
    if (!byId.has(s.spanId)) byId.set(s.spanId, i);
    ix.spanIds[i] = s.spanId;
    ix.parentIds[i] = s.parentSpanId;
    ix.name[i] = intern(s.name);
    ix.service[i] = intern(s.service);
    const st = Number(BigInt(s.startNs) - t0);
    const du = Number(BigInt(s.endNs) - BigInt(s.startNs));
    ix.start[i] = st;
    ix.dur[i] = du < 0 ? 0 : du;
    end = Math.max(end, st + ix.dur[i]!);
    ix.error[i] = s.status.code === 'error' ? 1 : 0;
    ix.kind[i] = Math.max(0, SPAN_KINDS.indexOf(s.kind));
    if (s.events.length) ix.events[i] = Float64Array.from(s.events, (e) => Number(BigInt(e.timeNs) - t0));
    ix.genAi[i] = genAiOf(s.attributes, s.events, s.startNs);
    let hay = `${s.name}\u0000${s.service}\u0000${s.spanId}`;
    for (const a of s.attributes) {
      if (hay.length >= HAYSTACK_CAP) break;
      hay += `\u0000${a.key}=${attrText(a)}`;
    }
    ix.haystack[i] = hay.slice(0, HAYSTACK_CAP).toLowerCase();
  });
  ix.durationNs = end;
  for (let i = 0; i < n; i++) {
    const pid = ix.parentIds[i];
    if (pid === undefined) continue;
    const p = byId.get(pid);
    if (p === undefined || p === i) ix.missingParent[i] = 1;
    else ix.parent[i] = p;
  }
  layout(ix);
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
