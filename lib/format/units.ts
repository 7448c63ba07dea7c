import { wallClock } from './time-zone';

/**
 * Units the panels use, and how values and axis ticks are written in each (Grafana's ids):
 * `percentunit` is a ratio 0–1 written as %, `percent` is already 0–100; `bytesps`, `bps` (bits),
 * `pps` (packets), `iops` and `ops` are rates per second; `us` and `ns` are durations in micro- and
 * nanoseconds; bits are written with decimal prefixes (kb = 1,000 b), bytes with binary ones.
 */
export const UNITS = [
  's',
  'ms',
  'us',
  'ns',
  'reqps',
  'ops',
  'iops',
  'pps',
  'percentunit',
  'percent',
  'bytes',
  'bytesps',
  'bits',
  'bps',
  'hertz',
  'celsius',
  'short',
  'usd',
] as const;
export type Unit = (typeof UNITS)[number];

/** A number in three significant digits, or with exactly `decimals` digits after the point when given. */
function num(n: number, decimals?: number): string {
  if (decimals !== undefined)
    return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  return Number(n.toPrecision(3)).toString();
}

function duration(seconds: number, d?: number): string {
  const abs = Math.abs(seconds);
  if (abs === 0) return d === undefined ? '0 s' : `${num(0, d)} s`;
  if (abs < 1e-6) return `${num(seconds * 1e9, d)} ns`;
  if (abs < 1e-3) return `${num(seconds * 1e6, d)} µs`;
  if (abs < 1) return `${num(seconds * 1e3, d)} ms`;
  if (abs < 60) return `${num(seconds, d)} s`;
  if (abs < 3600) return `${num(seconds / 60, d)} min`;
  return `${num(seconds / 3600, d)} h`;
}

function bytes(n: number, d?: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${num(v, d)} ${units[i]}`;
}

/** A value with a decimal prefix: 1.5 kb, 2.4 GHz. */
function si(n: number, symbol: string, d?: number): string {
  const prefixes = ['', 'k', 'M', 'G', 'T', 'P'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < prefixes.length - 1) {
    v /= 1000;
    i++;
  }
  return `${num(v, d)} ${prefixes[i]}${symbol}`;
}

function short(n: number, d?: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${num(n / 1e9, d)}B`;
  if (abs >= 1e6) return `${num(n / 1e6, d)}M`;
  if (abs >= 1e4) return `${num(n / 1e3, d)}K`;
  return num(n, d);
}

/** A value in its unit, as the panels write it; `decimals` fixes the digits after the point (Grafana's decimals). */
export function formatValue(v: number | null | undefined, unit: Unit, decimals?: number): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const d = decimals;
  switch (unit) {
    case 's':
      return duration(v, d);
    case 'ms':
      return duration(v / 1000, d);
    case 'us':
      return duration(v / 1e6, d);
    case 'ns':
      return duration(v / 1e9, d);
    case 'iops':
      return `${short(v, d)} io/s`;
    case 'pps':
      return `${short(v, d)} p/s`;
    case 'bits':
      return si(v, 'b', d);
    case 'bps':
      return `${si(v, 'b', d)}/s`;
    case 'hertz':
      return si(v, 'Hz', d);
    case 'celsius':
      return `${num(v, d)} °C`;
    case 'reqps':
      return `${num(v, d)}/s`;
    case 'ops':
      return `${short(v, d)} ops/s`;
    case 'percentunit':
      return `${num(v * 100, d)}%`;
    case 'percent':
      return `${num(v, d)}%`;
    case 'bytes':
      return bytes(v, d);
    case 'bytesps':
      return `${bytes(v, d)}/s`;
    case 'usd':
      return `$${num(v, d)}`;
    default:
      return short(v, d);
  }
}

/**
 * Parse a value as formatValue writes it, back to the base unit: lets a test (or a person
 * copying a figure) compare what the page shows with what Prometheus returned.
 */
export function parseFormatted(text: string, unit: Unit): number | null {
  const m =
    /^(-?\$?[\d,.]+(?:e[+-]?\d+)?)\s*(ns|µs|ms|s|min|h|B|KiB|MiB|GiB|TiB|%|\/s|K|M|B|[kMGTP]?(?:b|Hz)|°C)?(?:\s*(?:ops|io|p))?(\/s)?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const n = Number((m[1] as string).replace(/[$,]/g, ''));
  const suffix = m[2] ?? '';
  const durations: Record<string, number> = { ns: 1e-9, µs: 1e-6, ms: 1e-3, s: 1, min: 60, h: 3600 };
  const sizes: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };
  const inSeconds: Partial<Record<Unit, number>> = { s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };
  if (inSeconds[unit]) return (n * (durations[suffix] ?? 1)) / inSeconds[unit];
  if (unit === 'bits' || unit === 'bps' || unit === 'hertz') {
    const p = /^[kMGTP]/.exec(suffix)?.[0];
    return n * (p ? 1000 ** ('kMGTP'.indexOf(p) + 1) : 1);
  }
  if (unit === 'percentunit') return n / 100;
  if (unit === 'bytes' || unit === 'bytesps') return n * (sizes[suffix] ?? 1);
  if (unit === 'short' || unit === 'ops' || unit === 'iops' || unit === 'pps')
    return n * ({ K: 1e3, M: 1e6, B: 1e9 }[suffix as 'K'] ?? 1);
  return n;
}

export function formatTime(ms: number, spanMs: number, timeZone?: string): string {
  // Read through UTC fields of the shifted instant: the same text on the server and in the browser.
  const d = wallClock(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (spanMs <= 10 * 60_000) return `${hm}:${pad(d.getUTCSeconds())}`;
  if (spanMs <= 36 * 3600_000) return hm;
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${hm}`;
}

/** Interpolate `{{label}}` in a legend template from a series' labels. */
export function legendName(template: string | undefined, labels: Record<string, string>): string {
  if (!template) {
    const parts = Object.entries(labels)
      .filter(([k]) => k !== '__name__')
      .map(([k, v]) => `${k}="${v}"`);
    return parts.length ? `{${parts.join(', ')}}` : 'value';
  }
  return template.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, k: string) => labels[k] ?? '');
}
