import { redactForRequest } from '@/lib/server/redaction';
import { NotFound, handle } from '@/lib/server/route';
import { traceIdParam } from '@/lib/server/trace-views';
import { traceStore } from '@/lib/server/traces';
import { traceToOtlpJson } from '@/lib/traces/otlp/to-json';

export const dynamic = 'force-dynamic';

/** The trace as an OTLP/JSON export request, as a file download. */
export function GET(req: Request, ctx: { params: Promise<{ traceId: string }> }) {
  return handle('/api/traces/[traceId]/otlp', req, async () => {
    const id = traceIdParam((await ctx.params).traceId);
    const trace = await traceStore().trace(id);
    if (!trace)
      throw new NotFound(
        `trace ${id} is not in the store (it may not have arrived yet, or is older than the retention period)`,
      );
    return new Response(JSON.stringify(redactForRequest(req, traceToOtlpJson(trace))), {
      headers: {
        'content-type': 'application/json',
        'content-disposition': `attachment; filename="trace-${id}.otlp.json"`,
      },
    });
  });
}
