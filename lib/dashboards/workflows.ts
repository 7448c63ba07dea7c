import { quantileQueries } from './panel-queries';
import type { DashboardDef } from './types';

const WF_FILTER = ['workflow_type', 'mode'];

export const workflowsDashboard: DashboardDef = {
  id: 'workflows',
  version: 1,
  title: 'Workflow latency',
  description: 'How long Shannon workflows take, how many start, complete and fail, and where the time goes.',
  variables: [
    { name: 'workflow_type', label: 'Workflow type', source: 'shannon_workflows_started_total' },
    { name: 'mode', label: 'Mode', source: 'shannon_workflows_started_total' },
  ],
  panels: [
    {
      id: 'workflow-latency',
      title: 'Workflow duration by type',
      description:
        'Quantiles of shannon_workflow_duration_seconds per workflow type, from histogram buckets (Prometheus default buckets end at 10 s: a quantile above that reads as 10 s).',
      kind: 'timeseries',
      unit: 's',
      wide: true,
      height: 300,
      colorBy: 'workflow_type',
      variables: WF_FILTER,
      queries: quantileQueries('shannon_workflow_duration_seconds_bucket', 'workflow_type', '{{workflow_type}} '),
      // Seven types × three quantiles is 21 lines: one quantile at a time unless asked.
      choices: { label: 'Quantile', defaults: ['p95'] },
      exemplars: 'shannon_workflow_duration_seconds_bucket',
      traceService: 'orchestrator',
      quantileCeiling: 10,
    },
    {
      id: 'workflow-throughput',
      title: 'Workflows started vs completed',
      description: 'Rate of shannon_workflows_started_total and shannon_workflows_completed_total (any status).',
      kind: 'timeseries',
      unit: 'reqps',
      variables: WF_FILTER,
      queries: [
        { expr: 'sum(rate(shannon_workflows_started_total{ {{filter}} }[$__rate_interval]))', legend: 'started' },
        { expr: 'sum(rate(shannon_workflows_completed_total{ {{filter}} }[$__rate_interval]))', legend: 'completed' },
      ],
    },
    {
      id: 'workflow-failure-ratio',
      title: 'Failure ratio by status',
      description: 'Share of completed workflows that ended in each non-success status.',
      kind: 'timeseries',
      unit: 'percentunit',
      variables: WF_FILTER,
      queries: [
        {
          expr: 'sum by (status) (rate(shannon_workflows_completed_total{status!="completed",{{filter}}}[$__rate_interval])) / ignoring(status) group_left sum(rate(shannon_workflows_completed_total{ {{filter}} }[$__rate_interval]))',
          legend: '{{status}}',
        },
      ],
    },
    {
      id: 'agent-execution-p95',
      title: 'Agent execution p95 by agent',
      description: 'p95 of shannon_agent_execution_duration_ms (a histogram in milliseconds) per agent.',
      kind: 'timeseries',
      unit: 'ms',
      variables: ['mode'],
      queries: quantileQueries('shannon_agent_execution_duration_ms_bucket', 'agent_id', '{{agent_id}} ', [0.95]),
      exemplars: 'shannon_agent_execution_duration_ms_bucket',
      traceService: 'agent-core',
      quantileCeiling: 30_000,
    },
    {
      id: 'grpc-p95',
      title: 'gRPC p95 by service and method',
      description: 'p95 of shannon_grpc_request_duration_seconds, orchestrator to agent-core.',
      kind: 'timeseries',
      unit: 's',
      variables: [],
      queries: quantileQueries(
        'shannon_grpc_request_duration_seconds_bucket',
        'service, method',
        '{{service}}/{{method}} ',
        [0.95],
      ),
    },
    {
      id: 'vector-search-latency',
      title: 'Vector search latency by collection',
      description: 'p50 and p95 of shannon_vector_search_latency_seconds (Qdrant) per collection.',
      kind: 'timeseries',
      unit: 's',
      variables: [],
      queries: quantileQueries(
        'shannon_vector_search_latency_seconds_bucket',
        'collection',
        '{{collection}} ',
        [0.5, 0.95],
      ),
    },
    {
      id: 'embedding-latency',
      title: 'Embedding latency by model',
      description: 'p50 and p95 of shannon_embedding_latency_seconds per embedding model.',
      kind: 'timeseries',
      unit: 's',
      variables: [],
      queries: quantileQueries('shannon_embedding_latency_seconds_bucket', 'model', '{{model}} ', [0.5, 0.95]),
    },
    {
      id: 'decomposition-refinement',
      title: 'Decomposition and refinement latency',
      description: 'p50 and p95 of shannon_decomposition_latency_seconds and shannon_refinement_latency_seconds.',
      kind: 'timeseries',
      unit: 's',
      variables: [],
      queries: [
        ...quantileQueries('shannon_decomposition_latency_seconds_bucket', '', 'decomposition ', [0.5, 0.95]),
        ...quantileQueries('shannon_refinement_latency_seconds_bucket', '', 'refinement ', [0.5, 0.95]),
      ],
    },
    {
      id: 'planning-stages',
      title: 'Routing, complexity and aggregation latency (p95)',
      description:
        'p95 of shannon_complexity_latency_seconds, shannon_learning_router_latency_seconds and shannon_chunk_aggregation_latency_seconds: the stages before and after the agents.',
      kind: 'timeseries',
      unit: 's',
      variables: [],
      queries: [
        ...quantileQueries('shannon_complexity_latency_seconds_bucket', '', 'complexity ', [0.95]),
        ...quantileQueries('shannon_learning_router_latency_seconds_bucket', '', 'learning router ', [0.95]),
        ...quantileQueries('shannon_chunk_aggregation_latency_seconds_bucket', '', 'chunk aggregation ', [0.95]),
      ],
    },
    {
      id: 'strategies',
      title: 'Tasks submitted and the strategy chosen',
      description:
        'Rate of shannon_strategy_selection_total by strategy; the dashed line is shannon_tasks_submitted_total, all tasks.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: 'sum by (strategy) (rate(shannon_strategy_selection_total[$__rate_interval]))',
          legend: '{{strategy}}',
        },
        { expr: 'sum(rate(shannon_tasks_submitted_total[$__rate_interval]))', legend: 'tasks submitted', dash: '6 3' },
      ],
    },
    {
      id: 'task-tokens-cost',
      title: 'Tokens and cost per task (p50, p95)',
      description:
        'shannon_task_tokens_used (left, tokens) and shannon_task_cost_usd (right, USD) per finished task: what one task spends.',
      kind: 'timeseries',
      unit: 'short',
      right: { unit: 'usd' },
      variables: [],
      queries: [
        ...quantileQueries('shannon_task_tokens_used_bucket', '', 'tokens ', [0.5, 0.95]),
        ...quantileQueries('shannon_task_cost_usd_bucket', '', 'cost ', [0.5, 0.95]).map((q) => ({
          ...q,
          axis: 'right' as const,
        })),
      ],
    },
    {
      id: 'agent-executions',
      title: 'Agent executions by agent',
      description: 'Rate of shannon_agent_executions_total per agent, as the orchestrator dispatches them.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: ['mode'],
      queries: [
        {
          expr: 'sum by (agent_id) (rate(shannon_agent_executions_total{ {{filter}} }[$__rate_interval]))',
          legend: '{{agent_id}}',
        },
      ],
    },
    {
      id: 'grpc-requests',
      title: 'gRPC requests by status',
      description: 'Rate of shannon_grpc_requests_total (orchestrator to agent-core) by service, method and status.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: 'sum by (service, method, status) (rate(shannon_grpc_requests_total[$__rate_interval]))',
          legend: '{{service}}/{{method}} {{status}}',
        },
      ],
    },
    {
      id: 'retrieval-requests',
      title: 'Vector searches and embeddings by status',
      description: 'Rate of shannon_vector_search_total (Qdrant) and shannon_embedding_requests_total, by status.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: 'sum by (status) (rate(shannon_vector_search_total[$__rate_interval]))',
          legend: 'vector search {{status}}',
        },
        {
          expr: 'sum by (status) (rate(shannon_embedding_requests_total[$__rate_interval]))',
          legend: 'embedding {{status}}',
          dash: '6 3',
        },
      ],
    },
  ],
};
