import { z } from 'zod';
import { PROMETHEUS_MAX_POINTS } from '@/lib/prometheus/step';
import { handle, parseParams, requestParams } from '@/lib/server/route';
import { queryParam, stepParam, timeParam } from '@/lib/server/params';
import { rangeQuery } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

const schema = z
  .object({ query: queryParam, start: timeParam, end: timeParam, step: stepParam })
  .refine((p) => p.end >= p.start, { path: ['end'], message: 'must not be before start' })
  .refine((p) => (p.end - p.start) / p.step <= PROMETHEUS_MAX_POINTS, {
    path: ['step'],
    message: `is too small: more than ${PROMETHEUS_MAX_POINTS} points per series`,
  });

export function GET(req: Request) {
  return handle('/api/prom/query_range', req, async () => {
    const p = parseParams(schema, await requestParams(req));
    // Cache-Control: no-cache asks Prometheus for all of it, as HTTP caches do.
    const fresh = /\bno-cache\b/i.test(req.headers.get('cache-control') ?? '');
    return Response.json(await rangeQuery(p.query, p.start, p.end, p.step, req.signal, fresh));
  });
}

/** The same parameters in a form body, for queries too long for a URL. */
export const POST = GET;
