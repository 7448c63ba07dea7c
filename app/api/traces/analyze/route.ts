import { principalOf } from '@/lib/auth/server';
import { analyzeTraces } from '@/lib/server/analyze';
import { isRedactedKey, redactsFor, refuseRedactedTags } from '@/lib/server/redaction';
import { handle } from '@/lib/server/route';
import { badRequest } from '@/lib/server/traces';
import { parsePopulation, parseSample, parseSplit } from '@/lib/traces/analyze/params';
import { parseTraceSearch } from '@/lib/traces/search';

export const dynamic = 'force-dynamic';

/**
 * "Why is it slow?" over a trace search (issue 17): `split=p90|<duration>` cuts it into slow and
 * baseline, `sample` traces per group at most (default 5000), of the newest `population` that
 * match (default and at most 20,000). The search's own parameters are
 * those of /api/traces (service, operation, tags, minDuration, maxDuration, from, to).
 */
export function GET(req: Request) {
  return handle('/api/traces/analyze', req, async () => {
    const qs = new URL(req.url).searchParams;
    const r = parseTraceSearch(qs, Date.now());
    if ('error' in r) badRequest(r.error);
    refuseRedactedTags(req, r.search.tags);
    const split = parseSplit(qs.get('split'));
    if ('error' in split) badRequest(split.error);
    const sample = parseSample(qs.get('sample'));
    if (typeof sample !== 'number') badRequest(sample.error);
    const population = parsePopulation(qs.get('population'));
    if (typeof population !== 'number') badRequest(population.error);
    const hide = redactsFor(principalOf(req));
    const result = await analyzeTraces({
      search: r.search,
      split,
      sample,
      population,
      ...(hide ? { redacted: isRedactedKey } : {}),
    });
    return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
  });
}
