import { quantileQueries } from './panel-queries';
import type { DashboardDef } from './types';

const RATE = '[$__rate_interval]';
const PM = ['provider', 'model'];

export const llmDashboard: DashboardDef = {
  id: 'llm',
  version: 1,
  title: 'LLM service and model tiers',
  description:
    'Requests, latency, tokens and cost per provider and model; caching, errors, MCP tools; which tier and provider were asked for and which served.',
  variables: [
    { name: 'provider', label: 'Provider', source: 'llm_requests_total' },
    { name: 'model', label: 'Model', source: 'llm_requests_total' },
  ],
  panels: [
    {
      id: 'llm-requests',
      title: 'Requests by provider and model',
      description: 'Rate of llm_requests_total.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: PM,
      queries: [
        {
          expr: `sum by (provider, model) (rate(llm_requests_total{ {{filter}} }${RATE}))`,
          legend: '{{provider}}/{{model}}',
        },
      ],
    },
    {
      id: 'llm-latency',
      title: 'Latency p50 / p95 by model and cache status',
      description: 'llm_request_duration_seconds; a cache hit answers without calling the provider.',
      kind: 'timeseries',
      unit: 's',
      colorBy: 'model',
      variables: PM,
      queries: quantileQueries(
        'llm_request_duration_seconds_bucket',
        'model, cache_status',
        '{{model}} {{cache_status}} ',
        [0.5, 0.95],
      ),
    },
    {
      id: 'llm-tokens',
      title: 'Prompt and completion tokens',
      description: 'Tokens per second from llm_tokens_total.',
      kind: 'timeseries',
      unit: 'short',
      variables: PM,
      queries: [{ expr: `sum by (type) (rate(llm_tokens_total{ {{filter}} }${RATE}))`, legend: '{{type}} tokens/s' }],
    },
    {
      id: 'llm-cost',
      title: 'Cost per hour by model',
      description: 'rate(llm_cost_total) × 3600, in USD.',
      kind: 'timeseries',
      unit: 'usd',
      variables: PM,
      queries: [{ expr: `sum by (model) (rate(llm_cost_total{ {{filter}} }${RATE})) * 3600`, legend: '{{model}}' }],
    },
    {
      id: 'llm-spend',
      title: 'Spend over the range',
      description: 'increase(llm_cost_total) over the whole range shown, in USD.',
      kind: 'stat',
      unit: 'usd',
      variables: PM,
      queries: [{ expr: 'sum(increase(llm_cost_total{ {{filter}} }[$__range]))', legend: 'all models' }],
    },
    {
      id: 'llm-spend-by-model',
      title: 'Spend over the range by model',
      description: 'increase(llm_cost_total) over the whole range shown, per model, in USD.',
      kind: 'bargauge',
      unit: 'usd',
      variables: PM,
      queries: [{ expr: 'sum by (model) (increase(llm_cost_total{ {{filter}} }[$__range]))', legend: '{{model}}' }],
    },
    {
      id: 'llm-cache',
      title: 'Cache hit rate',
      description: 'llm_requests_total with cache_status="hit" ÷ all.',
      kind: 'timeseries',
      unit: 'percentunit',
      max: 1,
      variables: PM,
      queries: [
        {
          expr: `sum(rate(llm_requests_total{cache_status="hit",{{filter}}}${RATE})) / sum(rate(llm_requests_total{ {{filter}} }${RATE}))`,
          legend: 'hit rate',
        },
      ],
    },
    {
      id: 'llm-errors',
      title: 'Errors by component',
      description: 'Rate of llm_service_errors_total: cache, llm, service.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [{ expr: `sum by (component) (rate(llm_service_errors_total${RATE}))`, legend: '{{component}}' }],
    },
    {
      id: 'mcp-latency',
      title: 'MCP tool latency p95',
      description: 'p95 of llm_mcp_request_duration_seconds per tool.',
      kind: 'timeseries',
      unit: 's',
      variables: [],
      queries: quantileQueries('llm_mcp_request_duration_seconds_bucket', 'name', '{{name}} ', [0.95]),
    },
    {
      id: 'planner-fallbacks',
      title: 'Planner fallbacks',
      description: 'llm_planner_fallbacks_total per minute.',
      kind: 'timeseries',
      unit: 'short',
      variables: [],
      queries: [{ expr: `sum(rate(llm_planner_fallbacks_total${RATE})) * 60`, legend: 'fallbacks per minute' }],
    },
    {
      id: 'tiers',
      title: 'Model tier requested vs selected',
      description: 'shannon_model_tier_requested_total and shannon_model_tier_selected_total per tier.',
      kind: 'timeseries',
      unit: 'reqps',
      colorBy: 'tier',
      variables: [],
      queries: [
        { expr: `sum by (tier) (rate(shannon_model_tier_requested_total${RATE}))`, legend: '{{tier}} requested' },
        {
          expr: `sum by (tier) (rate(shannon_model_tier_selected_total${RATE}))`,
          legend: '{{tier}} selected',
          dash: '4 3',
        },
      ],
    },
    {
      id: 'tier-drift',
      title: 'Tier drift by reason',
      description: 'Rate of shannon_tier_selection_drift_total: requested → selected tier, and why.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: `sum by (requested_tier, selected_tier, reason) (rate(shannon_tier_selection_drift_total${RATE}))`,
          legend: '{{requested_tier}} → {{selected_tier}} ({{reason}})',
        },
      ],
    },
    {
      id: 'provider-drift',
      title: 'Provider drift by reason',
      description: 'Rate of shannon_provider_selection_drift_total.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: `sum by (requested_provider, selected_provider, reason) (rate(shannon_provider_selection_drift_total${RATE}))`,
          legend: '{{requested_provider}} → {{selected_provider}} ({{reason}})',
        },
      ],
    },
    {
      id: 'override-respect',
      title: 'Provider override respect rate',
      description:
        'shannon_provider_override_respected_total ÷ shannon_provider_override_requested_total, per provider.',
      kind: 'timeseries',
      unit: 'percentunit',
      max: 1,
      variables: [],
      queries: [
        {
          expr: `sum by (provider) (rate(shannon_provider_override_respected_total${RATE})) / sum by (provider) (rate(shannon_provider_override_requested_total${RATE}))`,
          legend: '{{provider}}',
        },
      ],
    },
    {
      id: 'prompt-cache',
      title: 'Prompt cache tokens (Anthropic)',
      description:
        'Per second: shannon_prompt_cache_read_tokens_total (served from the provider’s prompt cache) and _creation_tokens_total (written to it).',
      kind: 'timeseries',
      unit: 'short',
      variables: PM,
      queries: [
        {
          expr: `sum by (model) (rate(shannon_prompt_cache_read_tokens_total{ {{filter}} }${RATE}))`,
          legend: '{{model}} read/s',
        },
        {
          expr: `sum by (model) (rate(shannon_prompt_cache_creation_tokens_total{ {{filter}} }${RATE}))`,
          legend: '{{model}} written/s',
          dash: '6 3',
        },
      ],
    },
    {
      id: 'rate-limit-delay',
      title: 'Rate-limit delay by provider (p50, p95)',
      description:
        'shannon_rate_limit_delay_seconds: how long requests waited for a provider’s rate limit, per provider.',
      kind: 'timeseries',
      unit: 's',
      variables: ['provider'],
      queries: quantileQueries('shannon_rate_limit_delay_seconds_bucket', 'provider', '{{provider}} ', [0.5, 0.95]),
    },
    {
      id: 'mcp-requests',
      title: 'MCP requests by server and status',
      description: 'Rate of llm_mcp_requests_total by name (the MCP server) and status.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [{ expr: `sum by (name, status) (rate(llm_mcp_requests_total${RATE}))`, legend: '{{name}} {{status}}' }],
    },
    {
      id: 'active-connections',
      title: 'LLM service active connections',
      description: 'llm_service_active_connections: requests the LLM service holds open now.',
      kind: 'timeseries',
      unit: 'short',
      variables: [],
      queries: [{ expr: 'sum(llm_service_active_connections)', legend: 'active connections' }],
    },
  ],
};
