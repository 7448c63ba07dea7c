import { importGrafana } from '@/lib/dashboards/grafana';
import { parseDashboard } from '@/lib/dashboards/schema';
import { BadRequest } from '@/lib/errors';
import { dashboardStore, saver } from '@/lib/server/dashboards';
import { handle } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * A Grafana dashboard (classic JSON, the `{"dashboard": …}` body of Grafana's HTTP API, or the
 * v1 resource) becomes a saved dashboard (editor): 201 with its uid, url and the report of what
 * came across and what did not, and why. Anything malformed is a 400 and nothing is stored.
 */
export function POST(req: Request) {
  return handle('/api/dashboards/import', req, async () => {
    const { who, audit } = saver(req, 'dashboard.import');
    let body: unknown;
    const text = await req.text();
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new BadRequest(
        e instanceof RangeError ? 'the JSON is nested too deeply to read' : `not JSON: ${(e as Error).message}`,
      );
    }
    const r = importGrafana(body);
    if (!r.ok) throw new BadRequest(r.error);
    const checked = parseDashboard(r.def);
    if (!checked.ok) throw new BadRequest(`the imported dashboard does not fit the model: ${checked.error}`);
    const d = dashboardStore().create(checked.def, r.tags, who.name, Date.now(), 'imported from Grafana');
    audit({ uid: d.uid, title: d.title, panels: d.def.panels.length, notImported: r.report.notImported.length });
    return Response.json({ uid: d.uid, url: `/dashboards/${d.uid}`, report: r.report }, { status: 201 });
  });
}
