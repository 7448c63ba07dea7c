import { Registry } from '../registry';
import * as B from './buckets';

/** Agent Core's metrics (:2113). */
export function agentCoreMetrics() {
  const r = new Registry();
  return {
    registry: r,
    tasks: r.counter('agent_core_tasks_total', 'Agent tasks.', ['mode', 'status']),
    taskDuration: r.histogram(
      'agent_core_task_duration_seconds',
      'Agent task duration in seconds.',
      ['mode'],
      B.DEFAULT_BUCKETS,
    ),
    taskTokens: r.histogram('agent_core_task_tokens', 'Tokens per agent task.', ['mode', 'model'], B.TOKENS_BUCKETS),
    fsmTransitions: r.counter('agent_core_fsm_transitions_total', 'FSM transitions.', ['from_state', 'to_state']),
    fsmState: r.gauge('agent_core_fsm_current_state', 'Current FSM state (as a number).'),
    poolUsed: r.gauge('agent_core_memory_pool_used_bytes', 'Memory pool bytes in use.'),
    poolTotal: r.gauge('agent_core_memory_pool_total_bytes', 'Memory pool size in bytes.'),
    toolExecutions: r.counter('agent_core_tool_executions_total', 'Tool executions.', ['tool_name', 'status']),
    toolDuration: r.histogram(
      'agent_core_tool_duration_seconds',
      'Tool duration in seconds.',
      ['tool_name'],
      B.DEFAULT_BUCKETS,
    ),
    toolSelection: r.histogram(
      'agent_core_tool_selection_duration_seconds',
      'Tool selection duration in seconds.',
      ['status'],
      B.DEFAULT_BUCKETS,
    ),
    grpcRequests: r.counter('agent_core_grpc_requests_total', 'gRPC requests served.', ['method', 'status']),
    grpcDuration: r.histogram(
      'agent_core_grpc_request_duration_seconds',
      'gRPC request duration in seconds.',
      ['method'],
      B.DEFAULT_BUCKETS,
    ),
    enforcementDrops: r.counter('agent_core_enforcement_drops_total', 'Requests dropped by enforcement.', ['reason']),
    enforcementAllowed: r.counter('agent_core_enforcement_allowed_total', 'Requests allowed by enforcement.', [
      'outcome',
    ]),
  };
}
export type AgentCoreMetrics = ReturnType<typeof agentCoreMetrics>;

/** The LLM service's metrics (:8000). */
export function llmServiceMetrics() {
  const r = new Registry();
  return {
    registry: r,
    requests: r.counter('llm_requests_total', 'LLM requests.', ['provider', 'model', 'tier', 'cache_status']),
    duration: r.histogram(
      'llm_request_duration_seconds',
      'LLM request duration in seconds.',
      ['provider', 'model', 'cache_status'],
      B.LLM_DURATION_BUCKETS,
    ),
    tokens: r.counter('llm_tokens_total', 'LLM tokens.', ['provider', 'model', 'type']),
    cost: r.counter('llm_cost_total', 'LLM cost in USD.', ['provider', 'model']),
    activeConnections: r.gauge('llm_service_active_connections', 'Active connections.'),
    errors: r.counter('llm_service_errors_total', 'LLM service errors.', ['error_type', 'component']),
    mcpRequests: r.counter('llm_mcp_requests_total', 'MCP requests.', ['name', 'function', 'status']),
    mcpDuration: r.histogram(
      'llm_mcp_request_duration_seconds',
      'MCP request duration in seconds.',
      ['name', 'function', 'status'],
      B.MCP_BUCKETS,
    ),
    plannerFallbacks: r.counter('llm_planner_fallbacks_total', 'Planner fallbacks.'),
  };
}
export type LlmServiceMetrics = ReturnType<typeof llmServiceMetrics>;
