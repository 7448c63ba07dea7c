import { formatDurationMs } from '../time/duration';
import { parseTimeExpr, resolveTimeExpr } from './time';

/**
 * Zoom out and shift, as Grafana's `t -`, `t ←` and `t →`. A range that ends at `now` stays
 * live: zooming out doubles it back from now (the future half of a centred zoom holds no data),
 * and a shift later that would reach past now lands on the live range of the same length.
 * Anything else becomes absolute times.
 */
export type Range = { from: string; to: string };

function resolved(r: Range, nowMs: number) {
  const f = parseTimeExpr(r.from);
  const t = parseTimeExpr(r.to);
  if (!f || !t) throw new Error(`not a time range: ${r.from} to ${r.to}`);
  return { fromMs: resolveTimeExpr(f, nowMs), toMs: resolveTimeExpr(t, nowMs), live: r.to.trim() === 'now' };
}

const iso = (ms: number) => new Date(ms).toISOString();
const live = (spanMs: number): Range => ({ from: `now-${formatDurationMs(Math.round(spanMs))}`, to: 'now' });

export function zoomOut(r: Range, nowMs: number): Range {
  const { fromMs, toMs, live: isLive } = resolved(r, nowMs);
  const span = toMs - fromMs;
  if (isLive) return live(span * 2);
  const mid = fromMs + span / 2;
  const end = mid + span;
  if (end >= nowMs - Math.max(1000, span / 100)) return live(Math.max(span * 2, nowMs - (mid - span)));
  return { from: iso(mid - span), to: iso(end) };
}

export function shiftRange(r: Range, direction: -1 | 1, nowMs: number): Range {
  const { fromMs, toMs, live: isLive } = resolved(r, nowMs);
  const span = toMs - fromMs;
  const by = (span / 2) * direction;
  // Landing within a hundredth of the range (or a second) of now is landing on now.
  if (direction === 1 && (isLive || toMs + by >= nowMs - Math.max(1000, span / 100))) return live(span);
  return { from: iso(fromMs + by), to: iso(toMs + by) };
}
