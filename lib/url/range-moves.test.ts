import { describe, expect, it } from 'vitest';
import { shiftRange, zoomOut } from './range-moves';

const NOW = Date.parse('2026-12-03T12:00:00Z');

describe('zoomOut', () => {
  it('doubles a live range back from now, and keeps it live', () => {
    expect(zoomOut({ from: 'now-1h', to: 'now' }, NOW)).toEqual({ from: 'now-2h', to: 'now' });
    expect(zoomOut({ from: 'now-12h', to: 'now' }, NOW)).toEqual({ from: 'now-1d', to: 'now' });
  });
  it('doubles an absolute range around its centre', () => {
    expect(zoomOut({ from: '2026-12-02T10:00:00Z', to: '2026-12-02T12:00:00Z' }, NOW)).toEqual({
      from: '2026-12-02T09:00:00.000Z',
      to: '2026-12-02T13:00:00.000Z',
    });
  });
  it('stops at now instead of reaching into the future', () => {
    expect(zoomOut({ from: '2026-12-03T10:00:00Z', to: '2026-12-03T11:30:00Z' }, NOW)).toEqual({
      from: 'now-3h',
      to: 'now',
    });
  });
});

describe('shiftRange', () => {
  it('moves a range earlier by half its length, as absolute times', () => {
    expect(shiftRange({ from: 'now-1h', to: 'now' }, -1, NOW)).toEqual({
      from: '2026-12-03T10:30:00.000Z',
      to: '2026-12-03T11:30:00.000Z',
    });
  });
  it('moves later by half, and lands on the live range when that would pass now', () => {
    expect(shiftRange({ from: '2026-12-02T10:00:00Z', to: '2026-12-02T12:00:00Z' }, 1, NOW)).toEqual({
      from: '2026-12-02T11:00:00.000Z',
      to: '2026-12-02T13:00:00.000Z',
    });
    expect(shiftRange({ from: '2026-12-03T10:00:00Z', to: '2026-12-03T11:30:00Z' }, 1, NOW)).toEqual({
      from: 'now-1h30m',
      to: 'now',
    });
    expect(shiftRange({ from: 'now-1h', to: 'now' }, 1, NOW)).toEqual({ from: 'now-1h', to: 'now' });
  });
});

describe('shiftRange at the edge', () => {
  it('treats landing a moment before now (the anchor moved on) as landing on now', () => {
    const earlier = shiftRange({ from: 'now-4h', to: 'now' }, -1, NOW);
    expect(shiftRange(earlier, 1, NOW + 1500)).toEqual({ from: 'now-4h', to: 'now' });
  });
});
