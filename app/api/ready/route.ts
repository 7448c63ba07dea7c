import { getConfig } from '@/lib/config';
import { redactUrl } from '@/lib/http/redact';
import { handle } from '@/lib/server/route';
import { promClient } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

/** Readiness: Prometheus reachable and ready. 503 with the details when not. */
export function GET(req: Request) {
  return handle('/api/ready', req, async () => {
    const started = performance.now();
    const r = await promClient().ready(req.signal);
    const body = {
      status: r.ok ? 'ready' : 'not_ready',
      checks: {
        prometheus: {
          ok: r.ok,
          url: redactUrl(getConfig().prometheusUrl),
          detail: r.detail,
          latencyMs: Math.round(performance.now() - started),
        },
      },
    };
    return Response.json(body, { status: r.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
  });
}
