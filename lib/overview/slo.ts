/** SLO tiles of the overview: one instant query each, judged green / amber / red, linking to its page. */
export type SloTile = {
  id: string;
  label: string;
  expr: string;
  unit: 's' | 'percentunit';
  /** green while the value is on the good side of `ok`, amber up to `bad`, red beyond */
  ok: number;
  bad: number;
  higherIsWorse: boolean;
  href: string;
  target: string;
};

export const SLO_TILES: SloTile[] = [
  {
    id: 'policy-errors',
    label: 'Policy error rate',
    expr: 'sum(rate(shannon_policy_errors_total[5m])) / sum(rate(shannon_policy_evaluations_total[5m]))',
    unit: 'percentunit',
    ok: 0.04,
    bad: 0.05,
    higherIsWorse: true,
    href: '/policy',
    target: '< 5 %',
  },
  {
    id: 'policy-p95',
    label: 'Policy p95 latency',
    expr: 'histogram_quantile(0.95, sum by (le) (rate(shannon_policy_latency_slo_seconds_bucket[5m])))',
    unit: 's',
    ok: 0.004,
    bad: 0.005,
    higherIsWorse: true,
    href: '/policy',
    target: '< 5 ms',
  },
  {
    id: 'policy-cache',
    label: 'Policy cache hit rate',
    expr: 'sum(rate(shannon_policy_cache_hits_total[5m])) / (sum(rate(shannon_policy_cache_hits_total[5m])) + sum(rate(shannon_policy_cache_misses_total[5m])))',
    unit: 'percentunit',
    ok: 0.85,
    bad: 0.8,
    higherIsWorse: false,
    href: '/policy',
    target: '> 80 %',
  },
  {
    id: 'workflow-p95',
    label: 'Workflow p95',
    expr: 'histogram_quantile(0.95, sum by (le) (rate(shannon_workflow_duration_seconds_bucket[5m])))',
    unit: 's',
    ok: 8,
    bad: 9.5,
    higherIsWorse: true,
    href: '/workflows',
    target: '< 9.5 s',
  },
  {
    id: 'workflow-failures',
    label: 'Workflow failure ratio',
    expr: 'sum(rate(shannon_workflows_completed_total{status!="completed"}[5m])) / sum(rate(shannon_workflows_completed_total[5m]))',
    unit: 'percentunit',
    ok: 0.05,
    bad: 0.1,
    higherIsWorse: true,
    href: '/workflows',
    target: '< 10 %',
  },
  {
    id: 'ttft-p95',
    label: 'Time to first token p95',
    expr: 'histogram_quantile(0.95, sum by (le) (rate(openai_compat_time_to_first_token_seconds_bucket[5m])))',
    unit: 's',
    ok: 2,
    bad: 5,
    higherIsWorse: true,
    href: '/streaming',
    target: '< 5 s',
  },
  {
    id: 'memory-pool',
    label: 'Memory pool utilisation',
    expr: 'sum(agent_core_memory_pool_used_bytes) / sum(agent_core_memory_pool_total_bytes)',
    unit: 'percentunit',
    ok: 0.85,
    bad: 0.95,
    higherIsWorse: true,
    href: '/memory',
    target: '< 95 %',
  },
];

export type SloState = 'green' | 'amber' | 'red' | 'nodata';

export function sloState(t: SloTile, v: number | null | undefined): SloState {
  if (v === null || v === undefined || Number.isNaN(v)) return 'nodata';
  const worse = (a: number, b: number) => (t.higherIsWorse ? a > b : a < b);
  if (worse(v, t.bad)) return 'red';
  if (worse(v, t.ok)) return 'amber';
  return 'green';
}
