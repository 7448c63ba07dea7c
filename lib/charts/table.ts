/** Tables and matrices from a range result: each series' last value (the query sums over `$__range`). */
import type { CompactMatrix } from '../prometheus/compact';

export type TableRow = { labels: Record<string, string>; value: number };

export function lastValues(m: CompactMatrix): TableRow[] {
  const out: TableRow[] = [];
  for (const s of m.series) {
    for (let i = s.values.length - 1; i >= 0; i--) {
      const v = s.values[i];
      if (v !== null && v !== undefined) {
        out.push({ labels: s.labels, value: v });
        break;
      }
    }
  }
  return out.sort((a, b) => b.value - a.value);
}

export type Matrix = { rows: string[]; cols: string[]; cell: (r: string, c: string) => number | null };

/** A rows × cols grid from two labels; values of series sharing a cell are added. */
export function toMatrix(rows: TableRow[], rowLabel: string, colLabel: string): Matrix {
  const cells = new Map<string, number>();
  const rs = new Set<string>();
  const cs = new Set<string>();
  for (const r of rows) {
    const a = r.labels[rowLabel] ?? '';
    const b = r.labels[colLabel] ?? '';
    rs.add(a);
    cs.add(b);
    cells.set(`${a}\u0000${b}`, (cells.get(`${a}\u0000${b}`) ?? 0) + r.value);
  }
  return { rows: [...rs].sort(), cols: [...cs].sort(), cell: (r, c) => cells.get(`${r}\u0000${c}`) ?? null };
}
