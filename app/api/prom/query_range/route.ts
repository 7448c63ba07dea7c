import { z } from 'zod';
import { compactMatrix } from '@/lib/prometheus/compact';
import { PROMETHEUS_MAX_POINTS } from '@/lib/prometheus/step';
import { handle, parseParams } from '@/lib/server/route';
import { queryParam, stepParam, timeParam } from '@/lib/server/params';
import { promClient } from '@/lib/server/prom';

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
    const p = parseParams(schema, new URL(req.url).searchParams);
    const r = await promClient().queryRange(p.query, p.start, p.end, p.step, req.signal);
    return Response.json(compactMatrix(r.data, p.start, p.end, p.step, r.warnings));
  });
}
