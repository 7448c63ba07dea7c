import 'server-only';
import { normalizeTraceId } from '../traces/search';
import { prepareTrace, type PreparedTrace } from '../traces/view/prepare';
import { buildTraceIndex } from '../traces/view/trace-index';
import { computeView, viewKey, type ComputedView, type ViewSpec } from '../traces/view/window';
import { NotFound } from './route';
import { badRequest, traceStore } from './traces';

/**
 * Prepared traces for the waterfall, cached: building the index of a million-span trace takes
 * seconds, and every scroll asks for another window of it. A trace whose last span is recent may
 * still be receiving spans, so it is rebuilt after FRESH_MS; older traces are kept until evicted
 * (least recently used, bounded by total spans).
 */
type Entry = { pt: Promise<PreparedTrace | null>; builtAt: number; spans: number; recent: boolean; views: Map<string, ComputedView> };

const MAX_CACHED_SPANS = 3_000_000;
const MAX_VIEWS_PER_TRACE = 8;
const FRESH_MS = 10_000;
const RECENT_NS = 5n * 60n * 1_000_000_000n;

const g = globalThis as unknown as { __traceViews?: Map<string, Entry> };
const cache = (g.__traceViews ??= new Map());

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
  const trace = await traceStore().trace(id);
  if (!trace) return null;
  return prepareTrace(buildTraceIndex(id, trace.spans));
}

export async function preparedTrace(id: string): Promise<PreparedTrace> {
  let e = cache.get(id);
  if (e && e.recent && Date.now() - e.builtAt > FRESH_MS) e = undefined;
  if (!e) {
    const entry: Entry = { pt: build(id), builtAt: Date.now(), spans: 0, recent: true, views: new Map() };
    e = entry;
    cache.set(id, entry);
    try {
      const pt = await entry.pt;
      if (pt) {
        entry.spans = pt.ix.n;
        const end = BigInt(pt.ix.startNs) + BigInt(Math.round(pt.ix.durationNs));
        entry.recent = BigInt(Date.now()) * 1_000_000n - end < RECENT_NS;
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
  if (!pt) throw new NotFound(`trace ${id} is not in the store (it may not have arrived yet, or is older than the retention period)`);
  return pt;
}

export async function tracedView(id: string, spec: ViewSpec): Promise<{ pt: PreparedTrace; cv: ComputedView }> {
  const pt = await preparedTrace(id);
  const e = cache.get(id);
  const key = viewKey(spec);
  let cv = e?.views.get(key);
  if (!cv) {
    cv = computeView(pt, spec);
    if (e) {
      e.views.set(key, cv);
      if (e.views.size > MAX_VIEWS_PER_TRACE) e.views.delete(e.views.keys().next().value as string);
    }
  }
  return { pt, cv };
}
