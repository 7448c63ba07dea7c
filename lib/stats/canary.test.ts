import { describe, expect, it } from 'vitest';
import { bucketQuantile, canaryVerdict, DEFAULT_THRESHOLDS, nextRolloutStep, type ModeSample } from './canary';

const LE = [0.001, 0.002, 0.004, 0.008, Infinity];

function mode(
  evaluations: number,
  wouldDeny: number,
  errors: number,
  cum: number[],
  hits = 0.85,
  meanS?: number,
): ModeSample {
  const count = cum[cum.length - 1]!;
  return {
    evaluations,
    wouldDeny,
    errors,
    latency: { sum: (meanS ?? 0.002) * count, count, buckets: LE.map((le, i) => ({ le, count: cum[i]! })) },
    cacheHits: Math.round(evaluations * hits),
    cacheMisses: evaluations - Math.round(evaluations * hits),
  };
}

describe('canary verdict', () => {
  it('interpolates a quantile inside its bucket as histogram_quantile does', () => {
    // rank 950 of 1000 falls in (0.004, 0.008] which holds 90: 0.004 + 0.004 × 50/90.
    expect(
      bucketQuantile(
        LE.map((le, i) => ({ le, count: [100, 600, 900, 990, 1000][i]! })),
        0.95,
      ),
    ).toBeCloseTo(0.006222222222222223, 15);
    expect(
      bucketQuantile(
        LE.map((le) => ({ le, count: 0 })),
        0.95,
      ),
    ).toBeNull();
  });

  it('passes when enforce behaves like dry-run, and suggests the next rollout step', () => {
    const same = [1000, 6000, 9000, 9900, 10000];
    const v = canaryVerdict(mode(10000, 600, 20, same), mode(10000, 610, 21, same), DEFAULT_THRESHOLDS, 25);
    expect(v.metrics.map((m) => [m.id, m.status])).toEqual([
      ['deny-rate', 'pass'],
      ['error-rate', 'pass'],
      ['mean-latency', 'pass'],
      ['p95-latency', 'pass'],
      ['distribution', 'pass'],
      ['cache-hit-rate', 'pass'],
    ]);
    expect(v.score).toBe(100);
    expect(v.status).toBe('pass');
    expect(v.nextStep).toBe('Raise enforce from 25 % to 50 % (playbook 5 → 25 → 50 → 100 %).');
  });

  it('fails a deny-rate regression whose whole interval is beyond the failing margin (Newcombe interval, scipy-checked)', () => {
    const same = [1000, 6000, 9000, 9900, 10000];
    const v = canaryVerdict(mode(10000, 600, 20, same), mode(10000, 900, 20, same, 0.85), {
      ...DEFAULT_THRESHOLDS,
      denyFail: 0.02,
    });
    const deny = v.metrics.find((m) => m.id === 'deny-rate')!;
    expect(deny.effect!.estimate).toBeCloseTo(0.03, 12);
    expect(deny.effect!.lo).toBeCloseTo(0.022718465640594057, 10);
    expect(deny.effect!.hi).toBeCloseTo(0.037307978122047884, 10);
    expect(deny.status).toBe('fail');
    expect(v.status).toBe('fail');
    expect(v.nextStep).toBeNull();
  });

  it('a slower enforce path fails on latency and its distribution differs', () => {
    const v = canaryVerdict(
      mode(10000, 600, 20, [1000, 6000, 9000, 9900, 10000]),
      mode(10000, 600, 20, [100, 1000, 5000, 9000, 10000], 0.85, 0.0045),
    );
    expect(v.metrics.find((m) => m.id === 'mean-latency')!.status).toBe('fail');
    // Enforce's p95 lies in the +Inf bucket: it reads as the last bound, 8 ms (the buckets' resolution limit), 1.29× dry-run's 6.22 ms.
    const p95 = v.metrics.find((m) => m.id === 'p95-latency')!;
    expect(p95.effect!.estimate).toBeCloseTo(0.008 / 0.006222222222222223, 12);
    expect(p95.status).toBe('marginal');
    expect(v.metrics.find((m) => m.id === 'distribution')!.status).toBe('marginal');
    expect(v.status).toBe('fail');
  });

  it('too little data is "no data", never pass', () => {
    const few = [10, 60, 90, 99, 100];
    const v = canaryVerdict(mode(100, 6, 0, few), mode(100, 6, 0, few));
    expect(v.status).toBe('nodata');
    expect(v.score).toBeNull();
    expect(v.metrics.every((m) => m.status === 'nodata')).toBe(true);
    expect(v.metrics[0]!.why).toBe('needs 200 evaluations in each mode; dry-run has 100, enforce 100');
  });

  it('walks the playbook', () => {
    expect([0, 5, 25, 50, 100].map(nextRolloutStep)).toEqual([
      'Raise enforce from 0 % to 5 % (playbook 5 → 25 → 50 → 100 %).',
      'Raise enforce from 5 % to 25 % (playbook 5 → 25 → 50 → 100 %).',
      'Raise enforce from 25 % to 50 % (playbook 5 → 25 → 50 → 100 %).',
      'Raise enforce from 50 % to 100 % (playbook 5 → 25 → 50 → 100 %).',
      'Enforce is at 100 %: the rollout is complete.',
    ]);
  });
});
