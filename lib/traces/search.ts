import { parseTraceIdInput } from './trace-id-input';
import { parseTimeExpr, resolveTimeExpr } from '../url/time';
import { TRACE_SORTS, type TraceSearch, type TraceSort } from './model';

/**
 * Trace search parameters (DESIGN.md contract): service, operation, minDuration, maxDuration
 * (`250ms`, `1.5s`), tags (logfmt), from, to (`now-1h`, epoch ms, ISO), limit. Shared by the API
 * and the search page, so both read a URL the same way.
 */

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;
/** Span durations are signed 64-bit nanoseconds (OTLP, and the store's columns). */
const MAX_DURATION_NS = 2n ** 63n - 1n;

const NS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** "250ms", "1.5s", "300us", "2m" → nanoseconds; null when not a duration. */
export function parseDurationNs(input: string): bigint | null {
  const m = /^\s*(\d+)(?:\.(\d{1,9}))?\s*(ns|us|µs|ms|s|m|h)\s*$/.exec(input);
  if (!m) return null;
  const unit = NS[m[3] as string] as bigint;
  const frac = m[2] ?? '';
  // Exact decimal arithmetic: 1.5s is 1,500,000,000 ns, not a float's approximation.
  const scaled = BigInt((m[1] as string) + frac) * unit;
  const div = 10n ** BigInt(frac.length);
  return scaled / div;
}

/** Tags as logfmt, as parseLogfmt reads them back: values with spaces, quotes or `=` quoted and escaped. */
export function formatLogfmt(tags: readonly { key: string; value: string }[]): string {
  return tags
    .map(({ key, value }) =>
      value !== '' && !/[\s"=\\]/.test(value)
        ? `${key}=${value}`
        : `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
    )
    .join(' ');
}

/** logfmt: `key=value key2="a b" k3="say \"hi\""`; returns null with the problem when malformed. */
export function parseLogfmt(input: string): { tags: { key: string; value: string }[] } | { error: string } {
  const tags: { key: string; value: string }[] = [];
  let i = 0;
  const s = input;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i] as string)) i++;
    if (i >= s.length) break;
    const keyStart = i;
    while (i < s.length && s[i] !== '=' && !/\s/.test(s[i] as string)) i++;
    const key = s.slice(keyStart, i);
    if (!key) return { error: `empty key at position ${keyStart + 1}` };
    if (s[i] !== '=') return { error: `"${key}" has no value: write ${key}=value` };
    i++;
    let value = '';
    if (s[i] === '"') {
      i++;
      let closed = false;
      while (i < s.length) {
        const c = s[i] as string;
        if (c === '\\' && i + 1 < s.length) {
          const n = s[i + 1] as string;
          value += n === 'n' ? '\n' : n;
          i += 2;
        } else if (c === '"') {
          closed = true;
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      if (!closed) return { error: `the quoted value of "${key}" is not closed` };
    } else {
      const vs = i;
      while (i < s.length && !/\s/.test(s[i] as string)) i++;
      value = s.slice(vs, i);
    }
    tags.push({ key, value });
  }
  return { tags };
}

export type SearchParseResult = { search: TraceSearch } | { error: string };

/** Validates trace search parameters; the error names the parameter and what is wrong. */
export function parseTraceSearch(params: URLSearchParams, nowMs: number): SearchParseResult {
  const str = (k: string) => {
    const v = params.get(k);
    return v === null || v.trim() === '' ? undefined : v.trim();
  };
  const search: TraceSearch = { tags: [], fromNs: 0n, toNs: 0n, limit: DEFAULT_LIMIT };
  const service = str('service');
  if (service !== undefined) search.service = service;
  const operation = str('operation');
  if (operation !== undefined) search.operation = operation;
  for (const k of ['minDuration', 'maxDuration'] as const) {
    const v = str(k);
    if (v === undefined) continue;
    const ns = parseDurationNs(v);
    if (ns === null) return { error: `invalid parameter "${k}": "${v}" is not a duration like 250ms, 1.5s or 2m` };
    if (ns > MAX_DURATION_NS)
      return {
        error: `invalid parameter "${k}": "${v}" is longer than any span can last (at most ${MAX_DURATION_NS / 3_600_000_000_000n}h)`,
      };
    if (k === 'minDuration') search.minDurationNs = ns;
    else search.maxDurationNs = ns;
  }
  if (
    search.minDurationNs !== undefined &&
    search.maxDurationNs !== undefined &&
    search.maxDurationNs < search.minDurationNs
  ) {
    return { error: 'invalid parameter "maxDuration": must not be less than minDuration' };
  }
  const tags = str('tags');
  if (tags !== undefined) {
    const r = parseLogfmt(tags);
    if ('error' in r) return { error: `invalid parameter "tags": ${r.error}` };
    search.tags = r.tags;
  }
  const times: Record<'from' | 'to', number> = { from: nowMs - 3_600_000, to: nowMs };
  for (const k of ['from', 'to'] as const) {
    const v = str(k);
    if (v === undefined) continue;
    const e = parseTimeExpr(v);
    if (!e)
      return { error: `invalid parameter "${k}": "${v}" is not a time like now-1h, an epoch in ms or an ISO date` };
    times[k] = resolveTimeExpr(e, nowMs);
  }
  if (times.to < times.from) return { error: 'invalid parameter "to": must not be before from' };
  search.fromNs = BigInt(Math.floor(times.from)) * 1_000_000n;
  search.toNs = BigInt(Math.ceil(times.to)) * 1_000_000n;
  const limit = str('limit');
  if (limit !== undefined) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT)
      return { error: `invalid parameter "limit": must be an integer from 1 to ${MAX_LIMIT}, got "${limit}"` };
    search.limit = n;
  }
  const sort = str('sort');
  if (sort !== undefined) {
    if (!(TRACE_SORTS as readonly string[]).includes(sort))
      return {
        error: `invalid parameter "sort": must be one of ${TRACE_SORTS.join(', ')}, got "${sort.slice(0, 40)}"`,
      };
    if (sort !== 'newest') search.sort = sort as TraceSort;
  }
  return { search };
}

/**
 * A trace id as the API and the waterfall accept it: 32 hex digits, not all zero
 * (case-insensitive), or any other form people paste (a W3C traceparent, an X-Trace-ID value).
 */
export function normalizeTraceId(input: string): string | null {
  const r = parseTraceIdInput(input);
  return 'traceId' in r ? r.traceId : null;
}
