import { refuseRedactedTags } from '@/lib/server/redaction';
import { handle } from '@/lib/server/route';
import { badRequest, traceStore } from '@/lib/server/traces';
import { parseTraceSearch } from '@/lib/traces/search';

export const dynamic = 'force-dynamic';

/** Trace search: summaries of matching traces, newest first or as `sort` says (with the count that matched). */
export function GET(req: Request) {
  return handle('/api/traces', req, async () => {
    const r = parseTraceSearch(new URL(req.url).searchParams, Date.now());
    if ('error' in r) badRequest(r.error);
    refuseRedactedTags(req, r.search.tags);
    const result = await traceStore().search(r.search);
    return Response.json({ ...result, limit: r.search.limit, sort: r.search.sort ?? 'newest' });
  });
}
