import { z } from 'zod';
import { parseDurationMs } from '../lib/time/duration';

/** The simulator's knobs: each one is ground truth a test can check. */
const num = (min: number, max: number) => z.coerce.number().min(min).max(max);
const duration = z.string().transform((v, ctx) => {
  const ms = v === '0' ? 0 : parseDurationMs(v);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a duration like 30s, 6h` });
    return z.NEVER;
  }
  return ms;
});

export const knobsSchema = z.object({
  seed: z.coerce.number().int().default(42),
  host: z.string().default('127.0.0.1'),
  orchestratorPort: num(0, 65535).default(2112),
  agentCorePort: num(0, 65535).default(2113),
  llmPort: num(0, 65535).default(8000),
  /** Gateway requests per second at the daily mean. */
  rate: num(0, 10_000).default(4),
  /** 0 = flat rate; 0.35 = ±35 % over the day, peaking mid-afternoon UTC. */
  dailyAmplitude: num(0, 0.95).default(0.35),
  /** Share of workflows in the slow tail, and how much slower they are. */
  slowFraction: num(0, 1).default(0.03),
  slowFactor: num(1, 100).default(8),
  /** Share of workflows that fail. */
  errorRate: num(0, 1).default(0.04),
  /** Share of policy evaluations routed to enforce by the canary. */
  canaryPercent: num(0, 100).default(5),
  /** Base probability that a policy evaluation denies. */
  denyRate: num(0, 1).default(0.06),
  /** An enforce-only regression: extra deny probability and a latency multiplier in enforce mode. */
  enforceDenyExtra: num(0, 1).default(0),
  enforceLatencyFactor: num(1, 100).default(1),
  /** A memory leak in agent core: MB per minute that compaction never reclaims. */
  memoryLeak: num(0, 10_000).default(0),
  /** A time-to-first-token regression for one model: "model:factor", e.g. gpt-4o:5. */
  ttftRegression: z
    .string()
    .regex(/^[^:]+:\d+(\.\d+)?$/, 'must be model:factor, e.g. gpt-4o:5')
    .optional(),
  /**
   * A cause to find (issue 17): one stage made slower for requests with one attribute value,
   * "stage:key=value:factor", e.g. vector_search:collection=kb-large:8x. Stages: vector_search,
   * embedding, decomposition, complexity, router; keys: collection, model, workflow_type, mode.
   * A collection value Shannon does not use is added to the ones requests search.
   */
  slowStage: z
    .string()
    .regex(
      /^(vector_search|embedding|decomposition|complexity|router):(collection|model|workflow_type|mode)=[^:]+:\d+(\.\d+)?x$/,
      'must be stage:key=value:factor, e.g. vector_search:collection=kb-large:8x',
    )
    .optional(),
  /** Kill switch: off, on, or on from an ISO time. */
  killSwitch: z
    .string()
    .refine((v) => v === 'off' || v === 'on' || !Number.isNaN(Date.parse(v)), 'must be off, on, or an ISO time')
    .default('off'),
  /** Padding for benchmarks: this many extra series (`sim_padding_info{shard}`) on the orchestrator. */
  extraSeries: num(0, 200_000).default(0),
  /** An extra workflow type (e.g. a hostile label value for tests). */
  extraWorkflowType: z.string().optional(),
  /** Seconds of past data to write for backfill, where to, and how far apart. */
  history: duration.default(0),
  historyStep: duration.default(15_000),
  historyOut: z.string().optional(),
  /**
   * After writing the history, wait for SIGUSR2 before going live, then write the time since
   * then to `<history-out>.gap` (so a backfill ends when live samples start), and go live.
   */
  historyHold: z.enum(['on', 'off']).default('off'),
  /** How often the live model advances. */
  tick: duration.default(1000),
  /** Where to send traces: the orchestrator's OTLP/gRPC endpoint, the OTLP/HTTP base URL for llm-service and agent-core. */
  otlpGrpc: z.url({ protocol: /^https?$/ }).optional(),
  otlpHttp: z.url({ protocol: /^https?$/ }).optional(),
  /** Bearer token for the trace receiver, when it asks for one. */
  otlpToken: z.string().optional(),
  /** Write the listening ports as JSON here once up (for scripts using port 0). */
  portsFile: z.string().optional(),
});
export type Knobs = z.infer<typeof knobsSchema>;

const kebabToCamel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function parseKnobs(argv: readonly string[]): Knobs {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    const key = kebabToCamel(eq === -1 ? a.slice(2) : a.slice(2, eq));
    const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined) throw new Error(`--${a.slice(2)} needs a value`);
    raw[key] = value;
  }
  const known = Object.keys(knobsSchema.shape);
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`unknown flag(s): ${unknown.join(', ')}`);
  const r = knobsSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`--${String(i?.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i?.message}`);
  }
  return r.data;
}

/** Whether the kill switch routes traffic at time tMs. */
export function killSwitchActive(k: Knobs, tMs: number): boolean {
  if (k.killSwitch === 'off') return false;
  if (k.killSwitch === 'on') return true;
  const at = Date.parse(k.killSwitch);
  return !Number.isNaN(at) && tMs >= at;
}

export type SlowStage = { stage: string; key: string; value: string; factor: number };

/** The --slow-stage knob, taken apart; null when it is not set. */
export function slowStageOf(k: Knobs): SlowStage | null {
  if (!k.slowStage) return null;
  const m = /^([a-z_]+):([a-z_]+)=([^:]+):(\d+(?:\.\d+)?)x$/.exec(k.slowStage)!;
  return { stage: m[1]!, key: m[2]!, value: m[3]!, factor: Number(m[4]) };
}
