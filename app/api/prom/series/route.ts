import { z } from 'zod';
import { handle, parseParams } from '@/lib/server/route';
import { timeParam } from '@/lib/server/params';
import { series } from '@/lib/server/prom-meta';

export const dynamic = 'force-dynamic';

const schema = z.object({
  'match[]': z.array(z.string().min(1).max(5_000)).min(1, 'at least one series selector is needed').max(20),
  start: timeParam.optional(),
  end: timeParam.optional(),
});

/** The series `match[]` selects (label sets), for the PromQL editor; kept briefly, at most 10,000. */
export function GET(req: Request) {
  return handle('/api/prom/series', req, async () => {
    const p = parseParams(schema, new URL(req.url).searchParams, ['match[]']);
    return Response.json(await series(p['match[]'], p.start, p.end));
  });
}
