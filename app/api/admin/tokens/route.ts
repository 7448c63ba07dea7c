import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { addressOf, authService, requireRole } from '@/lib/auth/server';
import { BadRequest } from '@/lib/errors';
import { handle, readJson } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

const createSchema = z.object({
  name: z.string().trim().min(1, 'give the token a name').max(100, 'a name of at most 100 characters'),
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` }),
});

/** API tokens (admin): every token ever made, with its role, maker, last use and revocation. */
export function GET(req: Request) {
  return handle('/api/admin/tokens', req, async () => {
    requireRole(req, 'admin');
    return Response.json({ tokens: authService().store.listTokens() }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

/** A new token `{ name, role }`: its secret is in this answer only, and kept hashed. */
export function POST(req: Request) {
  return handle('/api/admin/tokens', req, async () => {
    const who = requireRole(req, 'admin');
    const body = await readJson(req, '{ "name": "...", "role": "viewer" }');
    const r = createSchema.safeParse(body);
    if (!r.success) throw new BadRequest(r.error.issues[0]?.message ?? 'invalid token');
    const auth = authService();
    const { token, info } = auth.store.createToken(r.data.name, r.data.role, who.name, Date.now());
    auth.audit('token.create', who.name, addressOf(req), { tokenId: info.id, name: info.name, role: info.role });
    return Response.json({ token, info }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  });
}
