import { handle } from '@/lib/server/route';
import { targetsNow } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

/** Scrape targets: job, instance, health, last error. */
export function GET(req: Request) {
  return handle('/api/prom/targets', req, async () => {
    return Response.json(await targetsNow(req.signal));
  });
}
