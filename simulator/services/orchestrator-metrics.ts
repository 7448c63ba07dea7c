import { Registry } from '../registry';
import * as B from './buckets';

/** The orchestrator's metrics (:2112): workflows, agents, memory, tiers, gateway and policy. */
export function orchestratorMetrics() {
  const r = new Registry();
  const wf = ['workflow_type', 'mode'];
  return {
    registry: r,
    workflowsStarted: r.counter('shannon_workflows_started_total', 'Workflows started.', wf),
    workflowsCompleted: r.counter('shannon_workflows_completed_total', 'Workflows completed, by status.', [
      ...wf,
      'status',
    ]),
    workflowDuration: r.histogram(
      'shannon_workflow_duration_seconds',
      'Workflow duration in seconds.',
      wf,
      B.DEFAULT_BUCKETS,
    ),
    tasksSubmitted: r.counter('shannon_tasks_submitted_total', 'Tasks submitted.'),
    taskTokens: r.histogram('shannon_task_tokens_used', 'Tokens used per task.', [], B.TOKENS_BUCKETS),
    taskCost: r.histogram('shannon_task_cost_usd', 'Cost per task in USD.', [], B.COST_BUCKETS),
    agentExecutions: r.counter('shannon_agent_executions_total', 'Agent executions.', ['agent_id', 'mode']),
    agentDuration: r.histogram(
      'shannon_agent_execution_duration_ms',
      'Agent execution duration in milliseconds.',
      ['agent_id', 'mode'],
      B.AGENT_MS_BUCKETS,
    ),
    sessionsCreated: r.counter('shannon_sessions_created_total', 'Sessions created.'),
    sessionsActive: r.gauge('shannon_sessions_active', 'Sessions active.'),
    sessionTokens: r.counter('shannon_session_tokens_total', 'Tokens used by sessions.'),
    grpcRequests: r.counter('shannon_grpc_requests_total', 'gRPC requests.', ['service', 'method', 'status']),
    grpcDuration: r.histogram(
      'shannon_grpc_request_duration_seconds',
      'gRPC request duration in seconds.',
      ['service', 'method'],
      B.DEFAULT_BUCKETS,
    ),
    vectorSearches: r.counter('shannon_vector_search_total', 'Vector searches.', ['collection', 'status']),
    vectorLatency: r.histogram(
      'shannon_vector_search_latency_seconds',
      'Vector search latency in seconds.',
      ['collection'],
      B.DEFAULT_BUCKETS,
    ),
    embeddingRequests: r.counter('shannon_embedding_requests_total', 'Embedding requests.', ['model', 'status']),
    embeddingLatency: r.histogram(
      'shannon_embedding_latency_seconds',
      'Embedding latency in seconds.',
      ['model'],
      B.DEFAULT_BUCKETS,
    ),
    decompositionLatency: r.histogram(
      'shannon_decomposition_latency_seconds',
      'Task decomposition latency in seconds.',
      [],
      B.DEFAULT_BUCKETS,
    ),
    refinementLatency: r.histogram(
      'shannon_refinement_latency_seconds',
      'Result refinement latency in seconds.',
      [],
      B.DEFAULT_BUCKETS,
    ),
    complexityLatency: r.histogram(
      'shannon_complexity_latency_seconds',
      'Complexity analysis latency in seconds.',
      [],
      B.DEFAULT_BUCKETS,
    ),
    learningRouterLatency: r.histogram(
      'shannon_learning_router_latency_seconds',
      'Learning router latency in seconds.',
      [],
      B.DEFAULT_BUCKETS,
    ),
    chunkAggregationLatency: r.histogram(
      'shannon_chunk_aggregation_latency_seconds',
      'Chunk aggregation latency in seconds.',
      [],
      B.DEFAULT_BUCKETS,
    ),
    rateLimitDelay: r.histogram(
      'shannon_rate_limit_delay_seconds',
      'Rate limit delay in seconds.',
      ['provider', 'tier'],
      B.RATE_LIMIT_BUCKETS,
    ),
    memoryFetches: r.counter('shannon_memory_fetches_total', 'Memory fetches.', ['type', 'source', 'result']),
    memoryItems: r.histogram(
      'shannon_memory_items_retrieved',
      'Memory items retrieved per fetch.',
      ['type', 'source'],
      B.ITEMS_BUCKETS,
    ),
    memoryWritesSkipped: r.counter('shannon_memory_writes_skipped_total', 'Memory writes skipped.', ['reason']),
    compressionEvents: r.counter('shannon_compression_events_total', 'Context compression events.', ['status']),
    compressionTokensSaved: r.histogram(
      'shannon_compression_tokens_saved',
      'Tokens saved per compression.',
      [],
      B.TOKENS_SAVED_BUCKETS,
    ),
    compressionRatio: r.histogram('shannon_compression_ratio', 'Compression ratio.', [], B.RATIO_BUCKETS),
    sessionCacheHits: r.counter('shannon_session_cache_hits_total', 'Session cache hits.'),
    sessionCacheMisses: r.counter('shannon_session_cache_misses_total', 'Session cache misses.'),
    sessionCacheEvictions: r.counter('shannon_session_cache_evictions_total', 'Session cache evictions.'),
    sessionCacheSize: r.gauge('shannon_session_cache_size', 'Session cache size.'),
    cacheHits: r.counter('shannon_cache_hits_total', 'Cache hits.'),
    cacheMisses: r.counter('shannon_cache_misses_total', 'Cache misses.'),
    retrievalBudget: r.histogram(
      'shannon_retrieval_token_budget',
      'Retrieval token budget.',
      ['retrieval_type'],
      B.BUDGET_BUCKETS,
    ),
    chunksPerQa: r.histogram('shannon_chunks_per_qa', 'Chunks per QA.', [], B.CHUNKS_BUCKETS),
    chunkSize: r.histogram('shannon_chunk_size_tokens', 'Chunk size in tokens.', [], B.CHUNK_SIZE_BUCKETS),
    tierRequested: r.counter('shannon_model_tier_requested_total', 'Model tiers requested.', ['tier']),
    tierSelected: r.counter('shannon_model_tier_selected_total', 'Model tiers selected.', ['tier', 'provider']),
    tierDrift: r.counter('shannon_tier_selection_drift_total', 'Tier selection drift.', [
      'requested_tier',
      'selected_tier',
      'reason',
    ]),
    overrideRequested: r.counter('shannon_provider_override_requested_total', 'Provider overrides requested.', [
      'provider',
    ]),
    overrideRespected: r.counter('shannon_provider_override_respected_total', 'Provider overrides respected.', [
      'provider',
    ]),
    providerDrift: r.counter('shannon_provider_selection_drift_total', 'Provider selection drift.', [
      'requested_provider',
      'selected_provider',
      'reason',
    ]),
    promptCacheRead: r.counter('shannon_prompt_cache_read_tokens_total', 'Prompt cache read tokens.', [
      'provider',
      'model',
    ]),
    promptCacheCreation: r.counter('shannon_prompt_cache_creation_tokens_total', 'Prompt cache creation tokens.', [
      'provider',
      'model',
    ]),
    strategySelection: r.counter('shannon_strategy_selection_total', 'Strategies selected.', ['strategy']),
    ...gatewayMetrics(r),
    ...policyMetrics(r),
  };
}

function gatewayMetrics(r: Registry) {
  return {
    gwRequests: r.counter('openai_compat_requests_total', 'Gateway requests.', ['model', 'endpoint', 'status']),
    gwLatency: r.histogram(
      'openai_compat_latency_seconds',
      'Gateway latency in seconds.',
      ['model', 'endpoint', 'stream'],
      B.GATEWAY_LATENCY_BUCKETS,
    ),
    gwTokens: r.counter('openai_compat_tokens_total', 'Gateway tokens.', ['model', 'type']),
    gwTokensPerRequest: r.histogram(
      'openai_compat_tokens_per_request',
      'Gateway tokens per request.',
      ['model', 'type'],
      B.GATEWAY_TOKENS_BUCKETS,
    ),
    gwErrors: r.counter('openai_compat_errors_total', 'Gateway errors.', ['model', 'error_type', 'error_code']),
    gwSessionsActive: r.gauge('openai_compat_sessions_active', 'Gateway sessions active.'),
    gwSessionsCreated: r.counter('openai_compat_sessions_created_total', 'Gateway sessions created.'),
    gwSessionCollisions: r.counter('openai_compat_session_collisions_total', 'Gateway session collisions.'),
    gwStreamChunks: r.counter('openai_compat_stream_chunks_total', 'Stream chunks sent.', ['model']),
    gwStreamDuration: r.histogram(
      'openai_compat_stream_duration_seconds',
      'Stream duration in seconds.',
      ['model'],
      B.STREAM_DURATION_BUCKETS,
    ),
    gwStreamErrors: r.counter('openai_compat_stream_errors_total', 'Stream errors.', ['model', 'error_type']),
    gwTtft: r.histogram(
      'openai_compat_time_to_first_token_seconds',
      'Time to first token in seconds.',
      ['model'],
      B.TTFT_BUCKETS,
    ),
    gwModelRequests: r.counter('openai_compat_model_requests_total', 'Requests per model.', ['model']),
  };
}

function policyMetrics(r: Registry) {
  return {
    polEvaluations: r.counter('shannon_policy_evaluations_total', 'Policy evaluations.', [
      'decision',
      'mode',
      'reason',
    ]),
    polDuration: r.histogram(
      'shannon_policy_evaluation_duration_seconds',
      'Policy evaluation duration in seconds.',
      ['mode'],
      B.POLICY_DURATION_BUCKETS,
    ),
    polErrors: r.counter('shannon_policy_errors_total', 'Policy errors.', ['error_type', 'mode']),
    polDivergence: r.counter('shannon_policy_dry_run_divergence_total', 'Dry-run divergence.', ['divergence_type']),
    polCanary: r.counter('shannon_policy_canary_decisions_total', 'Canary routing decisions.', [
      'configured_mode',
      'effective_mode',
      'routing_reason',
      'decision',
    ]),
    polComparison: r.counter('shannon_policy_mode_comparison_total', 'Mode comparison.', [
      'original_decision',
      'effective_mode',
      'would_enforce_decision',
      'user_type',
    ]),
    polLatencySlo: r.histogram(
      'shannon_policy_latency_slo_seconds',
      'Policy latency for SLOs in seconds.',
      ['effective_mode', 'cache_hit'],
      B.POLICY_SLO_BUCKETS,
    ),
    polSloErrors: r.counter('shannon_policy_slo_errors_total', 'Policy SLO errors.', [
      'error_category',
      'effective_mode',
    ]),
    polCacheHits: r.counter('shannon_policy_cache_hits_total', 'Policy cache hits.', ['effective_mode']),
    polCacheMisses: r.counter('shannon_policy_cache_misses_total', 'Policy cache misses.', ['effective_mode']),
    polCacheEntries: r.gauge('shannon_policy_cache_entries', 'Policy cache entries.', ['cache_type']),
    polDenyReasons: r.counter('shannon_policy_deny_reasons_total', 'Policy deny reasons.', [
      'reason_hash',
      'mode',
      'truncated_reason',
    ]),
    polVersion: r.gauge('shannon_policy_version_info', 'Loaded policy version (always 1).', [
      'policy_path',
      'version_hash',
      'load_timestamp',
    ]),
    polLoadTimestamp: r.gauge('shannon_policy_load_timestamp_seconds', 'When the policy was loaded.', ['policy_path']),
    polFilesLoaded: r.gauge('shannon_policy_files_loaded', 'Policy files loaded.', ['policy_path']),
  };
}

export type OrchestratorMetrics = ReturnType<typeof orchestratorMetrics>;
