import { z } from 'zod';
import { compactVector } from '@/lib/prometheus/compact';
import { handle, parseParams } from '@/lib/server/route';
import { queryParam, timeParam } from '@/lib/server/params';
import { promClient } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

const schema = z.object({ query: queryParam, time: timeParam.optional() });

export function GET(req: Request) {
  return handle('/api/prom/query', req, async () => {
    const p = parseParams(schema, new URL(req.url).searchParams);
    const r = await promClient().query(p.query, p.time, req.signal);
    return Response.json(compactVector(r.data, r.warnings));
  });
}
