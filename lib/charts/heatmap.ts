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

/** Shades a heatmap is drawn in: more is darker, on a square-root scale so small rates show. */
export const HEATMAP_LEVELS = 16;

/** The opacity of shade `level` (1 … HEATMAP_LEVELS). */
export function levelOpacity(level: number): number {
  return 0.12 + (0.88 * level) / HEATMAP_LEVELS;
}

/** The shade of a cell (0: not drawn). */
export function cellLevel(v: number | null | undefined, max: number): number {
  if (v === null || v === undefined || !(v > 0) || !(max > 0)) return 0;
  return Math.min(HEATMAP_LEVELS, Math.max(1, Math.ceil(Math.sqrt(v / max) * HEATMAP_LEVELS)));
}

/**
 * The heatmap as one SVG path per shade, in cell units (column c spans x c…c+1; row 0, the lowest
 * bucket, is drawn at the bottom). Neighbouring cells of a row in the same shade become one
 * rectangle. A few thousand cells thus make about sixteen elements, not thousands.
 */
export function heatmapPaths(h: Heatmap): { level: number; d: string }[] {
  const rows = h.bounds.length;
  const parts: string[][] = Array.from({ length: HEATMAP_LEVELS + 1 }, () => []);
  h.cells.forEach((row, r) => {
    const y = rows - 1 - r;
    let c = 0;
    while (c < row.length) {
      const level = cellLevel(row[c], h.max);
      let end = c + 1;
      while (end < row.length && cellLevel(row[end], h.max) === level) end++;
      // A sliver wider than the run, so that neighbouring runs leave no hairline between them.
      if (level > 0) parts[level]!.push(`M${c} ${y}h${end - c + 0.02}v1.02h${-(end - c + 0.02)}z`);
      c = end;
    }
  });
  return parts.flatMap((p, level) => (level > 0 && p.length > 0 ? [{ level, d: p.join('') }] : []));
}
