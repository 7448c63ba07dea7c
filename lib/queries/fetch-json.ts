import { z } from 'zod/mini';

/** An error from the console's own API, as the browser sees it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Past this length a query string goes in a POST body (as Grafana and Prometheus's UI send long PromQL). */
export const MAX_GET_URL = 4096;

/**
 * Fetch one of our API routes and validate the answer; errors carry the server's code and message.
 * With `postWhenLong` (routes that take a form body, as /api/prom/query*), a long URL is sent as POST.
 */
export async function fetchJson<T extends z.ZodMiniType>(
  url: string,
  schema: T,
  signal?: AbortSignal,
  opts: { postWhenLong?: boolean } = {},
): Promise<z.infer<T>> {
  let res: Response;
  const q = url.indexOf('?');
  const post = opts.postWhenLong && url.length > MAX_GET_URL && q >= 0;
  try {
    res = await fetch(
      post ? url.slice(0, q) : url,
      post
        ? {
            signal,
            method: 'POST',
            body: url.slice(q + 1),
            headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
          }
        : { signal, headers: { Accept: 'application/json' } },
    );
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'network', 'The console server did not answer (network error).');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(res.status, 'bad_response', `The console answered HTTP ${res.status} without JSON.`);
  }
  if (!res.ok) {
    const err = errorBody.safeParse(json);
    if (err.success) throw new ApiError(res.status, err.data.error.code, err.data.error.message);
    throw new ApiError(res.status, 'http', `HTTP ${res.status}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      res.status,
      'bad_response',
      `Unexpected response from ${url.split('?')[0]}: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}
