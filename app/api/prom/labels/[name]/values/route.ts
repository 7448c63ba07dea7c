import { z } from 'zod';
import { isLabelName } from '@/lib/prometheus/escape';
import { BadRequest, handle, parseParams } from '@/lib/server/route';
import { matchParam, timeParam } from '@/lib/server/params';
import { labelValues } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

const schema = z.object({ 'match[]': matchParam, start: timeParam.optional(), end: timeParam.optional() });

export function GET(req: Request, ctx: { params: Promise<{ name: string }> }) {
  return handle('/api/prom/labels/[name]/values', req, async () => {
    const { name } = await ctx.params;
    if (!isLabelName(name) && name !== '__name__') {
      throw new BadRequest(`invalid parameter "name": "${name}" is not a Prometheus label name`);
    }
    const p = parseParams(schema, new URL(req.url).searchParams, ['match[]']);
    return Response.json(await labelValues(name, p['match[]'] ?? [], p.start, p.end, req.signal));
  });
}
