import { z } from 'zod';
import { timeParam } from '@/lib/server/params';
import { handle, parseParams } from '@/lib/server/route';
import { canaryInputs } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

const schema = z
  .object({ start: timeParam, end: timeParam })
  .refine((p) => p.end > p.start, { path: ['end'], message: 'must be after start' });

/** Enforce vs dry-run over [start, end]: the canary verdict's inputs (the browser applies the thresholds). */
export function GET(req: Request) {
  return handle('/api/policy/canary', req, async () => {
    const p = parseParams(schema, new URL(req.url).searchParams);
    return Response.json(await canaryInputs(p.start, p.end, req.signal));
  });
}
