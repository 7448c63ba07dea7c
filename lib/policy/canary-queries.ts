/**
 * The PromQL behind the canary verdict: increases over the chosen window, per effective mode, and
 * how they become the verdict's inputs. Pure: the route runs the queries, tests feed vectors.
 */
import type { ModeSample } from '../stats/canary';

export type VectorRow = { labels: Record<string, string>; value: number | null };

export const MODES = ['dry-run', 'enforce'] as const;
export type PolicyMode = (typeof MODES)[number];

/** Named instant queries for a window of `rangeSec` seconds ending at the evaluation time. */
export function canaryQueries(rangeSec: number): Record<string, string> {
  const r = `[${Math.max(60, Math.round(rangeSec))}s]`;
  return {
    evaluations: `sum by (effective_mode) (increase(shannon_policy_mode_comparison_total${r}))`,
    wouldDeny: `sum by (effective_mode) (increase(shannon_policy_mode_comparison_total{would_enforce_decision="deny"}${r}))`,
    errors: `sum by (mode) (increase(shannon_policy_errors_total${r}))`,
    latencyBuckets: `sum by (mode, le) (increase(shannon_policy_evaluation_duration_seconds_bucket${r}))`,
    latencySum: `sum by (mode) (increase(shannon_policy_evaluation_duration_seconds_sum${r}))`,
    latencyCount: `sum by (mode) (increase(shannon_policy_evaluation_duration_seconds_count${r}))`,
    cacheHits: `sum by (effective_mode) (increase(shannon_policy_cache_hits_total${r}))`,
    cacheMisses: `sum by (effective_mode) (increase(shannon_policy_cache_misses_total${r}))`,
    routed: `sum by (effective_mode, routing_reason) (increase(shannon_policy_canary_decisions_total${r}))`,
    killSwitchNow: 'sum(rate(shannon_policy_canary_decisions_total{routing_reason="emergency_kill_switch"}[2m]))',
  };
}

export type CanaryData = {
  samples: Record<PolicyMode, ModeSample>;
  /** share of evaluations the canary routed to enforce in the window, percent */
  enforcePercent: number | null;
  /** evaluations per routing reason in the window */
  routing: { reason: string; mode: string; count: number }[];
  killSwitchActive: boolean;
};

const modeOf = (l: Record<string, string>) => l.effective_mode ?? l.mode ?? '';

function byMode(rows: VectorRow[] | undefined, mode: string): number {
  return (rows ?? []).filter((r) => modeOf(r.labels) === mode).reduce((s, r) => s + (r.value ?? 0), 0);
}

export function assembleCanary(results: Record<string, VectorRow[]>): CanaryData {
  const samples = {} as Record<PolicyMode, ModeSample>;
  for (const m of MODES) {
    const buckets = (results.latencyBuckets ?? [])
      .filter((r) => modeOf(r.labels) === m && r.labels.le !== undefined)
      .map((r) => ({ le: r.labels.le === '+Inf' ? Infinity : Number(r.labels.le), count: r.value ?? 0 }))
      .sort((a, b) => a.le - b.le);
    samples[m] = {
      evaluations: byMode(results.evaluations, m),
      wouldDeny: byMode(results.wouldDeny, m),
      errors: byMode(results.errors, m),
      latency: { sum: byMode(results.latencySum, m), count: byMode(results.latencyCount, m), buckets },
      cacheHits: byMode(results.cacheHits, m),
      cacheMisses: byMode(results.cacheMisses, m),
    };
  }
  const routing = (results.routed ?? [])
    .map((r) => ({ reason: r.labels.routing_reason ?? '', mode: r.labels.effective_mode ?? '', count: r.value ?? 0 }))
    .sort((a, b) => b.count - a.count);
  const total = routing.reduce((s, r) => s + r.count, 0);
  const enforced = routing.filter((r) => r.mode === 'enforce').reduce((s, r) => s + r.count, 0);
  return {
    samples,
    enforcePercent: total > 0 ? (100 * enforced) / total : null,
    routing,
    killSwitchActive: (results.killSwitchNow?.[0]?.value ?? 0) > 0,
  };
}

/** The query key of the canary verdict's inputs over [start, end] (epoch s), in the browser and in the server's prefetch. */
export function canaryKey(start: number, end: number) {
  return ['policy', 'canary', start, end] as const;
}
