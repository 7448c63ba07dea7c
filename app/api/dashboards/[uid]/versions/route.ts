import { dashboardStore, notFound } from '@/lib/server/dashboards';
import { handle } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Every version of a dashboard, newest first, with its message, author and time. */
export function GET(req: Request, ctx: { params: Promise<{ uid: string }> }) {
  return handle('/api/dashboards/[uid]/versions', req, async () => {
    const { uid } = await ctx.params;
    const store = dashboardStore();
    if (!store.get(uid)) notFound(uid);
    return Response.json({ versions: store.versions(uid) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
