import { z } from 'zod/mini';

/**
 * Explore's PromQL editor completes through the console's own routes, never straight to
 * Prometheus: codemirror-promql's HTTP client asks Prometheus's API paths, and this fetch answers
 * them from /api/prom/… (label names, label values, series, metadata), re-wrapped in Prometheus's
 * envelope so the library reads them as it would Prometheus's.
 */
const ROUTES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^\/api\/v1\/labels$/, () => '/api/prom/labels'],
  [/^\/api\/v1\/label\/([^/]+)\/values$/, (m) => `/api/prom/labels/${m[1]}/values`],
  [/^\/api\/v1\/series$/, () => '/api/prom/series'],
  [/^\/api\/v1\/metadata$/, () => '/api/prom/metadata'],
];

const answers = {
  '/api/prom/labels': z.object({ names: z.array(z.string()) }),
  values: z.object({ values: z.array(z.string()) }),
  '/api/prom/series': z.object({ series: z.array(z.record(z.string(), z.string())) }),
  '/api/prom/metadata': z.object({
    metadata: z.record(z.string(), z.array(z.object({ type: z.string(), help: z.string() }))),
  }),
};

/** The route on the console for a Prometheus API path, or null for one it does not serve. */
export function consoleRoute(path: string): string | null {
  for (const [re, to] of ROUTES) {
    const m = path.match(re);
    if (m) return to(m);
  }
  return null;
}

export const consoleFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://x');
  const route = consoleRoute(url.pathname);
  if (!route)
    return new Response(JSON.stringify({ status: 'error', error: `not served: ${url.pathname}` }), { status: 404 });
  const res = await fetch(`${route}${url.search}`, { signal: init?.signal ?? null });
  if (!res.ok) return res;
  const body: unknown = await res.json();
  const data = route.endsWith('/values')
    ? answers.values.parse(body).values
    : route === '/api/prom/labels'
      ? answers['/api/prom/labels'].parse(body).names
      : route === '/api/prom/series'
        ? answers['/api/prom/series'].parse(body).series
        : answers['/api/prom/metadata'].parse(body).metadata;
  return new Response(JSON.stringify({ status: 'success', data }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
};
