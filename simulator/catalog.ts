/** The shapes of Shannon's workload: label values as Shannon's code uses them. */
export type WorkflowSpec = {
  type: string;
  mode: string;
  weight: number;
  /** Median duration in seconds and log-normal spread. */
  median: number;
  sigma: number;
  agents: number;
  /** Whether its agents run side by side (DAG, supervisor, swarm and research fan out) or one after another. */
  parallel?: boolean;
};

export const WORKFLOWS: readonly WorkflowSpec[] = [
  { type: 'SimpleTaskWorkflow', mode: 'simple', weight: 40, median: 0.6, sigma: 0.45, agents: 1 },
  { type: 'DAGWorkflow', mode: 'standard', weight: 18, median: 2.2, sigma: 0.4, agents: 3, parallel: true },
  { type: 'AgentDAGWorkflow', mode: 'standard', weight: 12, median: 3.0, sigma: 0.4, agents: 3, parallel: true },
  { type: 'SupervisorWorkflow', mode: 'complex', weight: 8, median: 4.5, sigma: 0.35, agents: 4, parallel: true },
  { type: 'ResearchWorkflow', mode: 'force_research', weight: 6, median: 6.0, sigma: 0.3, agents: 5, parallel: true },
  { type: 'TemplateWorkflow', mode: 'template', weight: 10, median: 1.1, sigma: 0.35, agents: 2 },
  { type: 'SwarmWorkflow', mode: 'swarm', weight: 6, median: 5.0, sigma: 0.35, agents: 6, parallel: true },
];

export type ModelSpec = {
  model: string;
  provider: string;
  tier: 'small' | 'medium' | 'large';
  weight: number;
  /** Median time to first token in seconds. */
  ttft: number;
  /** Tokens per second while streaming. */
  tps: number;
  /** USD per 1k prompt / completion tokens. */
  price: [number, number];
};

export const MODELS: readonly ModelSpec[] = [
  { model: 'gpt-4o', provider: 'openai', tier: 'large', weight: 25, ttft: 0.45, tps: 60, price: [0.0025, 0.01] },
  {
    model: 'gpt-4o-mini',
    provider: 'openai',
    tier: 'small',
    weight: 30,
    ttft: 0.25,
    tps: 110,
    price: [0.00015, 0.0006],
  },
  {
    model: 'claude-sonnet-4',
    provider: 'anthropic',
    tier: 'large',
    weight: 20,
    ttft: 0.6,
    tps: 55,
    price: [0.003, 0.015],
  },
  {
    model: 'claude-haiku-3.5',
    provider: 'anthropic',
    tier: 'medium',
    weight: 15,
    ttft: 0.3,
    tps: 90,
    price: [0.0008, 0.004],
  },
  {
    model: 'deepseek-chat',
    provider: 'deepseek',
    tier: 'medium',
    weight: 10,
    ttft: 0.7,
    tps: 40,
    price: [0.00027, 0.0011],
  },
];

export const AGENTS = ['planner', 'researcher', 'coder', 'critic', 'synthesizer', 'executor'] as const;

export const TOOLS: readonly { name: string; median: number; failRate: number }[] = [
  { name: 'web_search', median: 0.8, failRate: 0.03 },
  { name: 'web_fetch', median: 0.5, failRate: 0.05 },
  { name: 'calculator', median: 0.004, failRate: 0.001 },
  { name: 'python_executor', median: 1.5, failRate: 0.04 },
  { name: 'file_read', median: 0.02, failRate: 0.01 },
];

export const COLLECTIONS = ['task_embeddings', 'document_chunks', 'session_memory'] as const;
export const EMBEDDING_MODELS = ['text-embedding-3-small'] as const;
export const MEMORY_TYPES = ['session', 'semantic', 'hierarchical-recent'] as const;
export const FSM_STATES = [
  'idle',
  'planning',
  'executing',
  'waiting_tool',
  'reflecting',
  'completed',
  'failed',
] as const;
export const DENY_REASONS: readonly [string, string][] = [
  ['a1f3c9', 'token budget exceeded for user tier'],
  ['b7e210', 'tool not allowed in mode'],
  ['c4d8aa', 'complexity above allowed threshold'],
  ['d90b5e', 'blocked prompt pattern'],
];
export const POLICY_PATH = '/app/config/opa/policies';
export const POLICY_HASH = 'sha256:3f9a1c7e52b4';
