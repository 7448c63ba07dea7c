import { redactForRequest } from '@/lib/server/redaction';
import { NotFound, handle } from '@/lib/server/route';
import { badRequest, traceStore } from '@/lib/server/traces';
import { normalizeTraceId } from '@/lib/traces/search';

export const dynamic = 'force-dynamic';

/** One trace in the console's model; traces are immutable once complete, so the browser may cache. */
export function GET(req: Request, ctx: { params: Promise<{ traceId: string }> }) {
  return handle('/api/traces/[traceId]', req, async () => {
    const { traceId: raw } = await ctx.params;
    const id = normalizeTraceId(raw);
    if (!id) badRequest(`invalid trace id "${raw.slice(0, 80)}": expected 32 hex digits, not all zero`);
    const trace = await traceStore().trace(id);
    if (!trace)
      throw new NotFound(
        `trace ${id} is not in the store (it may not have arrived yet, or is older than the retention period)`,
      );
    return Response.json(redactForRequest(req, trace));
  });
}
