import { handle, parseParams } from '@/lib/server/route';
import { traceIdParam, traceWindow } from '@/lib/server/trace-views';
import { badRequest } from '@/lib/server/traces';
import { viewFromParams } from '@/lib/traces/view/params';
import { MAX_WINDOW } from '@/lib/traces/view/window';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

const Window = z.object({
  offset: z.coerce.number().int('offset must be a whole number').min(0, 'offset must be ≥ 0').default(0),
  limit: z.coerce
    .number()
    .int('limit must be a whole number')
    .min(1, 'limit must be ≥ 1')
    .max(MAX_WINDOW, `limit must be ≤ ${MAX_WINDOW}`)
    .default(200),
  focus: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'focus must be a 16-hex span id')
    .optional(),
});

/** A window of the waterfall's rows for a view (collapsed subtrees, filters, search). */
export function GET(req: Request, ctx: { params: Promise<{ traceId: string }> }) {
  return handle('/api/traces/[traceId]/rows', req, async () => {
    const id = traceIdParam((await ctx.params).traceId);
    const sp = new URL(req.url).searchParams;
    const w = parseParams(Window.loose(), sp);
    const v = viewFromParams(sp);
    if ('error' in v) badRequest(v.error);
    return Response.json(await traceWindow(id, v.view, w.offset, w.limit, w.focus));
  });
}
