import { handle } from '@/lib/server/route';
import { badRequest, traceStore } from '@/lib/server/traces';

export const dynamic = 'force-dynamic';

/** Span names (with their kind) a service has sent. */
export function GET(req: Request, ctx: { params: Promise<{ service: string }> }) {
  return handle('/api/services/[service]/operations', req, async () => {
    const { service } = await ctx.params;
    if (!service.trim()) badRequest('invalid service: must not be empty');
    return Response.json({ service, operations: await traceStore().operations(service) });
  });
}
