import 'server-only';
import { z } from 'zod';
import { answerOf, BadRequest, type ErrorAnswer } from '../errors';
import { consoleMetrics } from './metrics';

export { BadRequest, NotFound } from '../errors';

export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra?: Record<string, unknown>,
  retryAfterS?: number,
) {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (retryAfterS !== undefined) headers['Retry-After'] = String(retryAfterS);
  return Response.json({ error: { code, message, ...extra } }, { status, headers });
}

/** What an error becomes in an answer: its HTTP status, a code and a message for people. */
export function errorOf(e: unknown): ErrorAnswer {
  const answer = answerOf(e);
  if (answer) return answer;
  console.error('[console] unexpected error', e);
  return { status: 500, code: 'internal', message: e instanceof Error ? e.message : 'internal error' };
}

function toResponse(e: unknown): Response {
  const { status, code, message, warnings, retryAfterS } = errorOf(e);
  return errorResponse(status, code, message, warnings ? { warnings } : undefined, retryAfterS);
}

/** Wrap a route handler: times it for /api/metrics and maps every error to `{ error: { code, message } }`. */
export async function handle(route: string, req: Request, fn: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  let res: Response;
  try {
    res = await fn();
  } catch (e) {
    res = toResponse(e);
  }
  consoleMetrics().httpDuration.observe(
    { route, method: req.method, status: String(res.status) },
    (performance.now() - started) / 1000,
  );
  return res;
}

/**
 * The request's parameters: the URL's, and for a POST those of its form body as well
 * (application/x-www-form-urlencoded, as Prometheus's API takes them), so a long query fits.
 */
export async function requestParams(req: Request): Promise<URLSearchParams> {
  const params = new URL(req.url).searchParams;
  if (req.method !== 'POST') return params;
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new BadRequest(
      `a POST takes its parameters as application/x-www-form-urlencoded, not "${type || 'no content type'}"`,
    );
  }
  for (const [k, v] of new URLSearchParams(await req.text())) params.append(k, v);
  return params;
}

/** A JSON request body; a body that is not JSON is a 400 that shows what was expected (`shape`). */
export async function readJson(req: Request, shape: string): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new BadRequest(`the body must be JSON: ${shape}`);
  }
}

/** Parse search params with a zod schema; a failure becomes a 400 that names the parameter. */
export function parseParams<T extends z.ZodType>(schema: T, params: URLSearchParams, multi: string[] = []): z.infer<T> {
  const obj: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    obj[key] = multi.includes(key) ? params.getAll(key) : (params.get(key) as string);
  }
  const r = schema.safeParse(obj);
  if (!r.success) {
    const issue = r.error.issues[0];
    const name = issue?.path.join('.') || 'query';
    throw new BadRequest(`invalid parameter "${name}": ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}
