/**
 * The query keys and API query strings of the service map and the analysis, shared by the pages
 * (browser) and the server's prefetch of them, so that both name an answer the same way.
 */

/** The analysis page's own URL parameters: the search's, the split, the sample size and the most traces read. */
export const ANALYZE_FIELDS = [
  'service',
  'operation',
  'tags',
  'minDuration',
  'maxDuration',
  'split',
  'sample',
  'population',
] as const;

const pick = (params: URLSearchParams, keys: readonly string[]) => {
  const out = new URLSearchParams();
  for (const k of keys) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out.toString();
};

/** The API query string of the map a page URL shows (its range). */
export const mapQuery = (params: URLSearchParams) => pick(params, ['from', 'to']);
/** The API query string of the analysis a page URL shows (`population`, the most traces read, only from the URL). */
export const analyzeQuery = (params: URLSearchParams) => pick(params, [...ANALYZE_FIELDS, 'population', 'from', 'to']);

export const traceAnalysisKeys = {
  map: (qs: string, anchorMs: number) => ['service-map', qs, anchorMs] as const,
  analyze: (qs: string, anchorMs: number) => ['analyze', qs, anchorMs] as const,
};
