import 'server-only';
import { isRedactedKey } from './redaction';
import { normalizeTraceId } from '../traces/search';
import { BACKGROUND_EXTRAS_MAX, prepareTrace, type PreparedTrace } from '../traces/view/prepare';
import {
  applyExtras,
  buildTraceIndex,
  indexFromColumns,
  skeletonOf,
  type TraceIndex,
} from '../traces/view/trace-index';
import {
  computeView,
  viewKey,
  windowOf,
  type ComputedView,
  type RowWindow,
  type ViewSpec,
} from '../traces/view/window';
import { NotFound } from '../errors';
import { processSlot } from './process';
import { badRequest, traceStore } from './traces';

/**
 * Prepared traces for the waterfall, cached: building the index of a million-span trace takes
 * seconds, and every scroll asks for another window of it. The store's skeleton has no
 * attributes: those of the rows on screen are loaded with each window, the rest in the
 * background for traces up to BACKGROUND_EXTRAS_MAX spans (tokens per model), or when someone
 * searches (search waits for them). A trace whose last span is recent may
 * still be receiving spans, so it is rebuilt after FRESH_MS; older traces stay until evicted
 * (least recently used, bounded by total spans).
 */
export type TraceViewEntry = {
  pt: Promise<PreparedTrace | null>;
  builtAt: number;
  spans: number;
  recent: boolean;
  views: Map<string, ComputedView>;
  extras?: Promise<void>;
};

const MAX_CACHED_SPANS = 3_000_000;
const MAX_VIEWS_PER_TRACE = 8;
const FRESH_MS = 10_000;
const RECENT_NS = 5n * 60n * 1_000_000_000n;
const EXTRAS_CHUNK = 1000;
/** The background load waits this long, so that the first windows of a just-opened trace go first. */
const EXTRAS_DELAY_MS = 1500;

const cache = processSlot('traceViews', () => new Map<string, TraceViewEntry>());

export function traceIdParam(raw: string): string {
  const id = normalizeTraceId(raw);
  if (!id) badRequest(`invalid trace id "${raw.slice(0, 80)}": expected 32 hex digits, not all zero`);
  return id;
}

function evict(): void {
  let total = 0;
  for (const e of cache.values()) total += e.spans;
  for (const [k, e] of cache) {
    if (total <= MAX_CACHED_SPANS) break;
    total -= e.spans;
    cache.delete(k);
  }
}

async function build(id: string): Promise<PreparedTrace | null> {
  const store = traceStore();
  if (store.skeleton) {
    const cols = await store.skeleton(id);
    if (!cols || !cols.n) return null;
    const ix = indexFromColumns(id, cols);
    ix.hideValue = isRedactedKey;
    return prepareTrace(ix);
  }
  const trace = await store.trace(id);
  return trace && trace.spans.length
    ? prepareTrace(buildTraceIndex(id, trace.spans.map(skeletonOf), isRedactedKey))
    : null;
}

/** Load the attributes and events of the given spans (indices) that are not loaded yet. */
async function loadExtras(ix: TraceIndex, indices: Iterable<number>): Promise<void> {
  const store = traceStore();
  if (!ix.refs || !store.extras || ix.extrasMissing === 0) return;
  const byRef = new Map<number, number>();
  for (const i of indices) if (!ix.extrasLoaded[i]) byRef.set(ix.refs[i]!, i);
  if (byRef.size === 0) return;
  for (const e of await store.extras([...byRef.keys()])) {
    const i = byRef.get(e.ref);
    if (i !== undefined) applyExtras(ix, i, e.attributes, e.events);
  }
}

/** Every span's extras, a chunk at a time so that window requests interleave. */
function loadAllExtras(e: TraceViewEntry, ix: TraceIndex): Promise<void> {
  e.extras ??= (async () => {
    await new Promise((r) => setTimeout(r, EXTRAS_DELAY_MS));
    for (let i = 0; i < ix.n && ix.extrasMissing > 0; i += EXTRAS_CHUNK) {
      await loadExtras(
        ix,
        Array.from({ length: Math.min(EXTRAS_CHUNK, ix.n - i) }, (_, k) => i + k),
      );
      await new Promise((r) => setImmediate(r));
    }
  })().catch((err: unknown) => {
    e.extras = undefined;
    throw err;
  });
  return e.extras;
}

export async function preparedTrace(id: string): Promise<PreparedTrace> {
  let e = cache.get(id);
  if (e && e.recent && Date.now() - e.builtAt > FRESH_MS) e = undefined;
  if (!e) {
    const entry: TraceViewEntry = { pt: build(id), builtAt: Date.now(), spans: 0, recent: true, views: new Map() };
    e = entry;
    cache.set(id, entry);
    try {
      const pt = await entry.pt;
      if (pt) {
        entry.spans = pt.ix.n;
        const end = pt.ix.t0 + BigInt(Math.round(pt.ix.durationNs));
        entry.recent = BigInt(Date.now()) * 1_000_000n - end < RECENT_NS;
        if (pt.ix.n <= BACKGROUND_EXTRAS_MAX)
          void loadAllExtras(entry, pt.ix).catch((err: unknown) =>
            console.error(`[traces] loading attributes of ${id} failed`, err),
          );
      } else cache.delete(id);
      evict();
    } catch (err) {
      cache.delete(id);
      throw err;
    }
  } else {
    // Least recently used goes first: re-insert on every hit.
    cache.delete(id);
    cache.set(id, e);
  }
  const pt = await e.pt;
  if (!pt)
    throw new NotFound(
      `trace ${id} is not in the store (it may not have arrived yet, or is older than the retention period)`,
    );
  return pt;
}

/** A window of rows for a view; search first waits for every span's attributes. */
export async function traceWindow(
  id: string,
  spec: ViewSpec,
  offset: number,
  limit: number,
  focus?: string,
): Promise<RowWindow> {
  const pt = await preparedTrace(id);
  const e = cache.get(id);
  if (spec.search.trim() !== '' && pt.ix.extrasMissing > 0 && e) await loadAllExtras(e, pt.ix);
  const key = viewKey(spec);
  let cv = e?.views.get(key);
  if (!cv) {
    cv = computeView(pt, spec);
    if (e) {
      e.views.set(key, cv);
      if (e.views.size > MAX_VIEWS_PER_TRACE) e.views.delete(e.views.keys().next().value as string);
    }
  }
  await loadExtras(pt.ix, cv.rows.subarray(Math.max(0, offset), Math.max(0, offset) + limit));
  return windowOf(pt, spec, cv, offset, limit, focus);
}
