import { handle } from '@/lib/server/route';
import { preparedTrace, traceIdParam } from '@/lib/server/trace-views';
import { badRequest } from '@/lib/server/traces';
import { flameLayout } from '@/lib/traces/view/flame';
import { parseZoom } from '@/lib/url/trace-view';

export const dynamic = 'force-dynamic';

/** The trace as a flame graph over its whole time or a zoomed part of it (`zoom=0.2-0.5`, fractions). */
export function GET(req: Request, ctx: { params: Promise<{ traceId: string }> }) {
  return handle('/api/traces/[traceId]/flame', req, async () => {
    const pt = await preparedTrace(traceIdParam((await ctx.params).traceId));
    const raw = new URL(req.url).searchParams.get('zoom');
    const zoom: [number, number] | null = raw === null ? [0, 1] : parseZoom(raw);
    if (!zoom)
      badRequest(`invalid parameter "zoom": "${raw!.slice(0, 40)}" is not two fractions of the trace, such as 0.2-0.5`);
    const dur = Math.max(pt.ix.durationNs, 1);
    const [a, b] = zoom!;
    return Response.json(flameLayout(pt, [a * dur, b * dur]));
  });
}
