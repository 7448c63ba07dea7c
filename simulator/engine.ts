import { FSM_STATES, MEMORY_TYPES } from './catalog';
import type { Knobs } from './knobs';
import { initPolicy } from './policy-model';
import { Rng } from './rng';
import { agentCoreMetrics, llmServiceMetrics } from './services/agent-llm-metrics';
import { orchestratorMetrics } from './services/orchestrator-metrics';
import { type RequestOutcome, type Services, simulateRequest, workflowSpecs } from './workload';

const MB = 1024 * 1024;

/**
 * The workload model advanced in fixed ticks of simulated time. The same code writes history
 * (fast, into the past) and then runs live, so counters continue without a reset.
 */
export class Simulation {
  readonly services: Services;
  readonly rng: Rng;
  private nowMs: number;
  /** Pool model: a fixed baseline, live task allocations, and garbage that a compaction reclaims. */
  private poolGarbage = 0;
  private poolActive = 0;
  /** Bytes a leak (knob memoryLeak) took that compaction never gives back. */
  private poolLeaked = 0;
  private sessions = 40;
  /** Called with every simulated request (live mode sets it to export the request's trace); only then do latency samples carry exemplars. */
  onRequest?: (out: RequestOutcome) => void;

  constructor(
    readonly knobs: Knobs,
    startMs: number,
  ) {
    this.rng = new Rng(knobs.seed);
    this.nowMs = startMs;
    this.services = { orch: orchestratorMetrics(), agent: agentCoreMetrics(), llm: llmServiceMetrics() };
    this.initSeries(startMs);
    if (knobs.extraSeries > 0) {
      const pad = this.services.orch.registry.gauge('sim_padding_info', 'Padding series for benchmarks.', ['shard']);
      for (let i = 0; i < knobs.extraSeries; i++) pad.set({ shard: String(i) }, 1);
    }
  }

  get timeMs() {
    return this.nowMs;
  }

  /** Requests per second at time t: the knob times a daily curve peaking at 15:00 UTC. */
  rateAt(tMs: number): number {
    const hour = (tMs / 3_600_000) % 24;
    return this.knobs.rate * (1 + this.knobs.dailyAmplitude * Math.cos((2 * Math.PI * (hour - 15)) / 24));
  }

  /** Advance simulated time to `toMs`, one tick at a time. */
  advanceTo(toMs: number) {
    const tick = this.knobs.tick;
    while (this.nowMs + tick <= toMs) {
      this.nowMs += tick;
      this.step(this.nowMs, tick / 1000);
    }
  }

  private step(tMs: number, dtSec: number) {
    const n = this.rng.poisson(this.rateAt(tMs) * dtSec);
    for (let i = 0; i < n; i++) {
      const jitter = this.rng.next() * dtSec * 1000;
      const out = simulateRequest(this.services, this.knobs, this.rng, tMs - jitter, this.onRequest !== undefined);
      this.poolGarbage += out.workflow.agents * 0.02 * MB;
      this.onRequest?.(out);
    }
    this.background(n, dtSec);
  }

  /** Gauges and slow processes: sessions, memory pool fill and reclaim, caches, compression. */
  private background(requests: number, dtSec: number) {
    const { orch, agent, llm } = this.services;
    const rng = this.rng;
    const k = this.knobs;
    // Sessions drift toward a level set by the rate.
    const target = 10 * k.rate;
    const created = rng.poisson(k.rate * 0.05 * dtSec);
    orch.sessionsCreated.inc({}, created);
    orch.gwSessionsCreated.inc({}, created);
    if (rng.chance(0.0005 * dtSec)) orch.gwSessionCollisions.inc();
    this.sessions += created - (this.sessions / Math.max(target, 1)) * k.rate * 0.05 * dtSec;
    orch.sessionsActive.set({}, Math.round(this.sessions));
    orch.gwSessionsActive.set({}, Math.round(this.sessions * 0.6));
    orch.sessionCacheSize.set({}, Math.min(1000, Math.round(this.sessions * 3)));
    if (this.sessions * 3 > 900 || rng.chance(0.02 * dtSec)) orch.sessionCacheEvictions.inc();
    // Memory pool: live allocations follow the request rate (smoothed over ~30 s); garbage
    // builds up with every task and a compaction reclaims it when the pool passes 85 %.
    const total = 512 * MB;
    const alpha = Math.min(1, dtSec / 30);
    this.poolActive += ((requests / dtSec) * 15 * MB - this.poolActive) * alpha;
    this.poolLeaked = Math.min(total, this.poolLeaked + (k.memoryLeak * MB * dtSec) / 60);
    let used = 96 * MB + this.poolActive + this.poolGarbage + this.poolLeaked;
    if (used > 0.85 * total && this.poolGarbage > 0) {
      this.poolGarbage = 0;
      used = 96 * MB + this.poolActive + this.poolLeaked;
    }
    agent.poolUsed.set({}, Math.round(Math.min(total, used)));
    agent.poolTotal.set({}, total);
    agent.fsmState.set({}, requests > 0 ? FSM_STATES.indexOf('executing') : FSM_STATES.indexOf('idle'));
    llm.activeConnections.set({}, rng.poisson(3 + requests * 2));
    orch.polCacheEntries.set({ cache_type: 'decision' }, 800 + rng.int(0, 200));
    orch.polCacheEntries.set({ cache_type: 'compiled_query' }, 12);
    // Compression runs on long sessions now and then.
    if (rng.chance(0.08 * k.rate * dtSec)) {
      const status = rng.weighted([
        ['triggered', 70],
        ['skipped', 25],
        ['failed', 5],
      ] as const);
      orch.compressionEvents.inc({ status });
      if (status === 'triggered') {
        orch.compressionTokensSaved.observe({}, rng.int(400, 12000));
        orch.compressionRatio.observe({}, 1.5 + rng.next() * 6);
      }
    }
    if (rng.chance(0.05 * k.rate * dtSec)) {
      orch.memoryWritesSkipped.inc({
        reason: rng.weighted([
          ['duplicate', 60],
          ['low_value', 35],
          ['error', 5],
        ] as const),
      });
    }
    if (rng.chance(0.02 * k.rate * dtSec)) {
      orch.chunksPerQa.observe({}, rng.int(1, 30));
      orch.chunkSize.observe({}, rng.int(80, 1500));
    }
    if (rng.chance(0.01 * k.rate * dtSec)) {
      orch.rateLimitDelay.observe(
        { provider: rng.pick(['openai', 'anthropic']), tier: rng.pick(['small', 'medium', 'large']) },
        rng.logNormal(1.2, 0.8),
      );
    }
  }

  /** Label sets Shannon registers up front, so series exist from the first scrape. */
  private initSeries(startMs: number) {
    const { orch } = this.services;
    initPolicy(orch, startMs);
    for (const wf of workflowSpecs(this.knobs)) {
      orch.workflowsStarted.touch({ workflow_type: wf.type, mode: wf.mode });
    }
    for (const t of MEMORY_TYPES) orch.memoryFetches.touch({ type: t, source: 'qdrant', result: 'hit' });
  }
}
