import { GRID_COLS, withGrid } from './layout';
import {
  type DashboardDef,
  type GridPos,
  hasQueries,
  type PanelDef,
  type PanelKind,
  type RowDef,
  type VariableDef,
} from './types';

/**
 * What the dashboard editor does to a dashboard, as plain functions of the model (issue 16):
 * each returns a new dashboard and leaves the one given as it was.
 */

/** One place on the grid for every panel, so that the editor can drag them. */
export function forEditing(d: DashboardDef): DashboardDef {
  const { rows, ...rest } = d;
  return {
    ...rest,
    panels: withGrid(d.panels),
    ...(rows?.length ? { rows: [...rows].sort((a, b) => a.y - b.y) } : {}),
  };
}

/** The first grid row below everything. */
const bottom = (d: DashboardDef) =>
  Math.max(0, ...d.panels.map((p) => (p.grid ? p.grid.y + p.grid.h : 0)), ...(d.rows ?? []).map((r) => r.y + 1));

const freeId = (taken: Iterable<string>, prefix: string) => {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};

/** A fresh panel of `kind` with a starting query, to be edited. */
export function blankPanel(kind: PanelKind, id: string, grid: GridPos): PanelDef {
  const common = { id, title: 'New panel', description: '', grid };
  if (kind === 'text') return { ...common, kind, content: 'Write **Markdown** here.' };
  const base = { ...common, unit: 'short' as const, queries: [{ expr: 'up' }], variables: [] };
  switch (kind) {
    case 'table':
      return { ...base, kind, columns: [] };
    case 'matrix':
      return { ...base, kind, matrix: { rows: 'job', cols: 'instance', rowTitle: 'job', colTitle: 'instance' } };
    case 'gauge':
      return { ...base, kind, min: 0, max: 100 };
    default:
      return { ...base, kind };
  }
}

/** A new panel at the bottom, half wide. */
export function addPanel(d: DashboardDef, kind: PanelKind = 'timeseries'): { def: DashboardDef; id: string } {
  const id = freeId(
    d.panels.map((p) => p.id),
    'panel-',
  );
  const panel = blankPanel(kind, id, { x: 0, y: bottom(d), w: GRID_COLS / 2, h: 8 });
  return { def: { ...d, panels: [...d.panels, panel] }, id };
}

/** A copy of a panel beside it (or below when there is no room), with its own id. */
export function duplicatePanel(d: DashboardDef, id: string): DashboardDef {
  const i = d.panels.findIndex((p) => p.id === id);
  if (i < 0) return d;
  const src = d.panels[i]!;
  const g = src.grid ?? { x: 0, y: bottom(d), w: 12, h: 8 };
  const grid = g.x + 2 * g.w <= GRID_COLS ? { ...g, x: g.x + g.w } : { ...g, y: g.y + g.h };
  const copy = {
    ...structuredClone(src),
    id: freeId(
      d.panels.map((p) => p.id),
      `${src.id.slice(0, 56)}-copy`,
    ),
    title: `${src.title} (copy)`.slice(0, 200),
    grid,
  };
  const panels = [...d.panels];
  panels.splice(i + 1, 0, copy);
  return { ...d, panels };
}

export const removePanel = (d: DashboardDef, id: string): DashboardDef => ({
  ...d,
  panels: d.panels.filter((p) => p.id !== id),
});

export const replacePanel = (d: DashboardDef, next: PanelDef, oldId = next.id): DashboardDef => ({
  ...d,
  panels: d.panels.map((p) => (p.id === oldId ? next : p)),
});

/** A new row across the bottom. */
export function addRow(d: DashboardDef, title = 'New row'): DashboardDef {
  const rows = d.rows ?? [];
  const row: RowDef = {
    id: freeId(
      rows.map((r) => r.id),
      'row-',
    ),
    title,
    y: bottom(d),
  };
  return { ...d, rows: [...rows, row] };
}

export const updateRow = (d: DashboardDef, id: string, change: Partial<Omit<RowDef, 'id'>>): DashboardDef => ({
  ...d,
  rows: (d.rows ?? []).map((r) => (r.id === id ? { ...r, ...change } : r)),
});

/** A row gone; its panels stay where they are (they join the row above). */
export function removeRow(d: DashboardDef, id: string): DashboardDef {
  const { rows, ...rest } = d;
  const left = (rows ?? []).filter((r) => r.id !== id);
  return left.length ? { ...rest, rows: left } : rest;
}

/** Layout items as the grid library keeps them: `i` is `panel:<id>` or `row:<id>`. */
export type LayoutItem = { i: string; x: number; y: number; w: number; h: number };

export function toLayout(d: DashboardDef): LayoutItem[] {
  return [
    ...(d.rows ?? []).map((r) => ({ i: `row:${r.id}`, x: 0, y: r.y, w: GRID_COLS, h: 1 })),
    ...withGrid(d.panels).map((p) => ({ i: `panel:${p.id}`, ...p.grid! })),
  ];
}

/** The places the grid settled on, written back into the dashboard; unchanged when nothing moved. */
export function applyLayout(d: DashboardDef, layout: readonly LayoutItem[]): DashboardDef {
  const at = new Map(layout.map((l) => [l.i, l]));
  let moved = false;
  const panels = d.panels.map((p) => {
    const l = at.get(`panel:${p.id}`);
    if (!l) return p;
    const g = p.grid;
    if (g && g.x === l.x && g.y === l.y && g.w === l.w && g.h === l.h) return p;
    moved = true;
    return { ...p, grid: { x: l.x, y: l.y, w: l.w, h: l.h } };
  });
  const rows = d.rows?.map((r) => {
    const l = at.get(`row:${r.id}`);
    if (!l || l.y === r.y) return r;
    moved = true;
    return { ...r, y: l.y };
  });
  return moved ? { ...d, panels, ...(rows ? { rows } : {}) } : d;
}

/**
 * The variables a panel uses: those it already lists, those its queries name (`$name`,
 * `${name…}`, `[[name]]`), and, when a query has `{{filter}}`, every label variable.
 */
export function withUsedVariables(
  panel: PanelDef,
  variables: readonly VariableDef[],
  /**
   * Which variables `{{filter}}` may add (default: all label variables): a built-in page's panel
   * leaves out, on purpose, a variable whose label its metric lacks.
   */
  candidates: readonly VariableDef[] = variables,
): PanelDef {
  if (!hasQueries(panel)) return panel;
  const text = panel.queries.map((q) => q.expr).join('\n');
  // The variable it repeats by: each copy holds it at its value.
  const used = new Set([...panel.variables, ...(panel.repeat ? [panel.repeat.variable] : [])]);
  const mayFilter = new Set(candidates.map((v) => v.name));
  for (const v of variables) {
    const named = new RegExp(`\\$\\{${v.name}(?::\\w+)?\\}|\\[\\[${v.name}\\]\\]|\\$${v.name}\\b`).test(text);
    const filtered = mayFilter.has(v.name) && (v.kind ?? 'label') === 'label' && text.includes('{{filter}}');
    if (named || filtered) used.add(v.name);
  }
  const names = variables.map((v) => v.name).filter((n) => used.has(n));
  return { ...panel, variables: names };
}
