import { describe, expect, it } from 'vitest';
import { chiSquareHomogeneity, chiSquareSf, meanDiff, proportionDiff, wilson } from './intervals';

describe('intervals and tests against independently computed values', () => {
  it('Wilson score interval (scipy binomtest(12, 400).proportion_ci(method="wilson"))', () => {
    const w = wilson(12, 400)!;
    expect(w.estimate).toBe(0.03);
    expect(w.lo).toBeCloseTo(0.01724302096514305, 12);
    expect(w.hi).toBeCloseTo(0.051698535709095675, 12);
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(0, 10)!.lo).toBe(0);
  });

  it("Newcombe's method 10 reproduces his published example: 56/70 − 48/80 → 0.0524 to 0.3339", () => {
    // Newcombe (1998), Statistics in Medicine 17:873, Table II, example (a). Our difference is second − first.
    const d = proportionDiff(48, 80, 56, 70)!;
    expect(d.estimate).toBeCloseTo(0.2, 12);
    expect(d.lo).toBeCloseTo(0.0524, 4);
    expect(d.hi).toBeCloseTo(0.3339, 4);
  });

  it('chi-square survival function (scipy.stats.chi2.sf)', () => {
    expect(chiSquareSf(3.84, 1)).toBeCloseTo(0.05004352124870519, 10);
    expect(chiSquareSf(20.5, 5)).toBeCloseTo(0.0010065277863902768, 10);
    expect(chiSquareSf(0.5, 3)).toBeCloseTo(0.9188914116546758, 10);
    expect(chiSquareSf(100, 10) / 5.4497019829205215e-17).toBeCloseTo(1, 8);
  });

  it('chi-square homogeneity merges sparse buckets, then matches scipy.stats.chi2_contingency', () => {
    const r = chiSquareHomogeneity([50, 120, 300, 200, 20, 3, 1, 0], [40, 100, 250, 260, 60, 10, 2, 1])!;
    // The last three buckets expect fewer than 5 in a row: merged into one cell [4, 13].
    expect(r.cells).toBe(6);
    expect(r.df).toBe(5);
    expect(r.statistic).toBeCloseTo(39.48857260752034, 9);
    expect(r.p / 1.893431587922331e-7).toBeCloseTo(1, 6);
    expect(chiSquareHomogeneity([5, 0], [0, 0])).toBeNull();
    expect(chiSquareHomogeneity([3, 1], [2, 2])).toBeNull();
  });

  it('difference of means with a normal interval', () => {
    const d = meanDiff(10, 4, 100, 11, 9, 100)!;
    expect(d.estimate).toBe(1);
    expect(d.lo).toBeCloseTo(1 - 1.959963984540054 * Math.sqrt(0.13), 12);
    expect(meanDiff(1, 1, 1, 1, 1, 100)).toBeNull();
  });
});
