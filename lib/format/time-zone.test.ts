import { describe, expect, it } from 'vitest';
import {
  effectiveZone,
  formatClock,
  formatDateTime,
  isTimeZone,
  parseZoneSetting,
  wallClock,
  zoneOffsetLabel,
  zoneOffsetMin,
} from './time-zone';
import { formatTime } from './units';

const WINTER = Date.UTC(2026, 0, 15, 12, 0, 0);
const SUMMER = Date.UTC(2026, 6, 15, 12, 0, 0);

describe('time zones', () => {
  it('gives the offset in the getTimezoneOffset convention, with daylight saving', () => {
    expect(zoneOffsetMin(WINTER, 'UTC')).toBe(0);
    expect(zoneOffsetMin(WINTER, 'Europe/Berlin')).toBe(-60);
    expect(zoneOffsetMin(SUMMER, 'Europe/Berlin')).toBe(-120);
    expect(zoneOffsetMin(WINTER, 'America/New_York')).toBe(300);
    expect(zoneOffsetMin(SUMMER, 'America/New_York')).toBe(240);
    expect(zoneOffsetMin(WINTER, 'Asia/Kolkata')).toBe(-330);
    // Instants that are not whole seconds.
    expect(zoneOffsetMin(WINTER + 999, 'Asia/Kolkata')).toBe(-330);
  });

  it('switches at the daylight-saving change (Berlin, 29 March 2026, 01:00 UTC)', () => {
    const change = Date.UTC(2026, 2, 29, 1, 0, 0);
    expect(zoneOffsetMin(change - 1000, 'Europe/Berlin')).toBe(-60);
    expect(zoneOffsetMin(change, 'Europe/Berlin')).toBe(-120);
  });

  it('reads the wall clock through UTC fields', () => {
    const d = wallClock(WINTER, 'Asia/Kolkata');
    expect([d.getUTCHours(), d.getUTCMinutes()]).toEqual([17, 30]);
  });

  it('labels time axes in the given zone', () => {
    expect(formatTime(WINTER, 3600_000, 'Europe/Berlin')).toBe('13:00');
    expect(formatTime(WINTER, 3600_000, 'America/New_York')).toBe('07:00');
    expect(formatTime(WINTER + 5000, 60_000, 'UTC')).toBe('12:00:05');
    expect(formatTime(Date.UTC(2026, 0, 15, 23, 30), 7 * 86_400_000, 'Europe/Berlin')).toBe('01/16 00:30');
  });

  it('knows which names are zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('zone settings and labels', () => {
  it('formats date and clock in 24-hour time in the zone', () => {
    expect(formatDateTime(WINTER + 123, 'Asia/Kolkata', true)).toBe('2026-01-15 17:30:00.123');
    expect(formatDateTime(WINTER, 'America/New_York')).toBe('2026-01-15 07:00:00');
    expect(formatClock(Date.UTC(2026, 0, 15, 23, 5, 9), 'UTC')).toBe('23:05:09');
  });
  it('labels a zone by its offset at the instant', () => {
    expect(zoneOffsetLabel('UTC', WINTER)).toBe('UTC');
    expect(zoneOffsetLabel('Asia/Kolkata', WINTER)).toBe('UTC+05:30');
    expect(zoneOffsetLabel('America/New_York', SUMMER)).toBe('UTC-04:00');
  });
  it('takes the URL over the saved setting over the browser, and ignores what is not a zone', () => {
    expect(effectiveZone('UTC', 'Europe/Berlin', 'Asia/Tokyo')).toBe('UTC');
    expect(effectiveZone('utc', null, 'Asia/Tokyo')).toBe('UTC');
    expect(effectiveZone(null, 'Europe/Berlin', 'Asia/Tokyo')).toBe('Europe/Berlin');
    expect(effectiveZone('Mars/Olympus', 'browser', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(effectiveZone('browser', 'UTC', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(parseZoneSetting('Not/AZone')).toBeNull();
  });
});
