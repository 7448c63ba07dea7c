import { randomBytes } from 'node:crypto';
import type { IndexInput } from '../lib/traces/view/trace-index';

/**
 * What one simulated request did, in enough detail to lay out its trace: the workload fills
 * this while it samples the metrics, so the trace and the exemplars tell the same story.
 */
export type AgentCall = {
  agentId: string;
  /** the orchestrator's client span for ExecuteTask: its id is the agent-duration exemplar's span_id */
  spanId: string;
  ms: number;
  ok: boolean;
  tools: { name: string; sec: number; ok: boolean }[];
  llm: {
    model: string;
    provider: string;
    prompt: number;
    completion: number;
    sec: number;
    cached: boolean;
    ttft?: number;
  };
};

export type RequestDetails = {
  traceId: string;
  rootSpanId: string;
  /** when the request ended (ms since the epoch); it started durationSec before */
  endMs: number;
  durationSec: number;
  status: 'completed' | 'failed' | 'denied' | 'rate_limited';
  model: string;
  stream: boolean;
  ttftSec?: number;
  workflowType: string;
  mode: string;
  stages: { name: string; sec: number; attrs: Record<string, string | number | boolean> }[];
  agents: AgentCall[];
  /** agents run side by side (DAG, supervisor, swarm), each starting a moment after the previous */
  parallelAgents?: boolean;
  refinementSec?: number;
};

export type Service = 'orchestrator' | 'agent-core' | 'llm-service';
export type PlannedSpan = {
  id: string;
  parent?: string;
  service: Service;
  name: string;
  kind: 'server' | 'client' | 'internal';
  startMs: number;
  endMs: number;
  attrs: Record<string, string | number | boolean>;
  error?: string;
  events?: { name: string; tMs: number; attrs?: Record<string, string | number | boolean> }[];
};

const newId = () => randomBytes(8).toString('hex');

/** A parallel workflow dispatches its agents this far apart. */
const DISPATCH_MS = 4;

/** Lays the request out in time: root [start, end], stages, then the agents (side by side or one after another). */
export function layoutTrace(d: RequestDetails): PlannedSpan[] {
  const D = d.durationSec * 1000;
  const t0 = d.endMs - D;
  const failed = d.status !== 'completed';
  const httpStatus =
    d.status === 'rate_limited' ? 429 : d.status === 'denied' ? 403 : d.status === 'failed' ? 500 : 200;
  const root: PlannedSpan = {
    id: d.rootSpanId,
    service: 'orchestrator',
    name: 'POST /v1/chat/completions',
    kind: 'server',
    startMs: t0,
    endMs: d.endMs,
    attrs: {
      'http.request.method': 'POST',
      'http.route': '/v1/chat/completions',
      'http.response.status_code': httpStatus,
      'gen_ai.request.model': d.model,
      'shannon.stream': d.stream,
    },
    ...(failed ? { error: `HTTP ${httpStatus}` } : {}),
    ...(d.ttftSec !== undefined ? { events: [{ name: 'first_token', tMs: t0 + d.ttftSec * 1000 }] } : {}),
  };
  if (d.ttftSec !== undefined) root.attrs['gen_ai.server.time_to_first_token'] = d.ttftSec;
  const spans: PlannedSpan[] = [root];
  const policy: PlannedSpan = {
    id: newId(),
    parent: root.id,
    service: 'orchestrator',
    name: 'policy.evaluate',
    kind: 'internal',
    startMs: t0 + Math.min(0.2, D * 0.05),
    endMs: t0 + Math.min(1.2, D * 0.3),
    attrs: { 'policy.decision': d.status === 'denied' ? 'deny' : 'allow' },
  };
  spans.push(policy);
  if (d.status === 'denied' || d.status === 'rate_limited') return spans;

  const wf: PlannedSpan = {
    id: newId(),
    parent: root.id,
    service: 'orchestrator',
    name: `workflow ${d.workflowType}`,
    kind: 'internal',
    startMs: policy.endMs,
    endMs: d.endMs - Math.min(1, D * 0.01),
    attrs: { 'workflow.type': d.workflowType, 'workflow.mode': d.mode, 'workflow.agents': d.agents.length },
  };
  if (d.status === 'failed') wf.error = 'workflow failed';
  spans.push(wf);
  const parallel = d.parallelAgents === true && d.agents.length > 1;
  const agentsMs = parallel
    ? Math.max(...d.agents.map((a, i) => i * DISPATCH_MS + a.ms))
    : d.agents.reduce((a, x) => a + x.ms, 0);
  const refineMs = (d.refinementSec ?? 0) * 1000;
  const window = wf.endMs - wf.startMs;
  // Stages get what the agents and refinement leave, scaled down if they would not fit.
  const stageBudget = Math.max(0, window - agentsMs - Math.min(refineMs, window * 0.1));
  const stageTotal = d.stages.reduce((a, s) => a + s.sec * 1000, 0);
  const scale = stageTotal > stageBudget ? stageBudget / Math.max(stageTotal, 1e-9) : 1;
  let c = wf.startMs;
  for (const s of d.stages) {
    const ms = s.sec * 1000 * scale;
    const isClient = s.name.startsWith('qdrant') || s.name.startsWith('embeddings');
    spans.push({
      id: newId(),
      parent: wf.id,
      service: 'orchestrator',
      name: s.name,
      kind: isClient ? 'client' : 'internal',
      startMs: c,
      endMs: c + ms,
      attrs: s.attrs,
    });
    c += ms;
  }
  const dispatched = c;
  d.agents.forEach((a, i) => {
    const start = parallel ? dispatched + i * DISPATCH_MS : c;
    const client: PlannedSpan = {
      id: a.spanId,
      parent: wf.id,
      service: 'orchestrator',
      name: 'AgentService/ExecuteTask',
      kind: 'client',
      startMs: start,
      endMs: start + a.ms,
      attrs: {
        'rpc.system': 'grpc',
        'rpc.service': 'AgentService',
        'rpc.method': 'ExecuteTask',
        'agent.id': a.agentId,
      },
      ...(a.ok ? {} : { error: 'INTERNAL' }),
    };
    spans.push(client, ...agentSpans(a, client));
    c = parallel ? dispatched + agentsMs : c + a.ms;
  });
  if (refineMs > 0) {
    const end = Math.min(wf.endMs, c + refineMs);
    if (end > c)
      spans.push({
        id: newId(),
        parent: wf.id,
        service: 'orchestrator',
        name: 'synthesis.refine',
        kind: 'internal',
        startMs: c,
        endMs: end,
        attrs: {},
      });
  }
  return spans;
}

function agentSpans(a: AgentCall, client: PlannedSpan): PlannedSpan[] {
  const net = Math.min(0.3, a.ms * 0.02);
  const server: PlannedSpan = {
    id: newId(),
    parent: client.id,
    service: 'agent-core',
    name: 'ExecuteTask',
    kind: 'server',
    startMs: client.startMs + net,
    endMs: client.endMs - net,
    attrs: { 'rpc.system': 'grpc', 'agent.id': a.agentId },
    ...(a.ok ? {} : { error: 'task failed' }),
  };
  const out = [server];
  const inner = server.endMs - server.startMs;
  const toolsMs = a.tools.reduce((s, t) => s + t.sec * 1000, 0);
  const llmWanted = a.llm.sec * 1000;
  const scale = toolsMs + llmWanted > inner * 0.95 ? (inner * 0.95) / (toolsMs + llmWanted) : 1;
  let c = server.startMs + Math.min(0.5, inner * 0.02);
  for (const t of a.tools) {
    const ms = t.sec * 1000 * scale;
    out.push({
      id: newId(),
      parent: server.id,
      service: 'agent-core',
      name: `tool ${t.name}`,
      kind: 'internal',
      startMs: c,
      endMs: c + ms,
      attrs: { 'tool.name': t.name },
      ...(t.ok ? {} : { error: 'tool failed' }),
    });
    c += ms;
  }
  const llmMs = llmWanted * scale;
  const call: PlannedSpan = {
    id: newId(),
    parent: server.id,
    service: 'agent-core',
    name: 'llm.generate',
    kind: 'client',
    startMs: c,
    endMs: c + llmMs,
    attrs: { 'gen_ai.request.model': a.llm.model },
  };
  const gen: Record<string, string | number | boolean> = {
    'gen_ai.system': a.llm.provider,
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.model': a.llm.model,
    'gen_ai.response.model': a.llm.model,
    'gen_ai.usage.input_tokens': a.llm.prompt,
    'gen_ai.usage.output_tokens': a.llm.completion,
    'shannon.cache_status': a.llm.cached ? 'hit' : 'miss',
  };
  const net2 = Math.min(0.2, llmMs * 0.02);
  const llm: PlannedSpan = {
    id: newId(),
    parent: call.id,
    service: 'llm-service',
    name: `chat ${a.llm.model}`,
    kind: 'server',
    startMs: call.startMs + net2,
    endMs: call.endMs - net2,
    attrs: gen,
  };
  if (a.llm.ttft !== undefined) {
    const ttftMs = Math.min(a.llm.ttft * 1000 * scale, llm.endMs - llm.startMs);
    gen['gen_ai.server.time_to_first_token'] = ttftMs / 1000;
    llm.events = [{ name: 'first_token', tMs: llm.startMs + ttftMs }];
  }
  out.push(call, llm);
  return out;
}

/** A planned trace as the waterfall's index takes spans (times in ns; no attributes), for tests that analyse it. */
export function plannedIndexInput(spans: readonly PlannedSpan[]): IndexInput[] {
  const ns = (t: number) => BigInt(Math.round(t * 1e6));
  return spans.map((x) => ({
    spanId: x.id,
    ...(x.parent ? { parentSpanId: x.parent } : {}),
    name: x.name,
    service: x.service,
    startNs: ns(x.startMs),
    endNs: ns(x.endMs),
    kind: 0,
    error: false,
    attributes: [],
    events: [],
  }));
}
