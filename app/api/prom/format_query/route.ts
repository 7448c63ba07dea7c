import { z } from 'zod';
import { handle, parseParams, requestParams } from '@/lib/server/route';
import { queryParam } from '@/lib/server/params';
import { formatQuery } from '@/lib/server/prom-meta';

export const dynamic = 'force-dynamic';

const schema = z.object({ query: queryParam });

/** PromQL as Prometheus's formatter lays it out (Explore's "Format" button). */
export function GET(req: Request) {
  return handle('/api/prom/format_query', req, async () => {
    const p = parseParams(schema, await requestParams(req));
    return Response.json(await formatQuery(p.query, req.signal));
  });
}

/** The same parameter in a form body, for queries too long for a URL. */
export const POST = GET;
