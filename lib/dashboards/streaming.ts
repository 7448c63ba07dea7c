import { quantileQueries } from './panel-queries';
import type { DashboardDef } from './types';

const M = ['model'];

export const streamingDashboard: DashboardDef = {
  id: 'streaming',
  version: 1,
  title: 'Streaming and time to first token',
  description:
    'The OpenAI-compatible gateway: how soon the first token arrives, how streams end, what they cost in tokens.',
  variables: [{ name: 'model', label: 'Model', source: 'openai_compat_requests_total' }],
  panels: [
    {
      id: 'ttft',
      title: 'Time to first token by model',
      description: 'Quantiles of openai_compat_time_to_first_token_seconds (buckets 0.1 … 30 s) per model.',
      kind: 'timeseries',
      unit: 's',
      wide: true,
      height: 280,
      colorBy: 'model',
      variables: M,
      queries: quantileQueries('openai_compat_time_to_first_token_seconds_bucket', 'model', '{{model}} '),
      choices: { label: 'Quantile', defaults: ['p95'] },
      exemplars: 'openai_compat_time_to_first_token_seconds_bucket',
      traceService: 'orchestrator',
      quantileCeiling: 30,
    },
    {
      id: 'ttft-heatmap',
      title: 'Time to first token: every bucket over time',
      description:
        'Per-bucket rate of openai_compat_time_to_first_token_seconds_bucket (classic buckets, de-cumulated): where the mass of first tokens sits, and how it moves.',
      kind: 'heatmap',
      unit: 's',
      wide: true,
      height: 260,
      variables: M,
      queries: [
        {
          expr: 'sum by (le) (rate(openai_compat_time_to_first_token_seconds_bucket{ {{filter}} }[$__rate_interval]))',
        },
      ],
    },
    {
      id: 'stream-duration',
      title: 'Stream duration p50 / p95 by model',
      description: 'openai_compat_stream_duration_seconds: from request to the last chunk.',
      kind: 'timeseries',
      unit: 's',
      colorBy: 'model',
      variables: M,
      queries: quantileQueries('openai_compat_stream_duration_seconds_bucket', 'model', '{{model}} ', [0.5, 0.95]),
    },
    {
      id: 'stream-chunks',
      title: 'Chunks per second by model',
      description: 'Rate of openai_compat_stream_chunks_total.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: M,
      queries: [
        {
          expr: 'sum by (model) (rate(openai_compat_stream_chunks_total{ {{filter}} }[$__rate_interval]))',
          legend: '{{model}}',
        },
      ],
    },
    {
      id: 'stream-errors',
      title: 'Stream errors by type',
      description: 'Rate of openai_compat_stream_errors_total per error type.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: M,
      queries: [
        {
          expr: 'sum by (error_type) (rate(openai_compat_stream_errors_total{ {{filter}} }[$__rate_interval]))',
          legend: '{{error_type}}',
        },
      ],
    },
    {
      id: 'latency-stream',
      title: 'Request latency, streaming vs not',
      description: 'p50 and p95 of openai_compat_latency_seconds by the stream label.',
      kind: 'timeseries',
      unit: 's',
      colorBy: 'stream',
      variables: M,
      queries: quantileQueries('openai_compat_latency_seconds_bucket', 'stream', 'stream={{stream}} ', [0.5, 0.95]),
      exemplars: 'openai_compat_latency_seconds_bucket',
      traceService: 'orchestrator',
      quantileCeiling: 300,
    },
    {
      id: 'request-outcomes',
      title: 'Request outcomes',
      description: 'Rate of openai_compat_requests_total by status: success, error, rate_limited.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: M,
      queries: [
        {
          expr: 'sum by (status) (rate(openai_compat_requests_total{ {{filter}} }[$__rate_interval]))',
          legend: '{{status}}',
        },
      ],
    },
    {
      id: 'tokens-per-request',
      title: 'Tokens per request (median and p95)',
      description: 'openai_compat_tokens_per_request by type: prompt and completion.',
      kind: 'timeseries',
      unit: 'short',
      colorBy: 'type',
      variables: M,
      queries: quantileQueries('openai_compat_tokens_per_request_bucket', 'type', '{{type}} ', [0.5, 0.95]),
    },
    {
      id: 'sessions-active',
      title: 'Active sessions',
      description: 'openai_compat_sessions_active, the gateway sessions open now.',
      kind: 'timeseries',
      unit: 'short',
      variables: [],
      queries: [{ expr: 'sum(openai_compat_sessions_active)', legend: 'active sessions' }],
    },
    {
      id: 'gateway-errors',
      title: 'Gateway errors by type',
      description:
        'Rate of openai_compat_errors_total by error_type and error_code (rate limits, policy denials, failures).',
      kind: 'timeseries',
      unit: 'reqps',
      variables: M,
      queries: [
        {
          expr: 'sum by (error_type, error_code) (rate(openai_compat_errors_total{ {{filter}} }[$__rate_interval]))',
          legend: '{{error_type}} ({{error_code}})',
        },
      ],
    },
    {
      id: 'gateway-tokens',
      title: 'Gateway tokens per second',
      description: 'Rate of openai_compat_tokens_total by type: prompt and completion tokens through the gateway.',
      kind: 'timeseries',
      unit: 'short',
      stack: true,
      variables: M,
      queries: [
        {
          expr: 'sum by (type) (rate(openai_compat_tokens_total{ {{filter}} }[$__rate_interval]))',
          legend: '{{type}} tokens/s',
        },
      ],
    },
    {
      id: 'model-requests',
      title: 'Requests by model',
      description: 'Rate of openai_compat_model_requests_total: the models clients ask the gateway for.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: M,
      queries: [
        {
          expr: 'sum by (model) (rate(openai_compat_model_requests_total{ {{filter}} }[$__rate_interval]))',
          legend: '{{model}}',
        },
      ],
    },
    {
      id: 'sessions-created',
      title: 'Sessions created and collisions',
      description:
        'Per second: openai_compat_sessions_created_total (gateway), shannon_sessions_created_total (orchestrator) and openai_compat_session_collisions_total (two clients on one session id).',
      kind: 'timeseries',
      unit: 'ops',
      variables: [],
      queries: [
        { expr: 'sum(rate(openai_compat_sessions_created_total[$__rate_interval]))', legend: 'gateway sessions' },
        {
          expr: 'sum(rate(shannon_sessions_created_total[$__rate_interval]))',
          legend: 'orchestrator sessions',
          dash: '6 3',
        },
        { expr: 'sum(rate(openai_compat_session_collisions_total[$__rate_interval]))', legend: 'collisions' },
      ],
    },
    {
      id: 'orchestrator-sessions',
      title: 'Orchestrator sessions and their tokens',
      description:
        'shannon_sessions_active (left) and the rate of shannon_session_tokens_total (right, tokens per second) across sessions.',
      kind: 'timeseries',
      unit: 'short',
      right: { unit: 'short' },
      variables: [],
      queries: [
        { expr: 'sum(shannon_sessions_active)', legend: 'active sessions' },
        {
          expr: 'sum(rate(shannon_session_tokens_total[$__rate_interval]))',
          legend: 'session tokens/s',
          axis: 'right',
          dash: '6 3',
        },
      ],
    },
  ],
};
