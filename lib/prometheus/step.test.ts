import { describe, expect, it } from 'vitest';
import { alignRange, autoStep, planRange, rateInterval } from './step';

describe('autoStep', () => {
  it('divides the range by max data points when that is the largest', () => {
    expect(autoStep(24 * 3600, 600, 15)).toBe(144);
  });
  it('never goes below the scrape interval', () => {
    expect(autoStep(300, 600, 15)).toBe(15);
  });
  it('never asks Prometheus for more than 11,000 points', () => {
    // 30 days with a huge maxDataPoints: range/11000 wins
    const range = 30 * 86400;
    const step = autoStep(range, 100_000, 1);
    expect(step).toBe(Math.ceil(range / 11000));
    expect(range / step).toBeLessThanOrEqual(11000);
  });
  it('keeps sub-second steps to the millisecond', () => {
    expect(autoStep(60, 600, 0.05)).toBe(0.1);
  });
});

describe('alignRange', () => {
  it('aligns start and end down to the step, never past the end asked for', () => {
    expect(alignRange(1000, 1999, 60)).toEqual({ start: 960, end: 1980 });
  });
  it('leaves aligned times alone', () => {
    expect(alignRange(1200, 1800, 60)).toEqual({ start: 1200, end: 1800 });
  });
});

describe('rateInterval and planRange', () => {
  it('is at least four scrapes', () => {
    expect(rateInterval(15, 15)).toBe(60);
  });
  it('is at least a step plus a scrape', () => {
    expect(rateInterval(144, 15)).toBe(159);
  });
  it('plans an aligned 1h range', () => {
    const p = planRange(1_700_000_123, 1_700_003_723, { maxDataPoints: 600, scrapeIntervalSec: 15 });
    expect(p.step).toBe(15);
    expect(p.start % 15).toBe(0);
    expect(p.end % 15).toBe(0);
    expect(p.start).toBeLessThanOrEqual(1_700_000_123);
    expect(p.end).toBeLessThanOrEqual(1_700_003_723);
    expect(p.end).toBeGreaterThan(1_700_003_723 - 15);
  });
});
