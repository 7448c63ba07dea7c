import { addressOf, authService, requireRole } from '@/lib/auth/server';
import { BadRequest, NotFound } from '@/lib/errors';
import { handle } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Revokes a token: from now on it is refused (401). */
export function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle('/api/admin/tokens/[id]', req, async () => {
    const who = requireRole(req, 'admin');
    const { id: raw } = await ctx.params;
    const id = Number(raw);
    if (!Number.isInteger(id) || id <= 0) throw new BadRequest(`"${raw}" is not a token id`);
    const auth = authService();
    const token = auth.store.tokenById(id);
    if (!token) throw new NotFound(`no token with id ${id}`);
    if (auth.store.revokeToken(id, Date.now())) {
      auth.audit('token.revoke', who.name, addressOf(req), { tokenId: id, name: token.name });
    }
    return Response.json({ token: auth.store.tokenById(id) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
