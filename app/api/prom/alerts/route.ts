import { handle } from '@/lib/server/route';
import { alertsNow } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

/** Alerting rules with their state, and whether the metric each reads exists at all. */
export function GET(req: Request) {
  return handle('/api/prom/alerts', req, async () => Response.json(await alertsNow(req.signal)));
}
