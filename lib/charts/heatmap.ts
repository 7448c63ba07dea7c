/**
 * A heatmap from classic histogram buckets: `sum by (le) (rate(x_bucket[...]))` is cumulative per
 * `le`; each cell is one bucket's own rate at one step (the next-lower bucket subtracted).
 */
import type { CompactMatrix } from '../prometheus/compact';

export type Heatmap = {
  /** epoch ms of each column */
  times: number[];
  /** upper bound of each row, ascending; the last may be Infinity */
  bounds: number[];
  /** cells[row][column], per-second rates; null where Prometheus had no sample */
  cells: (number | null)[][];
  max: number;
};

export function buildHeatmap(m: CompactMatrix): Heatmap {
  const rows = m.series
    .map((s) => ({ le: s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), values: s.values }))
    .filter((r) => !Number.isNaN(r.le))
    .sort((a, b) => a.le - b.le);
  const times = Array.from({ length: m.n }, (_, i) => (m.start + i * m.step) * 1000);
  let max = 0;
  const cells = rows.map((r, k) =>
    r.values.map((v, i) => {
      const below = k > 0 ? rows[k - 1]!.values[i] : 0;
      // Without the bucket below at this step, this bucket's own share is unknown.
      if (v === null || below === null || below === undefined) return null;
      const own = Math.max(0, v - below);
      if (own > max) max = own;
      return own;
    }),
  );
  return { times, bounds: rows.map((r) => r.le), cells, max };
}

/** "≤ 0.1 s", "0.1–0.25 s", "> 30 s": a bucket's range for the axis. */
export function bucketLabel(bounds: number[], k: number, fmt: (v: number) => string): string {
  const hi = bounds[k]!;
  const lo = k > 0 ? bounds[k - 1]! : null;
  if (!Number.isFinite(hi)) return `> ${fmt(lo ?? 0)}`;
  return lo === null ? `≤ ${fmt(hi)}` : `${fmt(lo)}–${fmt(hi)}`;
}
