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
