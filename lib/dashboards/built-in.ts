import { agentsDashboard } from './agents';
import { hostsDashboard } from './hosts';
import { llmDashboard } from './llm';
import { memoryDashboard } from './memory';
import { policyDashboard } from './policy';
import { streamingDashboard } from './streaming';
import type { DashboardDef } from './types';
import { workflowsDashboard } from './workflows';

/** The dashboards the console ships, each at its own page: read-only; "Save as" copies one. */
export const BUILT_IN: readonly { path: string; def: DashboardDef }[] = [
  { path: '/workflows', def: workflowsDashboard },
  { path: '/streaming', def: streamingDashboard },
  { path: '/policy', def: policyDashboard },
  { path: '/memory', def: memoryDashboard },
  { path: '/agents', def: agentsDashboard },
  { path: '/llm', def: llmDashboard },
  { path: '/hosts', def: hostsDashboard },
];

export const builtIn = (id: string) => BUILT_IN.find((b) => b.def.id === id);
