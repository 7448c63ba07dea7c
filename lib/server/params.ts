import 'server-only';
import { z } from 'zod';
import { parseDurationMs } from '../time/duration';

/** Parameter schemas shared by the /api/prom routes. Times are unix seconds (or RFC 3339). */
export const timeParam = z.string().transform((v, ctx) => {
  const n = Number(v);
  if (v.trim() !== '' && Number.isFinite(n)) return n;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a unix time in seconds or an RFC 3339 time` });
    return z.NEVER;
  }
  return ms / 1000;
});

export const stepParam = z.string().transform((v, ctx) => {
  const n = Number(v);
  const sec = v.trim() !== '' && Number.isFinite(n) ? n : (parseDurationMs(v) ?? NaN) / 1000;
  if (!(sec > 0)) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a positive step (seconds or a duration like 30s)` });
    return z.NEVER;
  }
  return sec;
});

export const queryParam = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'must not be empty')
  .max(20_000, 'is longer than 20,000 characters');

export const matchParam = z.array(z.string().min(1).max(5_000)).max(20).optional();
