import { describe, expect, it } from 'vitest';
import { linePath, niceCeil, valueTicks, wallClockTicks } from './axes';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 27, 0, 0, 0);

describe('wallClockTicks', () => {
  it('puts at most the target number of ticks on round boundaries inside the range', () => {
    const ticks = wallClockTicks(T0 + 7 * 60_000, T0 + 24 * H + 7 * 60_000, 6, 0);
    expect(ticks).toEqual([6, 12, 18, 24].map((h) => T0 + h * H));
    expect(wallClockTicks(T0 + 7 * 60_000, T0 + 24 * H + 7 * 60_000, 12, 0)).toEqual(
      [3, 6, 9, 12, 15, 18, 21, 24].map((h) => T0 + h * H),
    );
  });

  it('aligns to the viewer’s local clock, not UTC', () => {
    // UTC+5:30 (offset -330): local 06:00 is 00:30 UTC.
    const ticks = wallClockTicks(T0, T0 + 6 * H, 6, -330);
    expect(ticks[0]).toBe(T0 + 30 * 60_000);
    expect(ticks[1]! - ticks[0]!).toBe(2 * H);
  });

  it('uses seconds for short ranges and days for long ones', () => {
    expect(wallClockTicks(T0, T0 + 60_000, 6, 0)).toEqual([0, 15, 30, 45, 60].map((s) => T0 + s * 1000));
    const week = wallClockTicks(T0, T0 + 7 * 24 * H, 8, 0);
    expect(week.length).toBe(8);
    expect(week[1]! - week[0]!).toBe(24 * H);
  });

  it('returns nothing for an empty or reversed range', () => {
    expect(wallClockTicks(T0, T0, 6, 0)).toEqual([]);
    expect(wallClockTicks(T0 + H, T0, 6, 0)).toEqual([]);
  });
});

describe('niceCeil', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.2, 2.2, 3, 7, 0.031, 1234].map(niceCeil)).toEqual([1, 1, 2, 2.5, 5, 10, 0.05, 2000]);
  });
  it('gives 1 when there is nothing to show', () => {
    expect([0, -3, Number.NaN, Infinity].map(niceCeil)).toEqual([1, 1, 1, 1]);
  });
});

describe('linePath', () => {
  const rows = [
    { t: 0, a: 1 },
    { t: 1, a: 2 },
    { t: 2, a: null },
    { t: 3, a: 4 },
    { t: 4, a: 5 },
  ];
  it('breaks the line where a value is missing, and never bridges the gap', () => {
    expect(
      linePath(
        rows,
        (r) => r.a,
        (t) => t * 10,
        (v) => 100 - v,
      ),
    ).toBe('M0,99L10,98M30,96L40,95');
  });
  it('skips points the scales cannot place', () => {
    expect(
      linePath(
        rows,
        (r) => r.a,
        (t) => (t === 1 ? undefined : t),
        (v) => v,
      ),
    ).toBe('M0,1M3,4L4,5');
  });
});

describe('valueTicks', () => {
  it('puts about five round ticks from zero to just above the largest value', () => {
    expect(valueTicks(0, 10)).toEqual({ ticks: [0, 2.5, 5, 7.5, 10], top: 10 });
    expect(valueTicks(0, 4.3)).toEqual({ ticks: [0, 2, 4, 6], top: 6 });
    expect(valueTicks(0, 0.031)).toEqual({ ticks: [0, 0.01, 0.02, 0.03, 0.04], top: 0.04 });
  });
  it('ends at a fixed top (a percentage axis) with the ticks below it', () => {
    expect(valueTicks(0, 0.4, 5, 1)).toEqual({ ticks: [0, 0.25, 0.5, 0.75, 1], top: 1 });
  });
  it('rounds steps in the unit people read: MiB for bytes, hours and minutes for long durations', () => {
    const MiB = 1024 ** 2;
    expect(valueTicks(0, 429 * MiB, 5, undefined, 'bytes').ticks.map((t) => t / MiB)).toEqual([0, 200, 400, 600]);
    expect(valueTicks(0, 4.72 * 3600, 5, undefined, 's').ticks.map((t) => t / 3600)).toEqual([0, 2, 4, 6]);
    expect(valueTicks(0, 40 * 60, 5, undefined, 's').ticks.map((t) => t / 60)).toEqual([0, 10, 20, 30, 40]);
    expect(valueTicks(0, 9.78, 5, undefined, 's').ticks).toEqual([0, 2.5, 5, 7.5, 10]);
  });
  it('still draws an axis when every value is zero', () => {
    expect(valueTicks(0, 0)).toEqual({ ticks: [0, 1], top: 1 });
  });
});
