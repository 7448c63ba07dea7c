import { redactForRequest } from '@/lib/server/redaction';
import { NotFound, handle } from '@/lib/server/route';
import { traceIdParam } from '@/lib/server/trace-views';
import { badRequest, traceStore } from '@/lib/server/traces';

export const dynamic = 'force-dynamic';

/** One span in full (attributes, events, links, status) with its resource and scope. */
export function GET(req: Request, ctx: { params: Promise<{ traceId: string; spanId: string }> }) {
  return handle('/api/traces/[traceId]/spans/[spanId]', req, async () => {
    const p = await ctx.params;
    const id = traceIdParam(p.traceId);
    const spanId = p.spanId.toLowerCase();
    if (!/^[0-9a-f]{16}$/.test(spanId))
      badRequest(`invalid span id "${p.spanId.slice(0, 40)}": expected 16 hex digits`);
    const detail = await traceStore().span(id, spanId);
    if (!detail) throw new NotFound(`span ${spanId} is not in trace ${id}`);
    return Response.json(redactForRequest(req, detail));
  });
}
