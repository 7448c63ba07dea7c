import { consoleMetrics } from '@/lib/server/metrics';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { registry } = consoleMetrics();
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType } });
}
