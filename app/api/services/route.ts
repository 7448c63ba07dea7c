import { handle } from '@/lib/server/route';
import { traceStore } from '@/lib/server/traces';

export const dynamic = 'force-dynamic';

/** Services that have sent spans. */
export function GET(req: Request) {
  return handle('/api/services', req, async () => Response.json({ services: await traceStore().services() }));
}
