import { handle } from '@/lib/server/route';
import { preparedTrace, traceIdParam } from '@/lib/server/trace-views';
import { badRequest } from '@/lib/server/traces';
import { diffTraces } from '@/lib/traces/view/diff';

export const dynamic = 'force-dynamic';

/** Two traces aligned by service/operation path: added, removed and changed subtrees, duration changes. */
export function GET(req: Request) {
  return handle('/api/traces/compare', req, async () => {
    const sp = new URL(req.url).searchParams;
    const a = sp.get('a');
    const b = sp.get('b');
    if (!a) badRequest('missing parameter "a": the trace id to compare from');
    if (!b) badRequest('missing parameter "b": the trace id to compare with');
    const [pa, pb] = await Promise.all([preparedTrace(traceIdParam(a)), preparedTrace(traceIdParam(b))]);
    const summary = (o: typeof pa.overview) => ({
      traceId: o.traceId,
      startNs: o.startNs,
      durationNs: o.durationNs,
      spanCount: o.spanCount,
      errorCount: o.errorCount,
      root: o.root,
    });
    return Response.json({ a: summary(pa.overview), b: summary(pb.overview), ...diffTraces(pa.ix, pb.ix) });
  });
}
