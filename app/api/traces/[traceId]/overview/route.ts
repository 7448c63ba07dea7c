import { handle } from '@/lib/server/route';
import { preparedTrace, traceIdParam } from '@/lib/server/trace-views';
import { overviewOf } from '@/lib/traces/view/prepare';

export const dynamic = 'force-dynamic';

/** The waterfall's header: root, bounds, services, errors, depth, warnings, tokens, statistics, minimap. */
export function GET(req: Request, ctx: { params: Promise<{ traceId: string }> }) {
  return handle('/api/traces/[traceId]/overview', req, async () => {
    const pt = await preparedTrace(traceIdParam((await ctx.params).traceId));
    return Response.json(overviewOf(pt));
  });
}
