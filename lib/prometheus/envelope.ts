import { z } from 'zod';

/** Prometheus HTTP API response envelopes (https://prometheus.io/docs/prometheus/latest/querying/api/). */

const sampleValue = z.tuple([z.number(), z.string()]);
const labels = z.record(z.string(), z.string());

/**
 * A series' [timestamp, "value"] pairs. Checked with a plain loop inside zod: a matrix holds
 * up to 11,000 pairs per series, and a schema object per pair costs more than the query.
 */
function isSamples(v: unknown): v is [number, string][] {
  if (!Array.isArray(v)) return false;
  for (const p of v) {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'string') return false;
  }
  return true;
}
const samples = z.custom<[number, string][]>(isSamples, { message: 'expected [timestamp, "value"] pairs' });

export const vectorSchema = z.object({
  resultType: z.literal('vector'),
  result: z.array(z.object({ metric: labels, value: sampleValue })),
});
export const matrixSchema = z.object({
  resultType: z.literal('matrix'),
  result: z.array(z.object({ metric: labels, values: samples })),
});
export const scalarSchema = z.object({ resultType: z.literal('scalar'), result: sampleValue });
export const stringSchema = z.object({ resultType: z.literal('string'), result: sampleValue });

type FloatQueryData =
  | z.infer<typeof vectorSchema>
  | z.infer<typeof matrixSchema>
  | z.infer<typeof scalarSchema>
  | z.infer<typeof stringSchema>;

/**
 * As Prometheus answers a query: a series of native histograms carries `histogram` (instant) or
 * `histograms` (range) instead of, or beside, float samples.
 */
const rawQueryDataSchema = z.discriminatedUnion('resultType', [
  z.object({
    resultType: z.literal('vector'),
    result: z.array(z.object({ metric: labels, value: sampleValue.optional(), histogram: z.unknown().optional() })),
  }),
  z.object({
    resultType: z.literal('matrix'),
    result: z.array(
      z.object({ metric: labels, values: samples.optional(), histograms: z.array(z.unknown()).optional() }),
    ),
  }),
  scalarSchema,
  stringSchema,
]);

/** The result with float samples only; `nativeHistogramSeries` counts the series that had native histogram samples (dropped). */
export const queryDataSchema = rawQueryDataSchema.transform(
  (d): FloatQueryData & { nativeHistogramSeries?: number } => {
    if (d.resultType === 'vector') {
      const result = d.result.flatMap((r) => (r.value ? [{ metric: r.metric, value: r.value }] : []));
      const nativeHistogramSeries = d.result.filter((r) => r.histogram !== undefined).length;
      return { resultType: d.resultType, result, ...(nativeHistogramSeries ? { nativeHistogramSeries } : {}) };
    }
    if (d.resultType === 'matrix') {
      const result = d.result.flatMap((r) =>
        r.values && r.values.length ? [{ metric: r.metric, values: r.values }] : [],
      );
      const nativeHistogramSeries = d.result.filter(
        (r) => r.histograms !== undefined && r.histograms.length > 0,
      ).length;
      return { resultType: d.resultType, result, ...(nativeHistogramSeries ? { nativeHistogramSeries } : {}) };
    }
    return d;
  },
);

/** What a panel says when series were dropped for holding native histograms. */
export function nativeHistogramWarning(n: number): string {
  return `${n} series hold native histograms, which the console does not draw: they are left out (query them with histogram_quantile, histogram_count or histogram_sum)`;
}

export const exemplarsDataSchema = z.array(
  z.object({
    seriesLabels: labels,
    exemplars: z.array(z.object({ labels, value: z.string(), timestamp: z.number() })),
  }),
);

export const labelValuesSchema = z.array(z.string());
export const seriesSchema = z.array(labels);
export const metadataSchema = z.record(
  z.string(),
  z.array(z.object({ type: z.string(), help: z.string(), unit: z.string() })),
);

const ruleBase = {
  name: z.string(),
  query: z.string(),
  labels: labels.optional(),
  health: z.string(),
  lastError: z.string().optional(),
  evaluationTime: z.number().optional(),
  lastEvaluation: z.string().optional(),
};
const alertSchema = z.object({
  labels,
  annotations: labels,
  state: z.string(),
  activeAt: z.string().optional(),
  value: z.string(),
});
export const rulesDataSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      file: z.string(),
      interval: z.number().optional(),
      rules: z.array(
        z.discriminatedUnion('type', [
          z.object({
            ...ruleBase,
            type: z.literal('alerting'),
            duration: z.number().optional(),
            annotations: labels.optional(),
            alerts: z.array(alertSchema).optional(),
            state: z.string().optional(),
          }),
          z.object({ ...ruleBase, type: z.literal('recording') }),
        ]),
      ),
    }),
  ),
});
export const alertsDataSchema = z.object({ alerts: z.array(alertSchema) });
export const targetsDataSchema = z.object({
  activeTargets: z.array(
    z.object({
      discoveredLabels: labels,
      labels,
      scrapePool: z.string(),
      scrapeUrl: z.string(),
      lastError: z.string(),
      lastScrape: z.string(),
      lastScrapeDuration: z.number(),
      health: z.enum(['up', 'down', 'unknown']),
    }),
  ),
  droppedTargets: z.array(z.unknown()).optional(),
});

const envelopes = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The common envelope: a union on `status`; `warnings` are kept. Built once per data schema:
 * zod compiles a schema on its first parse, and rebuilding it per response cost milliseconds.
 */
export function envelopeSchema<T extends z.ZodType>(data: T) {
  const cached = envelopes.get(data);
  if (cached) return cached as ReturnType<typeof buildEnvelope<T>>;
  const built = buildEnvelope(data);
  envelopes.set(data, built);
  return built;
}

function buildEnvelope<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('success'), data, warnings: z.array(z.string()).optional() }),
    z.object({
      status: z.literal('error'),
      errorType: z.string(),
      error: z.string(),
      warnings: z.array(z.string()).optional(),
    }),
  ]);
}

export type QueryData = z.infer<typeof queryDataSchema>;
export type MatrixData = z.infer<typeof matrixSchema>;
export type VectorData = z.infer<typeof vectorSchema>;
export type ExemplarsData = z.infer<typeof exemplarsDataSchema>;
export type RulesData = z.infer<typeof rulesDataSchema>;
export type AlertsData = z.infer<typeof alertsDataSchema>;
export type TargetsData = z.infer<typeof targetsDataSchema>;
export type Metadata = z.infer<typeof metadataSchema>;
