import { dashboardStore, notFound, provisionedOne, readSave, refuseProvisioned, saver } from '@/lib/server/dashboards';
import { BadRequest } from '@/lib/errors';
import { handle } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ uid: string }> };

/** One dashboard: the latest version, or `?version=N`. */
export function GET(req: Request, ctx: Ctx) {
  return handle('/api/dashboards/[uid]', req, async () => {
    const { uid } = await ctx.params;
    const raw = new URL(req.url).searchParams.get('version');
    const version = raw === null ? undefined : Number(raw);
    if (version !== undefined && (!Number.isInteger(version) || version < 1))
      throw new BadRequest(`version must be a whole number ≥ 1, got "${raw!.slice(0, 20)}"`);
    const file = provisionedOne(uid);
    if (file && version === undefined)
      return Response.json(
        { uid, version: 1, title: file.def.title, tags: file.tags, provisioned: file.file, def: file.def },
        { headers: { 'Cache-Control': 'no-store' } },
      );
    const d = dashboardStore().get(uid, version);
    if (!d) notFound(uid);
    return Response.json(d, { headers: { 'Cache-Control': 'no-store' } });
  });
}

/** A new version (editor): `{ dashboard, version, tags?, message? }`; from a version that is not the latest: 409. */
export function PUT(req: Request, ctx: Ctx) {
  return handle('/api/dashboards/[uid]', req, async () => {
    const { who, audit } = saver(req, 'dashboard.save');
    const { uid } = await ctx.params;
    refuseProvisioned(uid);
    const s = await readSave(req);
    if (s.version === undefined) throw new BadRequest('version: say which version this edit started from');
    const d = dashboardStore().update(uid, s.version, s.def, s.tags, who.name, Date.now(), s.message);
    if (!d) notFound(uid);
    audit({ uid, title: d.title, version: d.version, message: s.message });
    return Response.json({ uid, url: `/dashboards/${uid}`, version: d.version });
  });
}

export function DELETE(req: Request, ctx: Ctx) {
  return handle('/api/dashboards/[uid]', req, async () => {
    const { audit } = saver(req, 'dashboard.delete');
    const { uid } = await ctx.params;
    refuseProvisioned(uid);
    if (!dashboardStore().remove(uid, Date.now())) notFound(uid);
    audit({ uid });
    return new Response(null, { status: 204 });
  });
}
