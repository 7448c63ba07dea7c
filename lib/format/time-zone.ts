/**
 * Wall-clock time in a named time zone (IANA, e.g. "Europe/Berlin"). The server renders charts
 * before the browser runs any code, so it must label the time axis in the viewer's zone, which
 * it learns from a cookie; these helpers give both sides the same answer for the same zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Is `name` a time zone this runtime knows? */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Minutes to add to local time in `timeZone` to get UTC at instant `ms` (the sign convention of
 * Date.getTimezoneOffset: -60 for Berlin in winter, 300 for New York in winter).
 */
export function zoneOffsetMin(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((whole - wall) / 60_000);
}

/**
 * The instant shifted so that its UTC fields read the wall clock in `timeZone` (or in the
 * runtime's own zone when none is given).
 */
export function wallClock(ms: number, timeZone?: string): Date {
  const offset = timeZone ? zoneOffsetMin(ms, timeZone) : new Date(ms).getTimezoneOffset();
  return new Date(ms - offset * 60_000);
}

/** The zone this runtime runs in (the browser's: the viewer's). */
export function runtimeTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-12-03 13:49:26" (24-hour) in `timeZone`; with `ms`, ".123" after the seconds. */
export function formatDateTime(ms: number, timeZone: string, withMs = false): string {
  const d = wallClock(ms, timeZone);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date} ${time}${withMs ? `.${pad(d.getUTCMilliseconds(), 3)}` : ''}`;
}

/** "13:49:26" (24-hour) in `timeZone`. */
export function formatClock(ms: number, timeZone: string): string {
  return formatDateTime(ms, timeZone).slice(11);
}

/** The zone as its offset from UTC at `ms`: "UTC", "UTC+05:30", "UTC-04:00". */
export function zoneOffsetLabel(timeZone: string, ms: number): string {
  const off = -zoneOffsetMin(ms, timeZone);
  if (off === 0) return 'UTC';
  const a = Math.abs(off);
  return `UTC${off > 0 ? '+' : '-'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/**
 * The zone setting of the URL (`tz=`) and the `tzpref` cookie: `browser` (the viewer's own
 * zone), `UTC`, or an IANA name. Anything else is not a setting.
 */
export const BROWSER_ZONE = 'browser';
export const ZONE_PREF_COOKIE = 'tzpref';

export function parseZoneSetting(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  if (raw === BROWSER_ZONE) return BROWSER_ZONE;
  if (raw.toLowerCase() === 'utc') return 'UTC';
  return isTimeZone(raw) ? raw : null;
}

/** The zone times are shown in: the URL's setting, else the saved one, else the browser's. */
export function effectiveZone(url: string | null, saved: string | null, browserZone: string): string {
  const s = parseZoneSetting(url) ?? parseZoneSetting(saved) ?? BROWSER_ZONE;
  return s === BROWSER_ZONE ? browserZone : s;
}
