import 'server-only';
import { currentPrincipal } from '../auth/server';
import type { Prefetched } from '../queries/prefetched';
import { analyzeQuery, mapQuery, traceAnalysisKeys } from '../queries/trace-analysis';
import { parseAnalysisQuery } from '../traces/analyze/params';
import { parseTraceSearch } from '../traces/search';
import { analyzeTraces } from './analyze';
import { settle } from './prefetch';
import { isRedactedKey, redactsFor } from './redaction';
import { serviceMap } from './service-map';

/** An answer as the API sends it: through JSON. */
const asSent = <T>(p: Promise<T>) => p.then((d) => JSON.parse(JSON.stringify(d)) as unknown);

/**
 * /services: the map of the page's range, started as the request arrives, under the key the
 * page asks with. A URL the API would refuse is left for the page to ask (and show the error).
 */
export function serviceMapPrefetch(params: URLSearchParams) {
  return (anchorMs: number): Prefetched[] => {
    const qs = mapQuery(params);
    const r = parseTraceSearch(new URLSearchParams(qs), anchorMs);
    if ('error' in r) return [];
    return [{ key: traceAnalysisKeys.map(qs, anchorMs), answer: settle(asSent(serviceMap(r.search))), inline: true }];
  };
}

/** /traces/analyze: the analysis the page's URL asks for, as GET /api/traces/analyze answers it (for this reader). */
export function analyzePrefetch(params: URLSearchParams, redacting: boolean) {
  return (anchorMs: number): Prefetched[] => {
    const qs = analyzeQuery(params);
    const q = parseAnalysisQuery(new URLSearchParams(qs), anchorMs);
    if ('error' in q) return [];
    if (redacting && q.search.tags.some((t) => isRedactedKey(t.key))) return [];
    const run = analyzeTraces({ ...q, ...(redacting ? { redacted: isRedactedKey } : {}) });
    return [{ key: traceAnalysisKeys.analyze(qs, anchorMs), answer: settle(asSent(run)), inline: true }];
  };
}

/** Whether the reader of this page sees redacted attributes as such. */
export async function pageRedacts(): Promise<boolean> {
  return !!redactsFor(await currentPrincipal());
}
