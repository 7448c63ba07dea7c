import 'server-only';
import { z } from 'zod';
import { ConfigError } from '../config';
import { isPromError } from '../prometheus/errors';
import { consoleMetrics } from './metrics';

export class BadRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadRequest';
  }
}

export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

export function errorResponse(status: number, code: string, message: string, extra?: Record<string, unknown>) {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** What an error becomes in an answer: its HTTP status, a code and a message for people. */
export function errorOf(e: unknown): { status: number; code: string; message: string; warnings?: string[] } {
  if (e instanceof BadRequest) return { status: 400, code: 'bad_request', message: e.message };
  if (e instanceof NotFound) return { status: 404, code: 'not_found', message: e.message };
  if (e instanceof Error && e.name === 'StoreUnavailable') return { status: 503, code: 'store_unavailable', message: e.message };
  if (isPromError(e)) return { status: e.status, code: e.kind, message: e.message, ...(e.warnings.length ? { warnings: e.warnings } : {}) };
  if (e instanceof ConfigError) return { status: 500, code: 'config', message: e.message };
  console.error('[console] unexpected error', e);
  return { status: 500, code: 'internal', message: e instanceof Error ? e.message : 'internal error' };
}

function toResponse(e: unknown): Response {
  const { status, code, message, warnings } = errorOf(e);
  return errorResponse(status, code, message, warnings ? { warnings } : undefined);
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
