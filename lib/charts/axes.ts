/** Round steps a time axis may use, in ms: seconds up to a week. */
const STEPS_MS = [1, 2, 5, 10, 15, 30].map((s) => s * 1000)
  .concat([1, 2, 5, 10, 15, 30].map((m) => m * 60_000))
  .concat([1, 2, 3, 6, 12].map((h) => h * 3_600_000))
  .concat([1, 2, 7].map((d) => d * 86_400_000));

/**
 * Ticks for a time axis: at most `target` instants on round wall-clock boundaries (every 15 min,
 * every 3 h, at local midnight…) in the viewer's time zone. Computed once here so the chart does
 * not measure every label to space them (which forces a layout per label).
 */
export function wallClockTicks(fromMs: number, toMs: number, target: number, tzOffsetMin = new Date(fromMs).getTimezoneOffset()): number[] {
  const span = toMs - fromMs;
  if (!(span > 0) || !(target >= 1)) return [];
  // Both ends may fall on a tick: span / step + 1 ticks at most.
  const step = STEPS_MS.find((s) => span / s <= target - 1) ?? Math.ceil(span / Math.max(1, target - 1) / 86_400_000) * 86_400_000;
  // Align in local time: shift to local, round up to the step, shift back.
  const shift = -tzOffsetMin * 60_000;
  const out: number[] = [];
  for (let t = Math.ceil((fromMs + shift) / step) * step - shift; t <= toMs; t += step) out.push(t);
  return out;
}

/** The smallest "round" number (1, 2, 2.5 or 5 × 10^k) at or above v: the top of a value axis. */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const pow = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= v * (1 - 1e-12)) return m * pow;
  return 10 * pow;
}

/**
 * An SVG path through one series: a move at the start of each run of points, lines between
 * points, and a gap wherever a value is missing (no line across it). `x` and `y` map data to
 * pixels; a point they cannot place is treated as missing.
 */
export function linePath<R extends { t: number }>(rows: readonly R[], value: (row: R) => number | null | undefined, x: (t: number) => number | undefined, y: (v: number) => number | undefined): string {
  let d = '';
  let pen = false;
  for (const row of rows) {
    const v = value(row);
    const px = v === null || v === undefined ? undefined : x(row.t);
    const py = px === undefined ? undefined : y(v as number);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${Math.round(px * 10) / 10},${Math.round(py * 10) / 10}`;
    pen = true;
  }
  return d;
}

/**
 * The unit a step is rounded in: a power of 1024 for bytes (ticks at 200 MiB, not 191 MiB), the
 * hour or minute for long durations (ticks at 2 h, not 1.39 h); 1 otherwise.
 */
function stepScale(raw: number, unit?: string): number {
  if (unit === 'bytes' && raw >= 1024) return 1024 ** Math.floor(Math.log(raw) / Math.log(1024));
  const sec = unit === 's' ? raw : unit === 'ms' ? raw / 1000 : 0;
  const per = unit === 'ms' ? 1000 : 1;
  if (sec >= 3600) return 3600 * per;
  if (sec >= 60) return 60 * per;
  return 1;
}

/**
 * Ticks for a value axis from `lo` up to at least `hi`: about `count` of them on a round step (in
 * the unit's own terms, see stepScale). The last tick is the top of the axis; with `fixedTop` the
 * axis ends there and the ticks stay below it.
 */
export function valueTicks(lo: number, hi: number, count = 5, fixedTop?: number, unit?: string): { ticks: number[]; top: number } {
  const span = (fixedTop ?? hi) - lo;
  const raw = span > 0 ? span / Math.max(1, count - 1) : 1;
  const scale = stepScale(raw, unit);
  const step = niceCeil(raw / scale) * scale;
  const top = fixedTop ?? lo + Math.max(1, Math.ceil((hi - lo) / step - 1e-9)) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= top + step * 1e-9; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  return { ticks, top };
}
