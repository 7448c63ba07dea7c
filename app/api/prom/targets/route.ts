import { handle } from '@/lib/server/route';
import { promClient } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

/** Scrape targets: job, instance, health, last error. */
export function GET(req: Request) {
  return handle('/api/prom/targets', req, async () => {
    const r = await promClient().targets(req.signal);
    const targets = r.data.activeTargets.map((t) => ({ job: t.labels.job ?? t.scrapePool, instance: t.labels.instance ?? '', health: t.health, lastError: t.lastError, lastScrape: t.lastScrape, scrapeUrl: t.scrapeUrl }));
    return Response.json({ targets: targets.sort((a, b) => a.job.localeCompare(b.job) || a.instance.localeCompare(b.instance)), warnings: r.warnings });
  });
}
