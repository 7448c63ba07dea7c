import { z } from 'zod';
import { handle, parseParams, requestParams } from '@/lib/server/route';
import { queryParam, timeParam } from '@/lib/server/params';
import { instantQuery } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

const schema = z.object({ query: queryParam, time: timeParam.optional() });

export function GET(req: Request) {
  return handle('/api/prom/query', req, async () => {
    const p = parseParams(schema, await requestParams(req));
    return Response.json(await instantQuery(p.query, p.time, req.signal));
  });
}

/** The same parameters in a form body, for queries too long for a URL. */
export const POST = GET;
