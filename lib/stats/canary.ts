/**
 * The policy canary verdict: enforce compared with dry-run over a window, in the spirit of
 * Kayenta (intervals, not bare p-values; every input visible). Each metric gets the effect of
 * enforce, its 95 % interval and pass / marginal / fail: pass when the whole interval is within the
 * tolerable margin, fail when the whole interval is beyond the failing margin, marginal otherwise.
 * Too little data is "no data", never "pass".
 */
import { chiSquareHomogeneity, meanDiff, proportionDiff, type Interval } from './intervals';

/** Increases over the window of one mode's counters; buckets are cumulative (`le`, +Inf last). */
export type ModeSample = {
  evaluations: number;
  wouldDeny: number;
  errors: number;
  latency: { sum: number; count: number; buckets: { le: number; count: number }[] };
  cacheHits: number;
  cacheMisses: number;
};

export type Thresholds = {
  /** deny-rate increase, as a fraction: pass margin and fail margin */
  denyPass: number;
  denyFail: number;
  errorPass: number;
  errorFail: number;
  /** mean latency increase, seconds */
  latencyPass: number;
  latencyFail: number;
  /** p95 ratio enforce ÷ dry-run */
  p95Pass: number;
  p95Fail: number;
  /** cache-hit-rate drop, as a fraction */
  cachePass: number;
  cacheFail: number;
  /** overall score needed for pass and for marginal */
  scorePass: number;
  scoreMarginal: number;
  /** evaluations each mode needs before anything is judged */
  minEvaluations: number;
};

export const DEFAULT_THRESHOLDS: Thresholds = {
  denyPass: 0.01,
  denyFail: 0.03,
  errorPass: 0.005,
  errorFail: 0.02,
  latencyPass: 0.0005,
  latencyFail: 0.002,
  p95Pass: 1.2,
  p95Fail: 1.5,
  cachePass: 0.03,
  cacheFail: 0.1,
  scorePass: 90,
  scoreMarginal: 75,
  minEvaluations: 200,
};

export type Status = 'pass' | 'marginal' | 'fail' | 'nodata';

export type MetricResult = {
  id: 'deny-rate' | 'error-rate' | 'mean-latency' | 'p95-latency' | 'distribution' | 'cache-hit-rate';
  label: string;
  dryRun: number | null;
  enforce: number | null;
  /** enforce − dry-run (ratio for p95, p-value for the distribution test) */
  effect: Interval | null;
  status: Status;
  why: string;
  /**
   * A marginal that only more data can settle: the interval still spans from the passing margin
   * to the failing one while the estimate sits on one side. `have` evaluations per mode now (the
   * smaller mode's), about `need` for an interval that narrow (it shrinks as 1/√n).
   */
  moreData?: { have: number; need: number };
};

export type Verdict = { metrics: MetricResult[]; score: number | null; status: Status; nextStep: string | null };

/** Per-bucket counts from cumulative ones. */
export function bucketCounts(buckets: { le: number; count: number }[]): number[] {
  return buckets.map((b, i) => Math.max(0, b.count - (i > 0 ? buckets[i - 1]!.count : 0)));
}

/** A quantile from cumulative buckets, interpolated linearly inside the bucket, as histogram_quantile does. */
export function bucketQuantile(buckets: { le: number; count: number }[], q: number): number | null {
  const total = buckets[buckets.length - 1]?.count ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i]!;
    if (b.count >= rank) {
      if (!Number.isFinite(b.le)) return buckets[i - 1]?.le ?? null;
      const lo = i > 0 ? buckets[i - 1]!.le : 0;
      const below = i > 0 ? buckets[i - 1]!.count : 0;
      const inBucket = b.count - below;
      return inBucket > 0 ? lo + (b.le - lo) * ((rank - below) / inBucket) : b.le;
    }
  }
  return null;
}

/** Variance from bucket midpoints (the +Inf bucket at the last finite bound). */
function bucketVariance(buckets: { le: number; count: number }[], mean: number): number {
  const counts = bucketCounts(buckets);
  let n = 0;
  let ss = 0;
  counts.forEach((c, i) => {
    const hi = Number.isFinite(buckets[i]!.le) ? buckets[i]!.le : (buckets[i - 1]?.le ?? 0);
    const lo = i > 0 ? buckets[i - 1]!.le : 0;
    const mid = Number.isFinite(buckets[i]!.le) ? (lo + hi) / 2 : hi;
    n += c;
    ss += c * (mid - mean) ** 2;
  });
  return n > 1 ? ss / (n - 1) : 0;
}

/** Harm is "higher is worse": pass when hi ≤ pass margin, fail when lo > fail margin. */
function judge(effect: Interval, pass: number, fail: number): Status {
  if (effect.hi <= pass) return 'pass';
  if (effect.lo > fail) return 'fail';
  return 'marginal';
}

/**
 * For a marginal: whether more data would settle it, and about how much. An estimate inside the
 * passing margin needs an interval whose upper end stays inside it; one beyond the failing margin,
 * one whose lower end stays beyond it; an estimate between the margins stays marginal however
 * much data comes (none is asked for).
 */
export function moreDataNeeded(effect: Interval, pass: number, fail: number, have: number) {
  const half = Math.max(effect.hi - effect.estimate, effect.estimate - effect.lo);
  const room = effect.estimate <= pass ? pass - effect.estimate : effect.estimate > fail ? effect.estimate - fail : 0;
  if (!(room > 0) || !(half > 0) || have <= 0) return undefined;
  return { have: Math.round(have), need: Math.ceil(have * (half / room) ** 2) };
}

const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;
/** A difference of two rates in percentage points. */
const points = (x: number) => `${(Math.abs(x) * 100).toFixed(2)} points`;
const ptsRange = (i: Interval) => `95 % CI ${signed(i.lo * 100, 2)} to ${signed(i.hi * 100, 2)} points`;
const ms = (s: number) => `${(s * 1000).toFixed(3)} ms`;

/** What a difference of rates means, in words: "enforce denies 0.54 points more than dry-run". */
const RATE_WORDS: Record<string, [more: string, less: string]> = {
  'deny-rate': ['enforce would deny {} more than dry-run', 'enforce would deny {} fewer than dry-run'],
  'error-rate': ['enforce errs {} more often than dry-run', 'enforce errs {} less often than dry-run'],
  'cache-hit-rate': [
    'enforce hits the cache {} more often than dry-run',
    'enforce hits the cache {} less often than dry-run',
  ],
};

export function canaryVerdict(
  dry: ModeSample,
  enf: ModeSample,
  t: Thresholds = DEFAULT_THRESHOLDS,
  enforcePercent: number | null = null,
): Verdict {
  const enough = dry.evaluations >= t.minEvaluations && enf.evaluations >= t.minEvaluations;
  const noData = (id: MetricResult['id'], label: string): MetricResult => ({
    id,
    label,
    dryRun: null,
    enforce: null,
    effect: null,
    status: 'nodata',
    why: `needs ${t.minEvaluations} evaluations in each mode; dry-run has ${Math.round(dry.evaluations)}, enforce ${Math.round(enf.evaluations)}`,
  });
  const metrics: MetricResult[] = [];
  const rate = (
    id: MetricResult['id'],
    label: string,
    xd: number,
    nd: number,
    xe: number,
    ne: number,
    pass: number,
    fail: number,
    harmIsDrop = false,
  ) => {
    if (!enough || nd <= 0 || ne <= 0) return metrics.push(noData(id, label));
    const d = proportionDiff(xd, nd, xe, ne)!;
    const effect = harmIsDrop ? { estimate: -d.estimate, lo: -d.hi, hi: -d.lo } : d;
    const status = judge(effect, pass, fail);
    const [more, less] = RATE_WORDS[id]!;
    const moreData = status === 'marginal' ? moreDataNeeded(effect, pass, fail, Math.min(nd, ne)) : undefined;
    metrics.push({
      id,
      label,
      dryRun: xd / nd,
      enforce: xe / ne,
      effect: d,
      status,
      why: `${(d.estimate >= 0 ? more : less).replace('{}', points(d.estimate))} (${ptsRange(d)}); ${harmIsDrop ? 'a drop' : 'a rise'} passes within ${points(pass)} and fails beyond ${points(fail)}`,
      ...(moreData ? { moreData } : {}),
    });
  };
  rate(
    'deny-rate',
    'Deny rate (would deny, in dry-run)',
    dry.wouldDeny,
    dry.evaluations,
    enf.wouldDeny,
    enf.evaluations,
    t.denyPass,
    t.denyFail,
  );
  rate('error-rate', 'Error rate', dry.errors, dry.evaluations, enf.errors, enf.evaluations, t.errorPass, t.errorFail);
  // Mean latency from _sum / _count, its spread from the buckets.
  const dl = dry.latency;
  const el = enf.latency;
  if (!enough || dl.count < 2 || el.count < 2) metrics.push(noData('mean-latency', 'Mean latency'));
  else {
    const md = dl.sum / dl.count;
    const me = el.sum / el.count;
    const d = meanDiff(md, bucketVariance(dl.buckets, md), dl.count, me, bucketVariance(el.buckets, me), el.count)!;
    const status = judge(d, t.latencyPass, t.latencyFail);
    const moreData =
      status === 'marginal' ? moreDataNeeded(d, t.latencyPass, t.latencyFail, Math.min(dl.count, el.count)) : undefined;
    metrics.push({
      id: 'mean-latency',
      label: 'Mean latency',
      dryRun: md,
      enforce: me,
      effect: d,
      status,
      why: `enforce takes ${ms(Math.abs(d.estimate))} ${d.estimate >= 0 ? 'longer' : 'less'} on average than dry-run (95 % CI ${signed(d.lo * 1000, 3)} to ${signed(d.hi * 1000, 3)} ms); slower passes within ${ms(t.latencyPass)} and fails beyond ${ms(t.latencyFail)}`,
      ...(moreData ? { moreData } : {}),
    });
  }
  const pd = enough ? bucketQuantile(dl.buckets, 0.95) : null;
  const pe = enough ? bucketQuantile(el.buckets, 0.95) : null;
  if (pd === null || pe === null || pd <= 0) metrics.push(noData('p95-latency', 'p95 latency'));
  else {
    const r = pe / pd;
    const status: Status = r <= t.p95Pass ? 'pass' : r > t.p95Fail ? 'fail' : 'marginal';
    metrics.push({
      id: 'p95-latency',
      label: 'p95 latency',
      dryRun: pd,
      enforce: pe,
      effect: { estimate: r, lo: r, hi: r },
      status,
      why: `enforce ÷ dry-run ${r.toFixed(2)}× (interpolated inside buckets: no finer than the bucket bounds); pass ≤ ${t.p95Pass}×, fail > ${t.p95Fail}×`,
    });
  }
  const chi = enough ? chiSquareHomogeneity(bucketCounts(dl.buckets), bucketCounts(el.buckets)) : null;
  if (!chi) metrics.push(noData('distribution', 'Latency distribution'));
  else {
    const status: Status = chi.p >= 0.01 ? 'pass' : 'marginal';
    metrics.push({
      id: 'distribution',
      label: 'Latency distribution',
      dryRun: null,
      enforce: null,
      effect: { estimate: chi.p, lo: chi.p, hi: chi.p },
      status,
      why: `chi-square homogeneity over ${chi.cells} bucket cells (sparse buckets merged): χ² = ${chi.statistic.toFixed(1)}, df ${chi.df}, p = ${chi.p.toPrecision(2)}; differences inside one bucket cannot be seen`,
    });
  }
  rate(
    'cache-hit-rate',
    'Cache hit rate',
    dry.cacheHits,
    dry.cacheHits + dry.cacheMisses,
    enf.cacheHits,
    enf.cacheHits + enf.cacheMisses,
    t.cachePass,
    t.cacheFail,
    true,
  );
  const judged = metrics.filter((m) => m.status !== 'nodata');
  const core = ['deny-rate', 'error-rate', 'mean-latency'];
  if (!enough || core.some((id) => metrics.find((m) => m.id === id)?.status === 'nodata'))
    return { metrics, score: null, status: 'nodata', nextStep: null };
  const score =
    (100 * judged.reduce((s, m) => s + (m.status === 'pass' ? 1 : m.status === 'marginal' ? 0.5 : 0), 0)) /
    judged.length;
  const status: Status = metrics.some((m) => m.status === 'fail')
    ? 'fail'
    : score >= t.scorePass
      ? 'pass'
      : score >= t.scoreMarginal
        ? 'marginal'
        : 'fail';
  return { metrics, score, status, nextStep: status === 'pass' ? nextRolloutStep(enforcePercent) : null };
}

/** Shannon's rollout playbook: 5 → 25 → 50 → 100 % enforce. */
export function nextRolloutStep(current: number | null): string {
  const steps = [5, 25, 50, 100];
  if (current === null) return 'Continue the rollout to the next step of the playbook (5 → 25 → 50 → 100 % enforce).';
  const next = steps.find((s) => s > current + 0.5);
  return next === undefined
    ? 'Enforce is at 100 %: the rollout is complete.'
    : `Raise enforce from ${Math.round(current)} % to ${next} % (playbook 5 → 25 → 50 → 100 %).`;
}
