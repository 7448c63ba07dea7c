import { handle } from '@/lib/server/route';
import { badRequest, traceStore } from '@/lib/server/traces';
import { parseTraceSearch } from '@/lib/traces/search';

export const dynamic = 'force-dynamic';

/** Trace search: summaries of matching traces, newest first. */
export function GET(req: Request) {
  return handle('/api/traces', req, async () => {
    const r = parseTraceSearch(new URL(req.url).searchParams, Date.now());
    if ('error' in r) badRequest(r.error);
    const traces = await traceStore().search(r.search);
    return Response.json({ traces, limit: r.search.limit });
  });
}
