import { quantileQueries } from './panel-queries';
import type { DashboardDef } from './types';

const RATE = '[$__rate_interval]';

export const memoryDashboard: DashboardDef = {
  id: 'memory',
  version: 1,
  title: 'Memory pool and caches',
  description: "Agent core's memory pool, the session cache, memory retrieval, compression and what was not written.",
  variables: [],
  panels: [
    {
      id: 'pool-bytes',
      title: 'Memory pool used vs total',
      description:
        'agent_core_memory_pool_used_bytes against agent_core_memory_pool_total_bytes (MEMORY_POOL_SIZE_MB).',
      kind: 'timeseries',
      unit: 'bytes',
      variables: [],
      queries: [
        { expr: 'sum(agent_core_memory_pool_used_bytes)', legend: 'used' },
        { expr: 'sum(agent_core_memory_pool_total_bytes)', legend: 'total', dash: '6 3' },
      ],
    },
    {
      id: 'time-to-exhaustion',
      title: 'Time until the pool is full (linear forecast)',
      description:
        'Free bytes ÷ the growth rate of used bytes over the last hour (deriv); no line while the pool is not growing.',
      kind: 'timeseries',
      unit: 's',
      warnWithinRange: 'At the last hour’s growth the memory pool is full in',
      variables: [],
      queries: [
        {
          expr: '(sum(agent_core_memory_pool_total_bytes) - sum(agent_core_memory_pool_used_bytes)) / (deriv(sum(agent_core_memory_pool_used_bytes)[1h:1m]) > 0)',
          legend: 'time to exhaustion',
        },
      ],
    },
    {
      id: 'pool-utilisation',
      title: 'Pool utilisation',
      description: 'used ÷ total.',
      kind: 'timeseries',
      unit: 'percentunit',
      max: 1,
      variables: [],
      queries: [
        {
          expr: 'sum(agent_core_memory_pool_used_bytes) / sum(agent_core_memory_pool_total_bytes)',
          legend: 'utilisation',
        },
      ],
    },
    {
      id: 'pool-gauge',
      title: 'Pool used now',
      description: 'used ÷ total at the end of the range; amber from 85 %, red from 95 % (the overview’s SLO).',
      kind: 'gauge',
      unit: 'percentunit',
      min: 0,
      max: 1,
      thresholds: {
        base: 'green',
        steps: [
          { value: 0.85, color: 'amber' },
          { value: 0.95, color: 'red' },
        ],
      },
      variables: [],
      queries: [
        {
          expr: 'sum(agent_core_memory_pool_used_bytes) / sum(agent_core_memory_pool_total_bytes)',
          legend: 'pool used',
        },
      ],
    },
    {
      id: 'session-cache',
      title: 'Session cache hit rate',
      description: 'shannon_session_cache_hits_total ÷ (hits + misses).',
      kind: 'timeseries',
      unit: 'percentunit',
      max: 1,
      variables: [],
      queries: [
        {
          expr: `sum(rate(shannon_session_cache_hits_total${RATE})) / (sum(rate(shannon_session_cache_hits_total${RATE})) + sum(rate(shannon_session_cache_misses_total${RATE})))`,
          legend: 'hit rate',
        },
      ],
    },
    {
      id: 'session-cache-size',
      title: 'Session cache size and evictions',
      description:
        'shannon_session_cache_size (entries, left axis) and the rate of shannon_session_cache_evictions_total (per minute, right axis).',
      kind: 'timeseries',
      unit: 'short',
      right: { unit: 'short' },
      variables: [],
      queries: [
        { expr: 'sum(shannon_session_cache_size)', legend: 'entries' },
        {
          expr: `sum(rate(shannon_session_cache_evictions_total${RATE})) * 60`,
          legend: 'evictions per minute',
          dash: '6 3',
          axis: 'right',
        },
      ],
    },
    {
      id: 'memory-fetch-hit-rate',
      title: 'Memory fetch hit rate by type',
      description: 'shannon_memory_fetches_total with result="hit" ÷ all, per memory type.',
      kind: 'timeseries',
      unit: 'percentunit',
      max: 1,
      variables: [],
      queries: [
        {
          expr: `sum by (type) (rate(shannon_memory_fetches_total{result="hit"}${RATE})) / sum by (type) (rate(shannon_memory_fetches_total${RATE}))`,
          legend: '{{type}}',
        },
      ],
    },
    {
      id: 'items-retrieved',
      title: 'Items retrieved per fetch (median and p95)',
      description: 'shannon_memory_items_retrieved by memory type.',
      kind: 'timeseries',
      unit: 'short',
      colorBy: 'type',
      variables: [],
      queries: quantileQueries('shannon_memory_items_retrieved_bucket', 'type', '{{type}} ', [0.5, 0.95]),
    },
    {
      id: 'compression',
      title: 'Compression events by status',
      description: 'Rate of shannon_compression_events_total: triggered, skipped, failed.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [{ expr: `sum by (status) (rate(shannon_compression_events_total${RATE}))`, legend: '{{status}}' }],
    },
    {
      id: 'compression-ratio',
      title: 'Compression ratio and tokens saved',
      description:
        'Median shannon_compression_ratio (left axis), and tokens saved per minute (rate of shannon_compression_tokens_saved_sum, right axis).',
      kind: 'timeseries',
      unit: 'short',
      right: { unit: 'short' },
      variables: [],
      queries: [
        ...quantileQueries('shannon_compression_ratio_bucket', '', 'ratio ', [0.5]),
        {
          expr: `sum(rate(shannon_compression_tokens_saved_sum${RATE})) * 60`,
          legend: 'tokens saved per minute',
          dash: '6 3',
          axis: 'right',
        },
      ],
    },
    {
      id: 'writes-skipped',
      title: 'Memory writes skipped by reason',
      description: 'Rate of shannon_memory_writes_skipped_total: duplicate, low_value, error.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [{ expr: `sum by (reason) (rate(shannon_memory_writes_skipped_total${RATE}))`, legend: '{{reason}}' }],
    },
    {
      id: 'retrieval-budget',
      title: 'Retrieval token budget (median and p95)',
      description: 'shannon_retrieval_token_budget by retrieval type.',
      kind: 'timeseries',
      unit: 'short',
      colorBy: 'retrieval_type',
      variables: [],
      queries: quantileQueries(
        'shannon_retrieval_token_budget_bucket',
        'retrieval_type',
        '{{retrieval_type}} ',
        [0.5, 0.95],
      ),
    },
    {
      id: 'result-cache',
      title: 'Result cache hit ratio',
      description:
        'shannon_cache_hits_total ÷ (hits + misses): the orchestrator’s answer cache, apart from the session cache.',
      kind: 'timeseries',
      unit: 'percentunit',
      min: 0,
      max: 1,
      variables: [],
      queries: [
        {
          expr: `sum(rate(shannon_cache_hits_total${RATE})) / (sum(rate(shannon_cache_hits_total${RATE})) + sum(rate(shannon_cache_misses_total${RATE})))`,
          legend: 'hit ratio',
        },
      ],
    },
    {
      id: 'chunking',
      title: 'Chunking: chunks per answer and chunk size (p50, p95)',
      description: 'shannon_chunks_per_qa (left, chunks) and shannon_chunk_size_tokens (right, tokens per chunk).',
      kind: 'timeseries',
      unit: 'short',
      right: { unit: 'short' },
      variables: [],
      queries: [
        ...quantileQueries('shannon_chunks_per_qa_bucket', '', 'chunks per answer ', [0.5, 0.95]),
        ...quantileQueries('shannon_chunk_size_tokens_bucket', '', 'tokens per chunk ', [0.5, 0.95]).map((q) => ({
          ...q,
          axis: 'right' as const,
        })),
      ],
    },
  ],
};
