import { isObj, type Json, str } from './grafana-fields';
import { repeatable } from './repeat';
import type { GridPos, PanelRepeat, VariableDef } from './types';

/**
 * Where Grafana's panels go on the console's grid (issue 16): gridPos inside the 24 columns, the
 * legacy `rows[]` layout laid out from its spans and heights, and collapsed rows' panels placed
 * below their row.
 */
export type GPanel = Json & { type?: unknown; title?: unknown; panels?: unknown; targets?: unknown; gridPos?: unknown };

const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** Legacy `rows[]` (schemaVersion < 16): each row a row panel, its panels after it in 12-column spans, doubled. */
export function fromRows(rows: unknown[]): GPanel[] {
  const out: GPanel[] = [];
  let y = 0;
  for (const r of rows) {
    if (!isObj(r)) continue;
    const titled = str(r.title) !== '' && r.showTitle !== false;
    if (titled)
      out.push({ type: 'row', title: r.title, collapsed: r.collapse === true, gridPos: { x: 0, y: y++, w: 24, h: 1 } });
    const h = Math.max(3, Math.round(num(parseFloat(str(r.height, '250')), 250) / 38));
    let x = 0;
    for (const p of Array.isArray(r.panels) ? r.panels : []) {
      if (!isObj(p)) continue;
      const w = Math.max(1, Math.min(24, Math.round(num(p.span, 12) * 2)));
      if (x + w > 24) {
        x = 0;
        y += h;
      }
      out.push({ ...p, gridPos: { x, y, w, h } });
      x += w;
    }
    if (x > 0) y += h;
  }
  return out;
}

/** A Grafana gridPos as the console's, inside the 24 columns; null when there is none. */
function gridOf(p: GPanel, dy: number): GridPos | null {
  if (!isObj(p.gridPos)) return null;
  const x = Math.max(0, Math.min(23, Math.round(num(p.gridPos.x, 0))));
  const w = Math.max(1, Math.min(24 - x, Math.round(num(p.gridPos.w, 12))));
  const h = Math.max(1, Math.min(100, Math.round(num(p.gridPos.h, 8))));
  return { x, y: Math.max(0, Math.round(num(p.gridPos.y, 0)) + dy), w, h };
}

/**
 * Row panels and their children, in order, each with its place. A collapsed row keeps its
 * children inside it, placed as if it were open; the panels after it move down by their height.
 */
export function flatten(panels: unknown[]): { p: GPanel; grid: GridPos | null }[] {
  const out: { p: GPanel; grid: GridPos | null }[] = [];
  let dy = 0;
  for (const p of panels) {
    if (!isObj(p)) continue;
    const grid = gridOf(p, dy);
    out.push({ p, grid });
    const kids = p.type === 'row' && Array.isArray(p.panels) ? p.panels.filter(isObj) : [];
    if (kids.length === 0) continue;
    const top = Math.min(...kids.map((k) => (isObj(k.gridPos) ? num(k.gridPos.y, 0) : 0)));
    const at = (grid?.y ?? 0) + 1;
    let bottom = at;
    for (const k of kids) {
      const g = gridOf(k, at - top);
      out.push({ p: k, grid: g });
      if (g) bottom = Math.max(bottom, g.y + g.h);
    }
    dy += bottom - at;
  }
  return out;
}

/**
 * A panel's repeat (`repeat`, `repeatDirection`, `maxPerRow`) when its variable came across and
 * holds several values; otherwise the panel is shown once and `note` says why.
 */
export function repeatOf(
  p: Json,
  vars: readonly VariableDef[],
  note: (what: string) => void,
): { repeat?: PanelRepeat } {
  const name = str(p.repeat);
  if (!name) return {};
  const v = vars.find((x) => x.name === name);
  if (!v || !repeatable(v.kind)) {
    note(
      `repeated by $${name}, ${v ? `a variable of kind ${v.kind ?? 'label'}` : 'a variable not imported'}: shown once`,
    );
    return {};
  }
  const max = typeof p.maxPerRow === 'number' ? Math.max(1, Math.min(24, Math.round(p.maxPerRow))) : undefined;
  return {
    repeat: {
      variable: name,
      ...(p.repeatDirection === 'v' ? { direction: 'v' } : {}),
      ...(max ? { maxPerRow: max } : {}),
    },
  };
}
