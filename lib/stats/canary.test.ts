import { describe, expect, it } from 'vitest';
import {
  bucketQuantile,
  canaryVerdict,
  DEFAULT_THRESHOLDS,
  moreDataNeeded,
  nextRolloutStep,
  type ModeSample,
} from './canary';

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

  it('says what a difference means in plain words, in percentage points', () => {
    const cum = [100, 600, 900, 990, 1000];
    const v = canaryVerdict(mode(4000, 240, 0, cum), mode(4000, 262, 0, cum));
    const deny = v.metrics.find((m) => m.id === 'deny-rate')!;
    expect(deny.why).toMatch(
      /^enforce would deny 0\.55 points more than dry-run \(95 % CI −0\.\d\d to \+1\.\d\d points\); a rise passes within 1\.00 points and fails beyond 3\.00 points$/,
    );
    const fewer = canaryVerdict(mode(4000, 262, 0, cum), mode(4000, 240, 0, cum)).metrics[0]!;
    expect(fewer.why).toMatch(/^enforce would deny 0\.55 points fewer than dry-run/);
  });

  it('a marginal that only more data can settle says how much more; one between the margins does not', () => {
    // Estimate +0.2 points, interval ±1.1 points, passing margin 1 point: an interval of ±0.8 would pass.
    expect(moreDataNeeded({ estimate: 0.002, lo: -0.009, hi: 0.013 }, 0.01, 0.03, 1000)).toEqual({
      have: 1000,
      need: Math.ceil(1000 * (0.011 / 0.008) ** 2),
    });
    // Beyond the failing margin: a narrower interval would fail it.
    expect(moreDataNeeded({ estimate: 0.04, lo: 0.02, hi: 0.06 }, 0.01, 0.03, 500)!.need).toBe(2000);
    // Between the margins: marginal whatever the data.
    expect(moreDataNeeded({ estimate: 0.02, lo: 0.015, hi: 0.025 }, 0.01, 0.03, 500)).toBeUndefined();
    // In a verdict: a small canary with the same deny rate in both modes.
    const cum = [100, 600, 900, 990, 1000];
    const v = canaryVerdict(mode(4000, 240, 0, cum), mode(250, 15, 0, cum));
    const deny = v.metrics.find((m) => m.id === 'deny-rate')!;
    expect(deny.status).toBe('marginal');
    expect(deny.moreData!.have).toBe(250);
    expect(deny.moreData!.need).toBeGreaterThan(250);
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
