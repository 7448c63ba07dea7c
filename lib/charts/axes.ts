/** Round steps a time axis may use, in ms: seconds up to a week. */
const STEPS_MS = [1, 2, 5, 10, 15, 30]
  .map((s) => s * 1000)
  .concat([1, 2, 5, 10, 15, 30].map((m) => m * 60_000))
  .concat([1, 2, 3, 6, 12].map((h) => h * 3_600_000))
  .concat([1, 2, 7].map((d) => d * 86_400_000));

/**
 * Ticks for a time axis: at most `target` instants on round wall-clock boundaries (every 15 min,
 * every 3 h, at local midnight…) in the viewer's time zone. Computed once here so the chart does
 * not measure every label to space them (which forces a layout per label).
 */
export function wallClockTicks(
  fromMs: number,
  toMs: number,
  target: number,
  tzOffsetMin = new Date(fromMs).getTimezoneOffset(),
): number[] {
  const span = toMs - fromMs;
  if (!(span > 0) || !(target >= 1)) return [];
  // Both ends may fall on a tick: span / step + 1 ticks at most.
  const step =
    STEPS_MS.find((s) => span / s <= target - 1) ?? Math.ceil(span / Math.max(1, target - 1) / 86_400_000) * 86_400_000;
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
export function linePath<R extends { t: number }>(
  rows: readonly R[],
  value: (row: R) => number | null | undefined,
  x: (t: number) => number | undefined,
  y: (v: number) => number | undefined,
): string {
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
  if ((unit === 'bytes' || unit === 'bytesps') && raw >= 1024)
    return 1024 ** Math.floor(Math.log(raw) / Math.log(1024));
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
export function valueTicks(
  lo: number,
  hi: number,
  count = 5,
  fixedTop?: number,
  unit?: string,
): { ticks: number[]; top: number } {
  const span = (fixedTop ?? hi) - lo;
  const raw = span > 0 ? span / Math.max(1, count - 1) : 1;
  const scale = stepScale(raw, unit);
  const step = niceCeil(raw / scale) * scale;
  const top = fixedTop ?? lo + Math.max(1, Math.ceil((hi - lo) / step - 1e-9)) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= top + step * 1e-9; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  return { ticks, top };
}

/**
 * Series stacked on one another, in the order given: each row gets `top` (the running sum up to
 * and including that series) and `base` (the sum below it) per key. A missing value adds nothing
 * and leaves that series without a point in that row.
 */
export function stackRows<R extends { t: number }>(
  rows: readonly R[],
  keys: readonly string[],
  value: (row: R, key: string) => number | null | undefined,
): { top: (number | null)[][]; base: number[][] } {
  const top = keys.map(() => new Array<number | null>(rows.length).fill(null));
  const base = keys.map(() => new Array<number>(rows.length).fill(0));
  rows.forEach((row, i) => {
    let sum = 0;
    keys.forEach((k, j) => {
      const v = value(row, k);
      (base[j] as number[])[i] = sum;
      if (typeof v === 'number' && Number.isFinite(v)) {
        sum += v;
        (top[j] as (number | null)[])[i] = sum;
      }
    });
  });
  return { top, base };
}

/**
 * A filled band between `top` and `base` for each run of points that has a top value: forward
 * along the top, back along the base.
 */
export function areaPath(
  ts: readonly number[],
  top: readonly (number | null)[],
  base: readonly number[],
  x: (t: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let run: number[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const r = (n: number) => Math.round(n * 10) / 10;
    d += run.map((i, k) => `${k === 0 ? 'M' : 'L'}${r(x(ts[i] as number))},${r(y(top[i] as number))}`).join('');
    d +=
      [...run]
        .reverse()
        .map((i) => `L${r(x(ts[i] as number))},${r(y(base[i] as number))}`)
        .join('') + 'Z';
    run = [];
  };
  ts.forEach((_, i) => {
    if (top[i] === null || top[i] === undefined) flush();
    else run.push(i);
  });
  flush();
  return d;
}

/**
 * Bars as one path of rectangles: one per point, `width` wide (in x's units) and shifted by
 * `offset` from the point's time, from `base` up to the value.
 */
export function barsPath(
  ts: readonly number[],
  top: readonly (number | null)[],
  base: readonly number[] | number,
  x: (t: number) => number,
  y: (v: number) => number,
  width: number,
  offset = 0,
): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  let d = '';
  ts.forEach((t, i) => {
    const v = top[i];
    if (v === null || v === undefined || !Number.isFinite(v)) return;
    const b = typeof base === 'number' ? base : (base[i] as number);
    const x0 = x(t) + offset;
    d += `M${r(x0)},${r(y(b))}H${r(x0 + width)}V${r(y(v))}H${r(x0)}Z`;
  });
  return d;
}

/** Points as zero-length strokes (drawn round by a round line cap, whatever the plot's scaling). */
export function pointsPath(
  ts: readonly number[],
  values: readonly (number | null)[],
  x: (t: number) => number,
  y: (v: number) => number,
): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  let d = '';
  ts.forEach((t, i) => {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) return;
    d += `M${r(x(t))},${r(y(v))}h0`;
  });
  return d;
}
