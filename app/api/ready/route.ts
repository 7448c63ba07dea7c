import { getConfig } from '@/lib/config';
import { redactUrl } from '@/lib/http/redact';
import { handle } from '@/lib/server/route';
import { promClient } from '@/lib/server/prom';
import { traceStoreHealth } from '@/lib/server/traces';

export const dynamic = 'force-dynamic';

/**
 * Readiness: Prometheus reachable and ready (503 with the details when not), and the trace
 * store's state: a store that cannot write makes the console `degraded`, still serving pages.
 */
export function GET(req: Request) {
  return handle('/api/ready', req, async () => {
    const started = performance.now();
    const r = await promClient().ready(req.signal);
    const traceStore = traceStoreHealth();
    const body = {
      status: !r.ok ? 'not_ready' : traceStore.ok ? 'ready' : 'degraded',
      checks: {
        prometheus: {
          ok: r.ok,
          url: redactUrl(getConfig().prometheusUrl),
          detail: r.detail,
          latencyMs: Math.round(performance.now() - started),
        },
        traceStore,
      },
    };
    return Response.json(body, { status: r.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
  });
}
