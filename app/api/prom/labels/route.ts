import { z } from 'zod';
import { handle, parseParams } from '@/lib/server/route';
import { matchParam, timeParam } from '@/lib/server/params';
import { labelNames } from '@/lib/server/prom-meta';

export const dynamic = 'force-dynamic';

const schema = z.object({ 'match[]': matchParam, start: timeParam.optional(), end: timeParam.optional() });

/** Label names (of the series `match[]` selects), for the PromQL editor; kept briefly. */
export function GET(req: Request) {
  return handle('/api/prom/labels', req, async () => {
    const p = parseParams(schema, new URL(req.url).searchParams, ['match[]']);
    return Response.json(await labelNames(p['match[]'] ?? [], p.start, p.end));
  });
}
