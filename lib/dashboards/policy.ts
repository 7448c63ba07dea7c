import { quantileQueries } from './panel-queries';
import type { DashboardDef } from './types';

const RATE = '[$__rate_interval]';

export const policyDashboard: DashboardDef = {
  id: 'policy',
  version: 1,
  title: 'Policy canary: dry-run vs enforce',
  description:
    'How much traffic the canary enforces, what each mode decides, and whether enforce keeps Shannon’s SLOs.',
  variables: [],
  annotations: [
    {
      kind: 'kill-switch',
      expr: `sum(rate(shannon_policy_canary_decisions_total{routing_reason="emergency_kill_switch"}${RATE}))`,
    },
    { kind: 'policy-version', expr: 'max by (version_hash, policy_path) (shannon_policy_version_info)' },
    {
      kind: 'canary',
      expr: `sum(rate(shannon_policy_canary_decisions_total{routing_reason="percentage_rollout",effective_mode="enforce"}${RATE})) / sum(rate(shannon_policy_canary_decisions_total{routing_reason="percentage_rollout"}${RATE}))`,
    },
  ],
  panels: [
    {
      id: 'enforce-share',
      title: 'Effective enforce share',
      description: 'Share of shannon_policy_canary_decisions_total whose effective_mode is enforce.',
      kind: 'timeseries',
      unit: 'percentunit',
      max: 1,
      variables: [],
      queries: [
        {
          expr: `sum(rate(shannon_policy_canary_decisions_total{effective_mode="enforce"}${RATE})) / sum(rate(shannon_policy_canary_decisions_total${RATE}))`,
          legend: 'enforce',
        },
      ],
    },
    {
      id: 'routing-reasons',
      title: 'Routing by reason',
      description:
        'Rate of shannon_policy_canary_decisions_total by routing_reason (emergency_kill_switch forces dry-run).',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: `sum by (routing_reason) (rate(shannon_policy_canary_decisions_total${RATE}))`,
          legend: '{{routing_reason}}',
        },
      ],
    },
    {
      id: 'decision-mix',
      title: 'Decisions per mode',
      description: 'Rate of shannon_policy_evaluations_total by mode and decision.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: `sum by (mode, decision) (rate(shannon_policy_evaluations_total${RATE}))`,
          legend: '{{mode}} {{decision}}',
        },
      ],
    },
    {
      id: 'comparison-matrix',
      title: 'Mode comparison: original × would-enforce decision (evaluations in the range)',
      description:
        'increase of shannon_policy_mode_comparison_total over the range; highlighted cells are the requests enforce would decide differently.',
      kind: 'matrix',
      unit: 'short',
      variables: [],
      matrix: {
        rows: 'original_decision',
        cols: 'would_enforce_decision',
        rowTitle: 'original',
        colTitle: 'would enforce',
      },
      queries: [
        {
          expr: 'sum by (original_decision, would_enforce_decision) (increase(shannon_policy_mode_comparison_total[$__range]))',
        },
      ],
    },
    {
      id: 'divergence',
      title: 'Dry-run divergence',
      description:
        'Rate of shannon_policy_dry_run_divergence_total: would_deny (dry-run let through what enforce blocks), would_allow.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: `sum by (divergence_type) (rate(shannon_policy_dry_run_divergence_total${RATE}))`,
          legend: '{{divergence_type}}',
        },
      ],
    },
    {
      id: 'policy-latency',
      title: 'Evaluation latency p50 / p95 / p99 by effective mode (SLO: p50 < 1 ms, p95 < 5 ms)',
      description: 'shannon_policy_latency_slo_seconds per effective mode.',
      kind: 'timeseries',
      unit: 's',
      wide: true,
      colorBy: 'effective_mode',
      variables: [],
      queries: quantileQueries('shannon_policy_latency_slo_seconds_bucket', 'effective_mode', '{{effective_mode}} '),
      thresholds: [
        { value: 0.001, label: 'p50 SLO 1 ms' },
        { value: 0.005, label: 'p95 SLO 5 ms' },
      ],
    },
    {
      id: 'policy-errors',
      title: 'Error rate by mode (SLO < 5 %)',
      description: 'shannon_policy_errors_total ÷ shannon_policy_evaluations_total per mode.',
      kind: 'timeseries',
      unit: 'percentunit',
      variables: [],
      queries: [
        {
          expr: `sum by (mode) (rate(shannon_policy_errors_total${RATE})) / sum by (mode) (rate(shannon_policy_evaluations_total${RATE}))`,
          legend: '{{mode}}',
        },
      ],
      thresholds: [{ value: 0.05, label: 'SLO 5 %' }],
    },
    {
      id: 'error-budget',
      title: '30-day error budget remaining (99 % objective)',
      description: '1 − (errors ÷ evaluations over the last 30 days) ÷ 1 %: below 0 the budget is spent.',
      kind: 'timeseries',
      unit: 'percentunit',
      variables: [],
      queries: [
        {
          expr: '1 - (sum(increase(shannon_policy_errors_total[30d])) / sum(increase(shannon_policy_evaluations_total[30d]))) / 0.01',
          legend: 'budget remaining',
        },
      ],
      thresholds: [{ value: 0, label: 'spent' }],
    },
    {
      id: 'policy-version',
      title: 'Policy version loaded',
      description: 'shannon_policy_version_info: the policy hash and when it was loaded (the legend names them).',
      kind: 'timeseries',
      unit: 'short',
      variables: [],
      queries: [
        {
          expr: 'max by (version_hash, load_timestamp, policy_path) (shannon_policy_version_info)',
          legend: '{{version_hash}} from {{policy_path}}, loaded at unix {{load_timestamp}}',
        },
      ],
    },
    {
      id: 'policy-cache',
      title: 'Cache hit rate by mode (SLO > 80 %)',
      description: 'shannon_policy_cache_hits_total ÷ (hits + misses).',
      kind: 'timeseries',
      unit: 'percentunit',
      max: 1,
      variables: [],
      queries: [
        {
          expr: `sum by (effective_mode) (rate(shannon_policy_cache_hits_total${RATE})) / (sum by (effective_mode) (rate(shannon_policy_cache_hits_total${RATE})) + sum by (effective_mode) (rate(shannon_policy_cache_misses_total${RATE})))`,
          legend: '{{effective_mode}}',
        },
      ],
      thresholds: [{ value: 0.8, label: 'SLO 80 %' }],
    },
    {
      id: 'deny-reasons',
      title: 'Top deny reasons (rate over the range)',
      description: 'shannon_policy_deny_reasons_total by reason and mode, the ten largest.',
      kind: 'table',
      unit: 'reqps',
      variables: [],
      columns: [
        { key: 'truncated_reason', label: 'Reason' },
        { key: 'mode', label: 'Mode' },
      ],
      valueLabel: 'rate',
      queries: [
        { expr: 'topk(10, sum by (truncated_reason, mode) (rate(shannon_policy_deny_reasons_total[$__range])))' },
      ],
    },
    {
      id: 'slo-errors',
      title: 'SLO errors by category',
      description: 'Rate of shannon_policy_slo_errors_total by error_category and effective mode.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: `sum by (error_category, effective_mode) (rate(shannon_policy_slo_errors_total${RATE}))`,
          legend: '{{error_category}} ({{effective_mode}})',
        },
      ],
    },
    {
      id: 'policy-cache-entries',
      title: 'Policy cache entries',
      description: 'shannon_policy_cache_entries by cache type: how much the decision cache holds.',
      kind: 'timeseries',
      unit: 'short',
      variables: [],
      queries: [{ expr: 'sum by (cache_type) (shannon_policy_cache_entries)', legend: '{{cache_type}}' }],
    },
    {
      id: 'policy-files',
      title: 'Policy files loaded',
      description: 'shannon_policy_files_loaded per policy path.',
      kind: 'stat',
      unit: 'short',
      sparkline: false,
      variables: [],
      queries: [{ expr: 'sum by (policy_path) (shannon_policy_files_loaded)', legend: 'files in {{policy_path}}' }],
    },
    {
      id: 'policy-loaded-ago',
      title: 'Time since the policy was loaded',
      description: 'time() − shannon_policy_load_timestamp_seconds, per policy path.',
      kind: 'stat',
      unit: 's',
      sparkline: false,
      variables: [],
      queries: [
        { expr: 'time() - max by (policy_path) (shannon_policy_load_timestamp_seconds)', legend: '{{policy_path}}' },
      ],
    },
  ],
};
