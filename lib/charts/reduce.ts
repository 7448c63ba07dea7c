import type { Reducer } from '../dashboards/types';
import { legendName } from '../format/units';
import type { CompactMatrix } from '../prometheus/compact';

/** One series reduced to one number, for stat, gauge and bar gauge panels. */
export type ReducedSeries = {
  name: string;
  labels: Record<string, string>;
  value: number | null;
  values: (number | null)[];
};

/** The reducer over a series' values, nulls left out; null when there is no value at all. */
export function reduceValues(values: readonly (number | null)[], how: Reducer = 'last'): number | null {
  let last: number | null = null;
  let sum = 0;
  let n = 0;
  let max = -Infinity;
  let min = Infinity;
  for (const v of values) {
    if (v === null) continue;
    last = v;
    sum += v;
    n++;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  if (n === 0) return null;
  switch (how) {
    case 'mean':
      return sum / n;
    case 'max':
      return max;
    case 'min':
      return min;
    default:
      return last;
  }
}

/** Every series of the given results, named by its query's legend, reduced. In query order, then by name. */
export function reduceResults(
  results: readonly Pick<CompactMatrix, 'series'>[],
  legends: readonly (string | undefined)[],
  how: Reducer = 'last',
): ReducedSeries[] {
  return results.flatMap((r, qi) =>
    r.series
      .map((s) => ({
        name: legendName(legends[qi], s.labels),
        labels: s.labels,
        value: reduceValues(s.values, how),
        values: s.values,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })),
  );
}

/** The colour a value takes under thresholds: the base colour below the first step. */
export function thresholdColor(
  value: number | null,
  t: { base: string; steps: readonly { value: number; color: string }[] } | undefined,
  fallback: string,
): string {
  if (!t) return fallback;
  if (value === null) return t.base;
  let c = t.base;
  for (const s of [...t.steps].sort((a, b) => a.value - b.value)) if (value >= s.value) c = s.color;
  return c;
}

/** Threshold colour names a dashboard may use, readable on white and on slate-950; anything else is taken as a CSS colour. */
const NAMED: Record<string, string> = {
  green: '#16a34a',
  amber: '#d97706',
  orange: '#ea580c',
  red: '#dc2626',
  blue: '#2563eb',
  grey: '#64748b',
  gray: '#64748b',
};

export function cssColor(name: string): string {
  return NAMED[name] ?? name;
}
