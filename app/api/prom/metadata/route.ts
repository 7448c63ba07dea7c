import { z } from 'zod';
import { handle, parseParams } from '@/lib/server/route';
import { metadata } from '@/lib/server/prom-meta';

export const dynamic = 'force-dynamic';

const schema = z.object({
  metric: z
    .string()
    .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'must be a metric name')
    .optional(),
});

/** Every metric's TYPE and HELP (or one metric's), for the PromQL editor and the metrics browser. */
export function GET(req: Request) {
  return handle('/api/prom/metadata', req, async () => {
    const p = parseParams(schema, new URL(req.url).searchParams);
    return Response.json(await metadata(p.metric));
  });
}
