import { z } from 'zod';
import { authService, requireRole } from '@/lib/auth/server';
import { handle, parseParams } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

const schema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  kind: z.string().max(100).optional(),
  user: z.string().max(200).optional(),
  before: z.coerce.number().int().positive().optional(),
});

/** The audit log (admin), newest first: logins, failures, lockouts, token use, saves and imports. */
export function GET(req: Request) {
  return handle('/api/admin/audit', req, async () => {
    requireRole(req, 'admin');
    const p = parseParams(schema, new URL(req.url).searchParams);
    const entries = authService().store.auditEntries({
      limit: p.limit,
      ...(p.kind ? { kind: p.kind } : {}),
      ...(p.user ? { user: p.user } : {}),
      ...(p.before ? { beforeId: p.before } : {}),
    });
    return Response.json({ entries }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
