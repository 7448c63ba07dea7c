/**
 * Step math for range queries, all in seconds.
 * step = max(range / maxDataPoints, range / 11000, scrapeInterval): never more points than a
 * chart can show, never more than Prometheus accepts (11,000 points per series), never finer
 * than the data.
 */
export const PROMETHEUS_MAX_POINTS = 11_000;

export function autoStep(rangeSec: number, maxDataPoints: number, scrapeIntervalSec: number): number {
  const raw = Math.max(rangeSec / maxDataPoints, rangeSec / PROMETHEUS_MAX_POINTS, scrapeIntervalSec);
  return niceStep(raw);
}

/** Round a step up to a whole number of seconds (or ms below 1 s) so that alignment is stable. */
function niceStep(sec: number): number {
  if (sec < 1) return Math.ceil(sec * 1000) / 1000;
  return Math.ceil(sec);
}

/**
 * Align start and end down to multiples of step, so that refreshes hit the same grid. The end
 * goes down, not up: a point after "now" would be evaluated on samples that do not exist yet,
 * and a shared absolute link would then show a different last point to each person who opens it.
 */
export function alignRange(startSec: number, endSec: number, stepSec: number): { start: number; end: number } {
  const start = Math.floor(startSec / stepSec) * stepSec;
  return { start, end: Math.max(start, Math.floor(endSec / stepSec) * stepSec) };
}

/**
 * The window for rate() over a panel: at least four scrapes (so a missed scrape never empties
 * it), and at least one step plus a scrape (so consecutive points never skip samples).
 */
export function rateInterval(stepSec: number, scrapeIntervalSec: number): number {
  return Math.max(4 * scrapeIntervalSec, stepSec + scrapeIntervalSec);
}

export function planRange(
  startSec: number,
  endSec: number,
  opts: { maxDataPoints: number; scrapeIntervalSec: number },
): { start: number; end: number; step: number; rateInterval: number } {
  const step = autoStep(Math.max(endSec - startSec, 1), opts.maxDataPoints, opts.scrapeIntervalSec);
  const aligned = alignRange(startSec, endSec, step);
  return { ...aligned, step, rateInterval: rateInterval(step, opts.scrapeIntervalSec) };
}
