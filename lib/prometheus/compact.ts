import type { ExemplarsData, QueryData } from './envelope';

/**
 * The console's compact wire format for charts: one shared time grid (start, step, n) and, per
 * series, plain numbers aligned to it (null where Prometheus has no point, or the value is not
 * finite), rounded to six significant digits (chartNumber). About a quarter of the bytes of
 * Prometheus's [ts, "value"] pairs, and no parsing in the browser.
 */
export type CompactSeries = { labels: Record<string, string>; values: (number | null)[] };
export type CompactMatrix = {
  start: number;
  step: number;
  n: number;
  series: CompactSeries[];
  warnings: string[];
};
export type CompactVector = {
  series: { labels: Record<string, string>; value: number | null; t: number }[];
  warnings: string[];
};
export type CompactExemplar = {
  traceId: string;
  spanId?: string;
  value: number;
  t: number;
  labels: Record<string, string>;
};

export function toNumber(s: string): number | null {
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Six significant digits: a relative error of at most 5e-6, far below what a chart or its tooltip can
 * show (three or four digits), and half the bytes of the shortest round-trip form
 * (8.999999999999996 → 9). Only range results for charts are rounded; instant values, the inputs
 * of the canary statistics and exemplar values stay exact.
 */
export function chartNumber(s: string): number | null {
  const n = toNumber(s);
  return n === null ? null : Number(n.toPrecision(6));
}

export function compactMatrix(
  data: QueryData,
  start: number,
  end: number,
  step: number,
  warnings: string[],
): CompactMatrix {
  const n = Math.floor((end - start) / step + 1e-9) + 1;
  if (data.resultType !== 'matrix') {
    throw new Error(`expected a matrix from query_range, got ${data.resultType}`);
  }
  const series = data.result.map((r) => {
    const values: (number | null)[] = new Array(n).fill(null);
    for (const [t, v] of r.values) {
      const i = Math.round((t - start) / step);
      if (i >= 0 && i < n) values[i] = chartNumber(v);
    }
    return { labels: r.metric, values };
  });
  return { start, step, n, series, warnings };
}

export function compactVector(data: QueryData, warnings: string[]): CompactVector {
  switch (data.resultType) {
    case 'vector':
      return {
        series: data.result.map((r) => ({ labels: r.metric, t: r.value[0], value: toNumber(r.value[1]) })),
        warnings,
      };
    case 'scalar':
      return { series: [{ labels: {}, t: data.result[0], value: toNumber(data.result[1]) }], warnings };
    default:
      throw new Error(`expected a vector or scalar from query, got ${data.resultType}`);
  }
}

export function compactExemplars(data: ExemplarsData): CompactExemplar[] {
  const out: CompactExemplar[] = [];
  for (const s of data) {
    for (const e of s.exemplars) {
      const traceId = e.labels.trace_id ?? e.labels.traceID ?? e.labels.traceId;
      const value = toNumber(e.value);
      if (!traceId || value === null) continue;
      const spanId = e.labels.span_id ?? e.labels.spanID;
      out.push({ traceId, ...(spanId ? { spanId } : {}), value, t: e.timestamp, labels: s.seriesLabels });
    }
  }
  return out;
}
