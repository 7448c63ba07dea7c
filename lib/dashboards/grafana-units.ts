import type { Unit } from '../format/units';

/**
 * Grafana unit ids → the console's units; anything else is drawn as a plain number and reported.
 * Bits and bytes keep their value whatever prefixes Grafana would have written them with.
 */
const SAME: Unit[] = [
  's',
  'ms',
  'ns',
  'bytes',
  'bits',
  'bps',
  'pps',
  'iops',
  'hertz',
  'celsius',
  'percent',
  'percentunit',
  'reqps',
  'ops',
  'short',
];
export const UNIT_MAP: Record<string, Unit> = {
  ...Object.fromEntries(SAME.map((u): [string, Unit] => [u, u])),
  µs: 'us',
  us: 'us',
  dtdurations: 's',
  dtdurationms: 'ms',
  decbytes: 'bytes',
  decbits: 'bits',
  binbps: 'bps',
  Bps: 'bytesps',
  binBps: 'bytesps',
  none: 'short',
  '': 'short',
  currencyUSD: 'usd',
};
