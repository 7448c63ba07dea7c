import { z } from 'zod';
import { handle, parseParams, requestParams } from '@/lib/server/route';
import { queryParam, stepParam, timeParam } from '@/lib/server/params';
import { exemplars } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

const schema = z
  .object({ query: queryParam, start: timeParam, end: timeParam, step: z.optional(stepParam) })
  .refine((p) => p.end >= p.start, { path: ['end'], message: 'must not be before start' });

export function GET(req: Request) {
  return handle('/api/prom/exemplars', req, async () => {
    const p = parseParams(schema, await requestParams(req));
    return Response.json(await exemplars(p.query, p.start, p.end, req.signal, p.step));
  });
}

/** The same parameters in a form body, for queries too long for a URL. */
export const POST = GET;
