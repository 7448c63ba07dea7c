import { principalOf } from '@/lib/auth/server';
import { analyzeTraces } from '@/lib/server/analyze';
import { isRedactedKey, redactsFor, refuseRedactedTags } from '@/lib/server/redaction';
import { handle } from '@/lib/server/route';
import { badRequest } from '@/lib/server/traces';
import { parseAnalysisQuery } from '@/lib/traces/analyze/params';

export const dynamic = 'force-dynamic';

/**
 * "Why is it slow?" over a trace search (issue 17): `split=p90|<duration>` cuts it into slow and
 * baseline, `sample` traces per group at most (default 5000), of the newest `population` that
 * match (default and at most 20,000). The search's own parameters are
 * those of /api/traces (service, operation, tags, minDuration, maxDuration, from, to).
 */
export function GET(req: Request) {
  return handle('/api/traces/analyze', req, async () => {
    const q = parseAnalysisQuery(new URL(req.url).searchParams, Date.now());
    if ('error' in q) badRequest(q.error);
    refuseRedactedTags(req, q.search.tags);
    const hide = redactsFor(principalOf(req));
    const result = await analyzeTraces({ ...q, ...(hide ? { redacted: isRedactedKey } : {}) });
    return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
  });
}
