import { alertRules, presenceQuery, requiredMetrics } from '@/lib/overview/alerts';
import { handle } from '@/lib/server/route';
import { promClient } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

/** Alerting rules with their state, and whether the metric each reads exists at all. */
export function GET(req: Request) {
  return handle('/api/prom/alerts', req, async () => {
    const rules = await promClient().rules(req.signal);
    const q = presenceQuery(requiredMetrics(rules.data));
    const present = new Set<string>();
    if (q) {
      const r = await promClient().query(q, undefined, req.signal);
      if (r.data.resultType === 'vector') for (const s of r.data.result) if (s.metric.__name__) present.add(s.metric.__name__);
    }
    return Response.json({ rules: alertRules(rules.data, present), warnings: rules.warnings });
  });
}
