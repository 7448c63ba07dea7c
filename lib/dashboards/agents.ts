import { quantileQueries } from './panel-queries';
import type { DashboardDef } from './types';

const RATE = '[$__rate_interval]';

export const agentsDashboard: DashboardDef = {
  id: 'agents',
  version: 1,
  title: 'Agent core',
  description: 'The Rust agent core: tasks, tools, its state machine, enforcement and gRPC.',
  variables: [{ name: 'mode', label: 'Mode', source: 'agent_core_tasks_total' }],
  panels: [
    {
      id: 'tasks',
      title: 'Tasks by mode and status',
      description: 'Rate of agent_core_tasks_total.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: ['mode'],
      queries: [
        {
          expr: `sum by (mode, status) (rate(agent_core_tasks_total{ {{filter}} }${RATE}))`,
          legend: '{{mode}} {{status}}',
        },
      ],
    },
    {
      id: 'task-duration',
      title: 'Task duration p95 by mode',
      description: 'p95 of agent_core_task_duration_seconds.',
      kind: 'timeseries',
      unit: 's',
      variables: ['mode'],
      queries: quantileQueries('agent_core_task_duration_seconds_bucket', 'mode', '{{mode}} ', [0.95]),
    },
    {
      id: 'tool-executions',
      title: 'Tool executions by tool, and failures',
      description: 'Rate of agent_core_tool_executions_total per tool; failures are every status but success (dashed).',
      kind: 'timeseries',
      unit: 'reqps',
      colorBy: 'tool_name',
      variables: [],
      queries: [
        { expr: `sum by (tool_name) (rate(agent_core_tool_executions_total${RATE}))`, legend: '{{tool_name}}' },
        {
          expr: `sum by (tool_name) (rate(agent_core_tool_executions_total{status!="success"}${RATE}))`,
          legend: '{{tool_name}} failed',
          dash: '4 3',
        },
      ],
    },
    {
      id: 'tool-duration',
      title: 'Tool duration p95 by tool',
      description: 'p95 of agent_core_tool_duration_seconds.',
      kind: 'timeseries',
      unit: 's',
      variables: [],
      queries: quantileQueries('agent_core_tool_duration_seconds_bucket', 'tool_name', '{{tool_name}} ', [0.95]),
    },
    {
      id: 'tool-selection',
      title: 'Tool selection latency (median and p95)',
      description: 'agent_core_tool_selection_duration_seconds.',
      kind: 'timeseries',
      unit: 's',
      variables: [],
      queries: quantileQueries('agent_core_tool_selection_duration_seconds_bucket', '', 'selection ', [0.5, 0.95]),
    },
    {
      id: 'fsm-transitions',
      title: 'State machine transitions',
      description: 'Rate of agent_core_fsm_transitions_total, from → to.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: `sum by (from_state, to_state) (rate(agent_core_fsm_transitions_total${RATE}))`,
          legend: '{{from_state}} → {{to_state}}',
        },
      ],
    },
    {
      id: 'enforcement',
      title: 'Enforcement: dropped by reason vs allowed',
      description:
        'agent_core_enforcement_drops_total per reason (circuit_open means the circuit breaker is open) against agent_core_enforcement_allowed_total.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        { expr: `sum(rate(agent_core_enforcement_allowed_total${RATE}))`, legend: 'allowed' },
        {
          expr: `sum by (reason) (rate(agent_core_enforcement_drops_total${RATE}))`,
          legend: 'dropped: {{reason}}',
          dash: '4 3',
        },
      ],
    },
    {
      id: 'agent-grpc',
      title: 'gRPC p95 by method',
      description: 'p95 of agent_core_grpc_request_duration_seconds.',
      kind: 'timeseries',
      unit: 's',
      variables: [],
      queries: quantileQueries('agent_core_grpc_request_duration_seconds_bucket', 'method', '{{method}} ', [0.95]),
    },
    {
      id: 'agent-grpc-errors',
      title: 'gRPC requests by method and status',
      description: 'Rate of agent_core_grpc_requests_total.',
      kind: 'timeseries',
      unit: 'reqps',
      variables: [],
      queries: [
        {
          expr: `sum by (method, status) (rate(agent_core_grpc_requests_total${RATE}))`,
          legend: '{{method}} {{status}}',
        },
      ],
    },
    {
      id: 'fsm-state',
      title: 'State machine: current state',
      description:
        'agent_core_fsm_current_state, the number agent-core encodes its current state as, per instance, with its trend.',
      kind: 'stat',
      unit: 'short',
      variables: [],
      queries: [{ expr: 'max by (instance) (agent_core_fsm_current_state)', legend: '{{instance}}' }],
    },
    {
      id: 'task-tokens',
      title: 'Tokens per task by model (p95)',
      description: 'p95 of agent_core_task_tokens per model: what one agent task spends.',
      kind: 'timeseries',
      unit: 'short',
      variables: ['mode'],
      queries: quantileQueries('agent_core_task_tokens_bucket', 'model', '{{model}} ', [0.95]),
    },
  ],
};
