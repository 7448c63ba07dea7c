import { z } from 'zod';
import { assembleCanary, canaryQueries, type VectorRow } from '@/lib/policy/canary-queries';
import { compactVector } from '@/lib/prometheus/compact';
import { timeParam } from '@/lib/server/params';
import { handle, parseParams } from '@/lib/server/route';
import { promClient } from '@/lib/server/prom';

export const dynamic = 'force-dynamic';

const schema = z.object({ start: timeParam, end: timeParam }).refine((p) => p.end > p.start, { path: ['end'], message: 'must be after start' });

/** Enforce vs dry-run over [start, end]: the canary verdict's inputs (the browser applies the thresholds). */
export function GET(req: Request) {
  return handle('/api/policy/canary', req, async () => {
    const p = parseParams(schema, new URL(req.url).searchParams);
    const queries = canaryQueries(p.end - p.start);
    const entries = await Promise.all(
      Object.entries(queries).map(async ([name, q]) => {
        const r = await promClient().query(q, p.end, req.signal);
        return [name, compactVector(r.data, r.warnings).series as VectorRow[]] as const;
      }),
    );
    return Response.json({ ...assembleCanary(Object.fromEntries(entries)), queries });
  });
}
