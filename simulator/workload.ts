import { randomBytes } from 'node:crypto';
import { AGENTS, COLLECTIONS, MEMORY_TYPES, MODELS, TOOLS, WORKFLOWS, type WorkflowSpec } from './catalog';
import { type Knobs, slowStageOf } from './knobs';
import { evaluatePolicy } from './policy-model';
import type { Rng } from './rng';
import type { AgentCoreMetrics, LlmServiceMetrics } from './services/agent-llm-metrics';
import type { OrchestratorMetrics } from './services/orchestrator-metrics';
import type { AgentCall, RequestDetails } from './trace-plan';
import { gatewayResponse } from './gateway';

/**
 * Trace ids must be unique across runs (W3C), even when a seed repeats the workload: the seeded
 * id is mixed with a salt drawn once per process.
 */
const TRACE_SALT = randomBytes(16);
function saltedTraceId(seeded: string): string {
  const b = Buffer.from(seeded, 'hex');
  for (let i = 0; i < b.length; i++) b[i] = (b[i] as number) ^ (TRACE_SALT[i] as number);
  return b.toString('hex');
}

export type Services = { orch: OrchestratorMetrics; agent: AgentCoreMetrics; llm: LlmServiceMetrics };

/** What one request did: the details its trace is laid out from, and the workflow it ran. */
export type RequestOutcome = RequestDetails & { workflow: WorkflowSpec };

export function workflowSpecs(k: Knobs): readonly WorkflowSpec[] {
  if (!k.extraWorkflowType) return WORKFLOWS;
  return [...WORKFLOWS, { type: k.extraWorkflowType, mode: 'simple', weight: 5, median: 0.9, sigma: 0.4, agents: 1 }];
}

/**
 * One gateway request end to end: policy, workflow, agents, tools, LLM calls. Its latency
 * samples carry a `trace_id` exemplar only when `traced` (its trace is exported): an exemplar
 * must always lead to a trace.
 */
export function simulateRequest(s: Services, k: Knobs, rng: Rng, tMs: number, traced = false): RequestOutcome {
  const { orch, agent } = s;
  const tsSec = tMs / 1000;
  const traceId = saltedTraceId(rng.hex(16));
  const spanId = rng.hex(8);
  const exemplar = (value: number) =>
    traced ? { labels: { trace_id: traceId, span_id: spanId }, value, tsSec } : undefined;
  const model = rng.weighted(MODELS.map((m) => [m, m.weight] as const));
  const stream = rng.chance(0.7);
  const endpoint = '/v1/chat/completions';
  const wf = rng.weighted(workflowSpecs(k).map((w) => [w, w.weight] as const));
  const out: RequestOutcome = {
    traceId,
    rootSpanId: spanId,
    endMs: Math.round(tMs * 1000) / 1000,
    durationSec: 0,
    status: 'completed',
    model: model.model,
    stream,
    workflowType: wf.type,
    mode: wf.mode,
    stages: [],
    agents: [],
    parallelAgents: wf.parallel === true,
    workflow: wf,
  };

  orch.gwModelRequests.inc({ model: model.model });
  if (rng.chance(0.01)) {
    orch.gwRequests.inc({ model: model.model, endpoint, status: 'rate_limited' });
    orch.gwErrors.inc({ model: model.model, error_type: 'rate_limit', error_code: '429' });
    return { ...out, durationSec: 0.01, status: 'rate_limited' };
  }

  const policy = evaluatePolicy(orch, k, rng, tMs);
  if (policy.blocked) {
    orch.gwRequests.inc({ model: model.model, endpoint, status: 'error' });
    orch.gwErrors.inc({ model: model.model, error_type: 'policy_denied', error_code: '403' });
    return { ...out, durationSec: 0.005, status: 'denied' };
  }

  const labels = { workflow_type: wf.type, mode: wf.mode };
  orch.tasksSubmitted.inc();
  orch.workflowsStarted.inc(labels);
  const slow = rng.chance(k.slowFraction);
  // Whole microseconds: the trace's root span then lasts exactly the exemplar's value.
  const durationSec = Math.round(rng.logNormal(wf.median, wf.sigma) * (slow ? k.slowFactor : 1) * 1e6) / 1e6;
  const failed = rng.chance(k.errorRate);
  const status = failed ? (rng.chance(0.2) ? 'timeout' : 'failed') : 'completed';
  orch.workflowsCompleted.inc({ ...labels, status });
  out.status = failed ? 'failed' : 'completed';

  // Planning stages and retrieval. A stage the --slow-stage knob names, for a request with its
  // attribute value, takes `factor` times as long, and the request as much longer.
  const slowKnob = slowStageOf(k);
  const facts: Record<string, string> = { model: model.model, workflow_type: wf.type, mode: wf.mode };
  let extraSec = 0;
  const stage = (name: string, sec: number, attrs: Record<string, string | number | boolean> = {}, id = '') => {
    let s2 = sec;
    if (slowKnob && slowKnob.stage === id && facts[slowKnob.key] === slowKnob.value) {
      s2 = sec * slowKnob.factor;
      extraSec += s2 - sec;
    }
    out.stages.push({ name, sec: s2, attrs });
    return s2;
  };
  orch.complexityLatency.observe({}, stage('complexity.analyze', rng.logNormal(0.03, 0.4), {}, 'complexity'));
  orch.learningRouterLatency.observe(
    {},
    stage('router.select', rng.logNormal(0.008, 0.4), { strategy: wf.mode }, 'router'),
  );
  if (wf.agents > 1)
    orch.decompositionLatency.observe(
      {},
      stage(
        'task.decompose',
        rng.logNormal(0.9, 0.45) * (slow ? 2 : 1),
        { 'workflow.agents': wf.agents },
        'decomposition',
      ),
    );
  orch.strategySelection.inc({ strategy: wf.mode });
  orch.embeddingRequests.inc({ model: 'text-embedding-3-small', status: rng.chance(0.995) ? 'success' : 'error' });
  orch.embeddingLatency.observe(
    { model: 'text-embedding-3-small' },
    stage(
      'embeddings text-embedding-3-small',
      rng.logNormal(0.09, 0.35),
      { 'gen_ai.request.model': 'text-embedding-3-small' },
      'embedding',
    ),
  );
  // A collection the knob names that Shannon does not use is searched by a third of the requests.
  const extraCollection =
    slowKnob?.key === 'collection' && !(COLLECTIONS as readonly string[]).includes(slowKnob.value)
      ? slowKnob.value
      : null;
  const collection = extraCollection && rng.chance(0.3) ? extraCollection : rng.pick(COLLECTIONS);
  facts.collection = collection;
  orch.vectorSearches.inc({ collection, status: rng.chance(0.997) ? 'success' : 'error' });
  orch.vectorLatency.observe(
    { collection },
    stage(
      `qdrant.search ${collection}`,
      rng.logNormal(0.018, 0.5),
      { 'db.system': 'qdrant', 'db.collection.name': collection },
      'vector_search',
    ),
  );
  // The whole request lasts what its stages added (the workflow's duration is recorded now).
  const totalSec = Math.round((durationSec + extraSec) * 1e6) / 1e6;
  orch.workflowDuration.observe(labels, totalSec, exemplar(totalSec));
  out.durationSec = totalSec;
  const memType = rng.pick(MEMORY_TYPES);
  const hit = rng.chance(memType === 'session' ? 0.85 : 0.65);
  orch.memoryFetches.inc({ type: memType, source: 'qdrant', result: hit ? 'hit' : 'miss' });
  orch.memoryItems.observe({ type: memType, source: 'qdrant' }, hit ? rng.int(1, 30) : 0);
  orch.retrievalBudget.observe({ retrieval_type: memType }, rng.int(500, 8000));
  (rng.chance(0.8) ? orch.sessionCacheHits : orch.sessionCacheMisses).inc();
  (rng.chance(0.7) ? orch.cacheHits : orch.cacheMisses).inc();

  // Agents, each over gRPC to agent-core, each with tools and an LLM call.
  let tokensIn = 0;
  let tokensOut = 0;
  let cost = 0;
  for (let i = 0; i < wf.agents; i++) {
    const agentId = AGENTS[i % AGENTS.length] as string;
    // Side by side each agent may take most of the workflow; one after another they share it.
    const ms = wf.parallel
      ? Math.min(durationSec * 1000 * rng.logNormal(0.45, 0.3), durationSec * 600)
      : Math.min(
          (durationSec * 1000 * rng.logNormal(0.55, 0.25)) / Math.max(1, wf.agents / 2),
          (durationSec * 850) / wf.agents,
        );
    const call: AgentCall = {
      agentId,
      spanId: rng.hex(8),
      ms,
      ok: true,
      tools: [],
      llm: { model: model.model, provider: model.provider, prompt: 0, completion: 0, sec: 0, cached: false },
    };
    out.agents.push(call);
    orch.agentExecutions.inc({ agent_id: agentId, mode: wf.mode });
    orch.agentDuration.observe(
      { agent_id: agentId, mode: wf.mode },
      ms,
      traced ? { labels: { trace_id: traceId, span_id: call.spanId }, value: ms, tsSec } : undefined,
    );
    const grpcSec = ms / 1000;
    const grpcOk = !(failed && i === wf.agents - 1);
    call.ok = grpcOk;
    orch.grpcRequests.inc({ service: 'AgentService', method: 'ExecuteTask', status: grpcOk ? 'OK' : 'INTERNAL' });
    orch.grpcDuration.observe({ service: 'AgentService', method: 'ExecuteTask' }, grpcSec);
    agent.grpcRequests.inc({ method: 'ExecuteTask', status: grpcOk ? 'OK' : 'INTERNAL' });
    agent.grpcDuration.observe({ method: 'ExecuteTask' }, grpcSec);
    agent.tasks.inc({ mode: wf.mode, status: grpcOk ? 'success' : 'failed' });
    agent.taskDuration.observe({ mode: wf.mode }, grpcSec);
    agent.fsmTransitions.inc({ from_state: 'idle', to_state: 'planning' });
    agent.fsmTransitions.inc({ from_state: 'planning', to_state: 'executing' });
    const tools = rng.int(0, 3);
    for (let t = 0; t < tools; t++) {
      const tool = rng.pick(TOOLS);
      agent.toolSelection.observe({ status: 'success' }, rng.logNormal(0.012, 0.5));
      const drop = rng.chance(0.01);
      if (drop) {
        agent.enforcementDrops.inc({ reason: rng.pick(['circuit_open', 'rate_limited', 'timeout']) });
        continue;
      }
      agent.enforcementAllowed.inc({ outcome: 'allowed' });
      agent.fsmTransitions.inc({ from_state: 'executing', to_state: 'waiting_tool' });
      agent.fsmTransitions.inc({ from_state: 'waiting_tool', to_state: 'executing' });
      const ok = !rng.chance(tool.failRate);
      agent.toolExecutions.inc({ tool_name: tool.name, status: ok ? 'success' : 'failure' });
      const sec = rng.logNormal(tool.median, 0.5);
      agent.toolDuration.observe({ tool_name: tool.name }, sec);
      call.tools.push({ name: tool.name, sec, ok });
    }
    agent.fsmTransitions.inc({ from_state: 'executing', to_state: grpcOk ? 'completed' : 'failed' });
    const llmOut = llmCall(s, rng, model, wf.mode);
    call.llm = {
      model: model.model,
      provider: model.provider,
      prompt: llmOut.prompt,
      completion: llmOut.completion,
      sec: llmOut.sec,
      cached: llmOut.cached,
      ...(stream ? { ttft: llmOut.cached ? llmOut.sec * 0.3 : model.ttft } : {}),
    };
    tokensIn += llmOut.prompt;
    tokensOut += llmOut.completion;
    cost += llmOut.cost;
    agent.taskTokens.observe({ mode: wf.mode, model: model.model }, llmOut.prompt + llmOut.completion);
  }
  if (wf.agents > 1) {
    out.refinementSec = rng.logNormal(0.6, 0.4);
    orch.refinementLatency.observe({}, out.refinementSec);
  }
  if (wf.agents > 2) orch.chunkAggregationLatency.observe({}, rng.logNormal(0.05, 0.4));
  orch.taskTokens.observe({}, tokensIn + tokensOut);
  orch.taskCost.observe({}, cost);
  orch.sessionTokens.inc({}, tokensIn + tokensOut);
  const ttft = gatewayResponse(s, k, rng, model, stream, endpoint, durationSec, tokensIn, tokensOut, failed, exemplar);
  if (ttft !== undefined) out.ttftSec = ttft;
  return out;
}

function llmCall(s: Services, rng: Rng, model: (typeof MODELS)[number], mode: string) {
  const { llm, orch } = s;
  const cached = rng.chance(0.18);
  const cacheStatus = cached ? 'hit' : 'miss';
  const prompt = rng.int(300, 4000);
  const completion = cached ? rng.int(50, 400) : rng.int(100, 1500);
  const sec = cached ? rng.logNormal(0.08, 0.4) : model.ttft + completion / model.tps;
  llm.requests.inc({ provider: model.provider, model: model.model, tier: model.tier, cache_status: cacheStatus });
  llm.duration.observe({ provider: model.provider, model: model.model, cache_status: cacheStatus }, sec);
  llm.tokens.inc({ provider: model.provider, model: model.model, type: 'prompt' }, prompt);
  llm.tokens.inc({ provider: model.provider, model: model.model, type: 'completion' }, completion);
  const cost = cached ? 0 : (prompt / 1000) * model.price[0] + (completion / 1000) * model.price[1];
  llm.cost.inc({ provider: model.provider, model: model.model }, cost);
  orch.tierRequested.inc({ tier: model.tier });
  const drift = rng.chance(0.04);
  const selectedTier = drift ? (model.tier === 'large' ? 'medium' : 'small') : model.tier;
  orch.tierSelected.inc({ tier: selectedTier, provider: model.provider });
  if (drift) {
    orch.tierDrift.inc({
      requested_tier: model.tier,
      selected_tier: selectedTier,
      reason: rng.pick(['provider_unavailable', 'tier_unavailable', 'fallback']),
    });
  }
  if (rng.chance(0.1)) {
    orch.overrideRequested.inc({ provider: model.provider });
    if (rng.chance(0.92)) orch.overrideRespected.inc({ provider: model.provider });
    else
      orch.providerDrift.inc({
        requested_provider: model.provider,
        selected_provider: 'openai',
        reason: rng.pick(['unavailable', 'rate_limited', 'fallback']),
      });
  }
  if (model.provider === 'anthropic') {
    orch.promptCacheRead.inc({ provider: model.provider, model: model.model }, cached ? prompt : 0);
    orch.promptCacheCreation.inc(
      { provider: model.provider, model: model.model },
      cached ? 0 : Math.round(prompt * 0.3),
    );
  }
  if (rng.chance(0.15)) {
    const name = rng.pick(['filesystem', 'github', 'search']);
    const fn = rng.pick(['call_tool', 'list_tools']);
    const st = rng.chance(0.97) ? 'success' : 'error';
    llm.mcpRequests.inc({ name, function: fn, status: st });
    llm.mcpDuration.observe({ name, function: fn, status: st }, rng.logNormal(0.15, 0.6));
  }
  if (rng.chance(0.01))
    llm.errors.inc({
      error_type: rng.pick(['timeout', 'provider_error', 'invalid_response']),
      component: rng.pick(['llm', 'cache', 'service']),
    });
  if (mode === 'complex' && rng.chance(0.05)) llm.plannerFallbacks.inc();
  return { prompt, completion, cost, sec, cached };
}
