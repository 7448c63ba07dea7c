/**
 * A trace made ready for the waterfall: the index plus everything computed once (critical path,
 * self times, statistics, skew), and the overview the page header shows.
 */
import {
  criticalPath,
  maxDepth,
  mainRoot,
  operationStats,
  selfTimes,
  skewShifts,
  type OperationStats,
} from './analysis';
import { parentIdOf, spanIdOf, type TraceIndex } from './trace-index';

export type PreparedTrace = {
  ix: TraceIndex;
  critical: Uint8Array;
  self: Float64Array;
  shift: Float64Array;
  skewed: Uint8Array;
  /** services in order of first appearance (pre-order): the index is the colour */
  services: string[];
  serviceRank: Int32Array;
  overview: TraceOverview;
};

export type ViewWarning = { kind: 'missing-parent' | 'clock-skew'; spanId: string; message: string };

export type TraceOverview = {
  traceId: string;
  startNs: string;
  durationNs: number;
  spanCount: number;
  services: { service: string; spans: number; errors: number }[];
  errorCount: number;
  depth: number;
  root: { spanId: string; service: string; name: string; durationNs: number } | null;
  /** spans without a parent in the trace (1 for a complete trace) */
  rootCount: number;
  criticalCount: number;
  skewedCount: number;
  warnings: ViewWarning[];
  warningCount: number;
  tokensByModel: { model: string; provider: string; spans: number; inputTokens: number; outputTokens: number }[];
  /** spans whose attributes are still loading: tokens and search cover the rest */
  extrasPending: number;
  stats: OperationStats[];
  statsTruncated: boolean;
  /** an even sample of the trace in pre-order, for the minimap */
  minimap: { start: number; dur: number; service: number; error: 0 | 1 }[];
};

/** Above this many spans, attributes load only for the rows shown, and for all when someone searches. */
export const BACKGROUND_EXTRAS_MAX = 200_000;

const MAX_WARNINGS = 200;
const MAX_STATS = 500;
const MINIMAP_BARS = 400;

function fmtMs(ns: number): string {
  const ms = ns / 1e6;
  return ms >= 1 ? `${ms.toFixed(ms >= 100 ? 0 : 2)} ms` : `${(ns / 1e3).toFixed(1)} µs`;
}

export function prepareTrace(ix: TraceIndex): PreparedTrace {
  const critical = criticalPath(ix);
  const self = selfTimes(ix);
  const { shift, skewed, count: skewedCount } = skewShifts(ix);
  const services: string[] = [];
  const rankOf = new Map<number, number>();
  const serviceRank = new Int32Array(ix.n);
  const perService: { service: string; spans: number; errors: number }[] = [];
  for (let q = 0; q < ix.n; q++) {
    const i = ix.order[q]!;
    let r = rankOf.get(ix.service[i]!);
    if (r === undefined) {
      r = services.length;
      rankOf.set(ix.service[i]!, r);
      services.push(ix.strings[ix.service[i]!]!);
      perService.push({ service: services[r]!, spans: 0, errors: 0 });
    }
    serviceRank[i] = r;
    perService[r]!.spans++;
    perService[r]!.errors += ix.error[i]!;
  }
  const warnings: ViewWarning[] = [];
  let warningCount = 0;
  let rootCount = 0;
  let errorCount = 0;
  let criticalCount = 0;
  for (let q = 0; q < ix.n; q++) {
    const i = ix.order[q]!;
    errorCount += ix.error[i]!;
    criticalCount += critical[i]!;
    if (ix.parent[i]! < 0) rootCount++;
    let w: ViewWarning | null = null;
    if (ix.missingParent[i]) {
      w = {
        kind: 'missing-parent',
        spanId: spanIdOf(ix, i),
        message: `parent span ${parentIdOf(ix, i)} of "${ix.strings[ix.name[i]!]}" is not in the trace`,
      };
    } else if (skewed[i]) {
      const p = ix.parent[i]!;
      const early = ix.start[p]! - ix.start[i]!;
      const late = ix.start[i]! + ix.dur[i]! - (ix.start[p]! + ix.dur[p]!);
      const how = early > 0 ? `starts ${fmtMs(early)} before` : `ends ${fmtMs(late)} after`;
      w = {
        kind: 'clock-skew',
        spanId: spanIdOf(ix, i),
        message: `"${ix.strings[ix.name[i]!]}" (${ix.strings[ix.service[i]!]}) ${how} its parent "${ix.strings[ix.name[p]!]}" (${ix.strings[ix.service[p]!]}): the two services' clocks disagree`,
      };
    }
    if (w) {
      warningCount++;
      if (warnings.length < MAX_WARNINGS) warnings.push(w);
    }
  }
  const root = mainRoot(ix);
  const stats = operationStats(ix, self);
  const step = Math.max(1, Math.ceil(ix.n / MINIMAP_BARS));
  const minimap: TraceOverview['minimap'] = [];
  for (let q = 0; q < ix.n; q += step) {
    const i = ix.order[q]!;
    minimap.push({ start: ix.start[i]!, dur: ix.dur[i]!, service: serviceRank[i]!, error: ix.error[i] ? 1 : 0 });
  }
  const overview: TraceOverview = {
    traceId: ix.traceId,
    startNs: ix.startNs,
    durationNs: ix.durationNs,
    spanCount: ix.n,
    services: perService,
    errorCount,
    depth: maxDepth(ix),
    root:
      root < 0
        ? null
        : {
            spanId: spanIdOf(ix, root),
            service: ix.strings[ix.service[root]!]!,
            name: ix.strings[ix.name[root]!]!,
            durationNs: ix.dur[root]!,
          },
    rootCount,
    criticalCount,
    skewedCount,
    warnings,
    warningCount,
    tokensByModel: [],
    extrasPending: 0,
    stats: stats.slice(0, MAX_STATS),
    statsTruncated: stats.length > MAX_STATS,
    minimap,
  };
  return { ix, critical, self, shift, skewed, services, serviceRank, overview };
}

/** The overview with what changes while attributes load in the background: tokens per model. */
export function overviewOf(pt: PreparedTrace): TraceOverview {
  const { ix } = pt;
  const tokens = new Map<string, TraceOverview['tokensByModel'][number]>();
  for (let i = 0; i < ix.n; i++) {
    const g = ix.genAi[i];
    if (!g || g.inputTokens + g.outputTokens === 0) continue;
    const key = `${g.provider}\u0000${g.model}`;
    const t = tokens.get(key) ?? { model: g.model, provider: g.provider, spans: 0, inputTokens: 0, outputTokens: 0 };
    t.spans++;
    t.inputTokens += g.inputTokens;
    t.outputTokens += g.outputTokens;
    tokens.set(key, t);
  }
  return {
    ...pt.overview,
    tokensByModel: [...tokens.values()].sort(
      (a, b) => b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens),
    ),
    extrasPending: ix.extrasMissing,
  };
}
