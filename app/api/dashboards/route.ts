import { dashboardStore, readSave, saver } from '@/lib/server/dashboards';
import { handle } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Saved dashboards: `search` in titles, `tag` to narrow. */
export function GET(req: Request) {
  return handle('/api/dashboards', req, async () => {
    const sp = new URL(req.url).searchParams;
    const list = dashboardStore().list(sp.get('search') ?? '', sp.get('tag') ?? '');
    return Response.json({ dashboards: list.map((d) => ({ ...d, url: `/dashboards/${d.uid}` })) });
  });
}

/** A new dashboard (editor): `{ dashboard, tags?, message? }` → 201 with its uid and url. */
export function POST(req: Request) {
  return handle('/api/dashboards', req, async () => {
    const { who, audit } = saver(req, 'dashboard.create');
    const s = await readSave(req);
    const d = dashboardStore().create(s.def, s.tags ?? [], who.name, Date.now(), s.message);
    audit({ uid: d.uid, title: d.title, version: d.version });
    return Response.json({ uid: d.uid, url: `/dashboards/${d.uid}`, version: d.version }, { status: 201 });
  });
}
