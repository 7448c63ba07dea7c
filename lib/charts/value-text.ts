import type { ValueMapping } from '../dashboards/types';
import { formatValue, type Unit } from '../format/units';

/** What a panel needs to write one of its values: its unit, decimals and value mappings. */
export type ValueFormat = { unit: Unit; decimals?: number; mappings?: readonly ValueMapping[] };

function matches(m: ValueMapping, v: number | null): boolean {
  switch (m.kind) {
    case 'value':
      return v !== null && m.value.trim() !== '' && (String(v) === m.value || Number(m.value) === v);
    case 'range':
      return (
        v !== null && !Number.isNaN(v) && (m.from === undefined || v >= m.from) && (m.to === undefined || v <= m.to)
      );
    case 'special':
      return m.match === 'null'
        ? v === null
        : m.match === 'nan'
          ? v !== null && Number.isNaN(v)
          : v === null || Number.isNaN(v);
    case 'regex':
      try {
        return v !== null && new RegExp(m.pattern).test(String(v));
      } catch {
        return false;
      }
  }
}

/**
 * A value as a panel shows it: the first value mapping that matches gives its text and colour
 * (the formatted value when the mapping has no text); otherwise the value in its unit, with the
 * panel's decimals.
 */
/** A series' figure in a chart's legend or tooltip: its unit (or the panel's), decimals and mappings. */
export function seriesFigure(
  s: { unit?: Unit; decimals?: number; mappings?: readonly ValueMapping[] },
  panelUnit: Unit,
  v: number | null,
): string {
  return valueText({ unit: s.unit ?? panelUnit, decimals: s.decimals, mappings: s.mappings }, v).text;
}

export function valueText(f: ValueFormat, v: number | null): { text: string; color?: string } {
  const m = f.mappings?.find((x) => matches(x, v));
  const text = m?.text?.trim() ? m.text : formatValue(v, f.unit, f.decimals);
  return m?.color ? { text, color: m.color } : { text };
}
