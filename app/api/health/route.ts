export const dynamic = 'force-dynamic';

/** Liveness: the process serves requests. Says nothing of Prometheus (see /api/ready). */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
