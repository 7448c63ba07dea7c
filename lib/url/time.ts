import { formatDateTime } from '../format/time-zone';
import { formatDurationMs, parseDurationMs } from '../time/duration';

/**
 * Time expressions of the URL contract: `now`, `now-1h` (any duration), an ISO 8601 time, or
 * epoch milliseconds. Relative ones are kept as written so a shared link stays relative.
 */
export type TimeExpr = { kind: 'relative'; offsetMs: number } | { kind: 'absolute'; ms: number };

const RELATIVE_RE = /^now(?:-(.+))?$/;

export function parseTimeExpr(input: string): TimeExpr | null {
  const s = input.trim();
  const rel = RELATIVE_RE.exec(s);
  if (rel) {
    if (rel[1] === undefined) return { kind: 'relative', offsetMs: 0 };
    const ms = parseDurationMs(rel[1]);
    return ms === null ? null : { kind: 'relative', offsetMs: ms };
  }
  // Epoch milliseconds, from 0 up to the last instant a Date holds.
  if (/^\d{1,16}$/.test(s) && Number(s) <= 8.64e15) return { kind: 'absolute', ms: Number(s) };
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? null : { kind: 'absolute', ms };
  }
  return null;
}

export function resolveTimeExpr(expr: TimeExpr, nowMs: number): number {
  return expr.kind === 'relative' ? nowMs - expr.offsetMs : expr.ms;
}

export function formatTimeExpr(expr: TimeExpr): string {
  if (expr.kind === 'absolute') return new Date(expr.ms).toISOString();
  return expr.offsetMs === 0 ? 'now' : `now-${formatDurationMs(expr.offsetMs)}`;
}

export const QUICK_RANGES = ['5m', '15m', '30m', '1h', '3h', '6h', '12h', '24h', '2d', '7d'] as const;
export const REFRESH_OPTIONS = ['off', '5s', '10s', '30s', '1m', '5m', '15m'] as const;
export type RefreshOption = (typeof REFRESH_OPTIONS)[number];

export function refreshMs(r: RefreshOption): number | false {
  return r === 'off' ? false : (parseDurationMs(r) as number);
}

/** A human label for a range: "Last 1h" for now-relative ranges, else the two times in `timeZone`. */
export function describeRange(from: string, to: string, timeZone = 'UTC'): string {
  if (to === 'now' && from.startsWith('now-')) return `Last ${from.slice(4)}`;
  const f = parseTimeExpr(from);
  const t = parseTimeExpr(to);
  if (!f || !t) return `${from} → ${to}`;
  const fmt = (e: TimeExpr) => (e.kind === 'relative' ? formatTimeExpr(e) : formatDateTime(e.ms, timeZone));
  return `${fmt(f)} → ${fmt(t)}`;
}
