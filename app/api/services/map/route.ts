import { handle } from '@/lib/server/route';
import { serviceMap } from '@/lib/server/service-map';
import { badRequest } from '@/lib/server/traces';
import { parseTraceSearch } from '@/lib/traces/search';

export const dynamic = 'force-dynamic';

/** The service map over `from`–`to` (issue 17): services, what they call, with rates, error rates and p95. */
export function GET(req: Request) {
  return handle('/api/services/map', req, async () => {
    const r = parseTraceSearch(new URL(req.url).searchParams, Date.now());
    if ('error' in r) badRequest(r.error);
    const answer = await serviceMap(r.search);
    return Response.json(answer, { headers: { 'Cache-Control': 'no-store' } });
  });
}
