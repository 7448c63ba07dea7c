import { type FieldNotes, grafanaColor, isObj, type Json, str } from './grafana-fields';
import type { ColorThresholds } from './types';

/**
 * Grafana's colour modes for panels that colour one value per series (stat, gauge, bar gauge, bar
 * chart), as the console's colour thresholds: `fixed` is one colour for every value; a
 * `continuous-*` scheme is its gradient between min and max, cut in ten steps (and reported so).
 * Other modes keep the thresholds, and the import says so.
 */

/** The colours each continuous scheme runs through, from min to max. */
const SCHEMES: Record<string, string[]> = {
  GrYlRd: ['#56a64b', '#f2cc0c', '#e02f44'],
  RdYlGr: ['#e02f44', '#f2cc0c', '#56a64b'],
  BlYlRd: ['#3274d9', '#f2cc0c', '#e02f44'],
  YlRd: ['#f2cc0c', '#e02f44'],
  BlPu: ['#3274d9', '#a352cc'],
  YlBl: ['#f2cc0c', '#3274d9'],
  blues: ['#c0d8ff', '#1f60c4'],
  reds: ['#ffa6b0', '#c4162a'],
  greens: ['#c8f2c2', '#37872d'],
  purples: ['#deb6f2', '#8f3bb8'],
  oranges: ['#ffcb7d', '#fa6400'],
};
const STEPS = 10;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex = (c: number[]) => `#${c.map((x) => Math.round(x).toString(16).padStart(2, '0')).join('')}`;

/** The colour at `f` (0 to 1) along a scheme's colours. */
export function schemeColor(colours: readonly string[], f: number): string {
  const at = Math.min(1, Math.max(0, f)) * (colours.length - 1);
  const i = Math.min(colours.length - 2, Math.floor(at));
  const a = rgb(colours[i]!);
  const b = rgb(colours[i + 1]!);
  return hex(a.map((x, k) => x + (b[k]! - x) * (at - i)));
}

/**
 * The colour thresholds a panel's colour mode gives, or undefined to keep its own thresholds
 * (mode `thresholds`, or a mode the console does not draw, which `notes` names).
 */
export function colourMode(
  defaults: Json,
  notes: FieldNotes,
  range: { min: number; max: number } | undefined,
): ColorThresholds | undefined {
  const c = isObj(defaults.color) ? defaults.color : {};
  const mode = str(c.mode);
  if (!mode || mode === 'thresholds' || mode === 'palette-classic') return undefined;
  if (mode === 'fixed') {
    const color = grafanaColor(c.fixedColor);
    return color ? { base: color, steps: [] } : undefined;
  }
  const scheme = SCHEMES[mode.replace(/^continuous-/, '')];
  if (!mode.startsWith('continuous-') || !scheme) {
    notes.push(`colour mode "${mode}": coloured by its thresholds`);
    return undefined;
  }
  if (!range || !(range.max > range.min)) {
    notes.push(`colour mode "${mode}" without a min and max: coloured by its thresholds`);
    return undefined;
  }
  notes.push(`colour mode "${mode}": its gradient from ${range.min} to ${range.max} in ${STEPS} steps`);
  const width = (range.max - range.min) / STEPS;
  return {
    base: schemeColor(scheme, 0),
    steps: Array.from({ length: STEPS - 1 }, (_, i) => ({
      value: range.min + (i + 1) * width,
      color: schemeColor(scheme, (i + 1) / (STEPS - 1)),
    })),
  };
}
