import { describe, expect, it } from 'vitest';
import { Simulation } from './engine';
import { parseKnobs } from './knobs';
import { buildTraceIndex } from '../lib/traces/view/trace-index';
import { criticalPath } from '../lib/traces/view/analysis';
import { exposition, type Family } from './registry';
import { layoutTrace, plannedIndexInput } from './trace-plan';
import type { RequestOutcome } from './workload';

const T0 = Date.parse('2026-11-26T15:00:00Z');

function run(args: string[], minutes: number) {
  const sim = new Simulation(parseKnobs(['--daily-amplitude', '0', ...args]), T0);
  sim.advanceTo(T0 + minutes * 60_000);
  return sim;
}

function total(f: Family, where: (labels: Record<string, string>) => boolean = () => true): number {
  let sum = 0;
  for (const s of f.series.values()) if (where(s.labels)) sum += s.value;
  return sum;
}

describe('simulator knobs are ground truth', () => {
  it('--rate sets gateway requests per second', () => {
    const sim = run(['--rate', '10', '--seed', '1'], 30);
    const requests = total(sim.services.orch.gwModelRequests);
    expect(requests / (30 * 60)).toBeCloseTo(10, 0);
  });

  it('--error-rate sets the share of failed workflows', () => {
    const sim = run(['--rate', '20', '--error-rate', '0.2', '--seed', '2'], 20);
    const c = sim.services.orch.workflowsCompleted;
    const failed = total(c, (l) => l.status !== 'completed');
    expect(failed / total(c)).toBeGreaterThan(0.18);
    expect(failed / total(c)).toBeLessThan(0.22);
  });

  it('--canary-percent sets the share routed to enforce', () => {
    const sim = run(['--rate', '20', '--canary-percent', '25', '--seed', '3'], 20);
    const canary = sim.services.orch.polCanary;
    const enforce = total(canary, (l) => l.effective_mode === 'enforce' && l.routing_reason === 'percentage_rollout');
    const rollout = total(canary, (l) => l.routing_reason === 'percentage_rollout');
    // explicit_enforce_user traffic is outside the rollout
    expect(enforce / rollout).toBeGreaterThan(0.22);
    expect(enforce / rollout).toBeLessThan(0.28);
  });

  it('--kill-switch routes everything to dry-run', () => {
    const sim = run(['--rate', '10', '--kill-switch', 'on', '--seed', '4'], 5);
    const canary = sim.services.orch.polCanary;
    expect(total(canary, (l) => l.effective_mode === 'enforce')).toBe(0);
    expect(total(canary, (l) => l.routing_reason === 'emergency_kill_switch')).toBe(total(canary));
  });

  it('--slow-fraction puts that share of workflows in the slow tail', () => {
    const fast = run(['--rate', '20', '--slow-fraction', '0', '--seed', '5'], 20);
    const slow = run(['--rate', '20', '--slow-fraction', '0.3', '--slow-factor', '10', '--seed', '5'], 20);
    const over10 = (sim: Simulation) => {
      let inf = 0;
      let all = 0;
      for (const s of sim.services.orch.workflowDuration.series.values()) {
        const h = s.hist!;
        inf += h.counts[h.counts.length - 1] as number;
        all += h.count;
      }
      return inf / all;
    };
    expect(over10(fast)).toBeLessThan(0.01);
    expect(over10(slow)).toBeGreaterThan(0.15);
  });

  it('the same seed gives the same run', () => {
    const a = exposition(run(['--seed', '9'], 3).services.orch.registry);
    const b = exposition(run(['--seed', '9'], 3).services.orch.registry);
    expect(a).toBe(b);
  });

  it('the memory pool fills and is reclaimed within its size', () => {
    const sim = new Simulation(parseKnobs(['--rate', '4', '--daily-amplitude', '0']), T0);
    const used: number[] = [];
    for (let m = 1; m <= 120; m++) {
      sim.advanceTo(T0 + m * 60_000);
      used.push(total(sim.services.agent.poolUsed));
    }
    const size = total(sim.services.agent.poolTotal);
    expect(size).toBe(512 * 1024 * 1024);
    expect(Math.max(...used)).toBeLessThanOrEqual(size);
    // It fills over minutes, not seconds, and compaction brings it well down.
    const drops = used.filter((u, i) => i > 0 && u < (used[i - 1] as number) * 0.7).length;
    expect(drops).toBeGreaterThan(0);
    expect(drops).toBeLessThan(20);
    expect(Math.max(...used)).toBeGreaterThan(0.75 * size);
  });
});

describe('injected regressions are ground truth', () => {
  it('--enforce-deny-extra raises the deny rate of enforce only', () => {
    const sim = run(
      ['--rate', '20', '--canary-percent', '50', '--deny-rate', '0.05', '--enforce-deny-extra', '0.1', '--seed', '3'],
      20,
    );
    const c = sim.services.orch.polComparison;
    const rate = (mode: string) =>
      total(c, (l) => l.effective_mode === mode && l.would_enforce_decision === 'deny') /
      total(c, (l) => l.effective_mode === mode);
    expect(rate('dry-run')).toBeCloseTo(0.05, 1);
    expect(rate('enforce')).toBeCloseTo(0.15, 1);
  });

  it('--memory-leak fills the pool to its size and keeps it there', () => {
    const sim = new Simulation(parseKnobs(['--rate', '4', '--daily-amplitude', '0', '--memory-leak', '20']), T0);
    sim.advanceTo(T0 + 40 * 60_000);
    expect(total(sim.services.agent.poolUsed)).toBe(512 * 1024 * 1024);
  });

  it('--ttft-regression slows one model only', () => {
    const sim = run(['--rate', '20', '--ttft-regression', 'gpt-4o:5', '--seed', '4'], 20);
    const h = sim.services.orch.gwTtft;
    const mean = (model: string) => {
      let sum = 0;
      let n = 0;
      for (const s of h.series.values())
        if (s.labels.model === model && s.hist) {
          sum += s.hist.sum;
          n += s.hist.count;
        }
      return sum / n;
    };
    expect(mean('gpt-4o')).toBeGreaterThan(3 * mean('gpt-4o-mini'));
    expect(() => parseKnobs(['--ttft-regression', 'gpt-4o'])).toThrow(
      '--ttft-regression: must be model:factor, e.g. gpt-4o:5',
    );
  });
});

/** A simulation whose requests are traced (as live with --otlp-*): the traced trace ids are collected. */
function traced(args: string[], minutes: number) {
  const sim = new Simulation(parseKnobs(['--daily-amplitude', '0', ...args]), T0);
  const outcomes: RequestOutcome[] = [];
  sim.onRequest = (o) => outcomes.push(o);
  sim.advanceTo(T0 + minutes * 60_000);
  return { sim, outcomes };
}

describe('exemplars and traces', () => {
  it('every exemplar names a request whose trace was handed to the exporter; untraced time (history) has none', () => {
    const history = exposition(run(['--seed', '12'], 3).services.orch.registry);
    expect(history).not.toContain('trace_id=');
    const { sim, outcomes } = traced(['--seed', '12', '--rate', '8'], 3);
    const text = exposition(sim.services.orch.registry);
    const ids = [...text.matchAll(/trace_id="([0-9a-f]{32})"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    const sent = new Set(outcomes.map((o) => o.traceId));
    expect(ids.filter((id) => !sent.has(id!))).toEqual([]);
  });

  it('a parallel workflow runs its agents side by side, so its critical path leaves some spans out', () => {
    const { outcomes } = traced(['--seed', '13', '--rate', '8', '--error-rate', '0'], 2);
    const dag = outcomes.find((o) => o.workflowType === 'DAGWorkflow' && o.status === 'completed');
    expect(dag).toBeDefined();
    const spans = layoutTrace(dag!);
    const agents = spans.filter((x) => x.name === 'AgentService/ExecuteTask');
    expect(agents).toHaveLength(3);
    // They overlap in time.
    expect(agents[1]!.startMs).toBeLessThan(agents[0]!.endMs);
    // Every child lies inside its parent.
    const byId = new Map(spans.map((x) => [x.id, x]));
    for (const x of spans) if (x.parent) expect(x.endMs).toBeLessThanOrEqual(byId.get(x.parent)!.endMs + 1e-6);
    const ix = buildTraceIndex(dag!.traceId, plannedIndexInput(spans));
    const crit = criticalPath(ix);
    const onPath = crit.reduce((a, b) => a + b, 0);
    expect(onPath).toBeGreaterThan(2);
    expect(onPath).toBeLessThan(spans.length);
    // The agent that ended last decides the workflow's end; the LLM work of the others does not.
    const llm = spans.filter((x) => x.service === 'llm-service');
    expect(llm).toHaveLength(3);
    expect(llm.filter((x) => crit[indexOf(ix, x.id)] === 1)).toHaveLength(1);
  });
});

function indexOf(ix: ReturnType<typeof buildTraceIndex>, spanId: string): number {
  for (let i = 0; i < ix.n; i++)
    if (Buffer.from(ix.ids.subarray(i * 8, i * 8 + 8)).toString('hex') === spanId) return i;
  return -1;
}

describe('exposition', () => {
  it('is OpenMetrics with Shannon names, ms buckets and exemplars', () => {
    const text = exposition(traced(['--seed', '11'], 2).sim.services.orch.registry);
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(text).toContain('# TYPE shannon_workflows_started counter');
    expect(text).toMatch(/^shannon_workflows_started_total\{workflow_type="DAGWorkflow",mode="standard"\} \d+$/m);
    expect(text).toMatch(
      /^shannon_agent_execution_duration_ms_bucket\{agent_id="planner",mode="[a-z_]+",le="30000"\} \d+/m,
    );
    expect(text).toMatch(
      /^shannon_workflow_duration_seconds_bucket\{[^}]*le="[^"]+"\} \d+ # \{trace_id="[0-9a-f]{32}",span_id="[0-9a-f]{16}"\} [\d.e-]+ \d+\.\d{3}$/m,
    );
    expect(text).toMatch(/^shannon_policy_evaluation_duration_seconds_bucket\{mode="[a-z-]+",le="0.512"\}/m);
  });

  it('rejects unknown or malformed flags with a message that names them', () => {
    expect(() => parseKnobs(['--rate', 'fast'])).toThrow(/--rate/);
    expect(() => parseKnobs(['--bogus', '1'])).toThrow(/unknown flag/);
    expect(() => parseKnobs(['--history', 'forever'])).toThrow(/--history/);
    expect(() => parseKnobs(['--kill-switch', 'maybe'])).toThrow(/--kill-switch: must be off, on, or an ISO time/);
  });
});

describe('--extra-series', () => {
  it('adds that many padding series on the orchestrator, for benchmarks', () => {
    const text = exposition(run(['--extra-series', '250', '--seed', '1'], 1).services.orch.registry);
    expect(text.match(/^sim_padding_info\{shard="\d+"\} 1/gm)).toHaveLength(250);
  });
});
