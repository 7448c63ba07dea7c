import { GRID_COLS, usesGrid, withGrid } from './layout';
import type { DashboardDef, PanelDef, RowDef } from './types';
import { effectiveVars } from './variables';

/** A repeat makes at most this many copies; the rest are named in a notice, not drawn. */
export const MAX_REPEATS = 60;

/** The variables a dashboard's panels repeat by (each once). */
export function repeatVariables(d: Pick<DashboardDef, 'panels' | 'variables'>) {
  const names = new Set(d.panels.flatMap((p) => (p.repeat ? [p.repeat.variable] : [])));
  return d.variables.filter((v) => names.has(v.name));
}

/** Whether a variable can be repeated by: one that holds several values (label, query, custom). */
export const repeatable = (kind: string | undefined) => ['label', 'query', 'custom', undefined].includes(kind);

/** The values a repeat makes copies for: those picked, else every value offered ("All"); unknown while offered is. */
export function repeatValues(picked: readonly string[] | undefined, offered: readonly string[] | undefined) {
  if (picked?.length) return [...new Set(picked)];
  return offered ? [...new Set(offered)] : undefined;
}

/** `$name`, `${name}` and `[[name]]` in a title, with the copy's value. */
function titled(title: string, name: string, value: string): string {
  const esc = name.replace(/[$]/g, '');
  return title.replace(new RegExp(`\\$\\{${esc}(?::[a-z]+)?\\}|\\[\\[${esc}\\]\\]|\\$${esc}\\b`, 'g'), () => value);
}

/** An id for the copy of `id` for `value`: URL-safe, unlike any other panel's. */
function copyId(id: string, value: string, taken: Set<string>): string {
  const base = `${id}~${value.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 60)}`;
  let out = base;
  for (let i = 2; taken.has(out); i++) out = `${base}~${i}`;
  taken.add(out);
  return out;
}

export type Expanded = Pick<DashboardDef, 'panels' | 'rows'> & {
  notices: string[];
  /** Repeated panels whose values are not known yet: drawn as loading, asking nothing. */
  waiting: Set<string>;
};

/**
 * The dashboard as drawn for these variable values: each repeated panel becomes one copy per
 * value (the first keeps its id, so links to it still work), each copy with the variable held at
 * its value and `$variable` in its title replaced. On the grid, copies go side by side (each
 * max(24 / n, 24 / maxPerRow) columns wide, wrapping) or stacked, and everything below the panel
 * moves down by the room they take. A repeat whose values are not known yet (its variable's
 * choices are still being read) keeps the panel once, in `waiting`.
 */
export function expandRepeats(
  d: Pick<DashboardDef, 'panels' | 'rows' | 'variables'>,
  picked: Readonly<Record<string, readonly string[]>>,
  offered: (name: string) => readonly string[] | undefined,
  rangeSec: number,
): Expanded {
  const notices: string[] = [];
  const waiting = new Set<string>();
  if (!d.panels.some((p) => p.repeat)) return { panels: d.panels, rows: d.rows, notices, waiting };
  const grid = usesGrid(d);
  const placed = grid ? withGrid(d.panels) : d.panels;
  const taken = new Set(placed.map((p) => p.id));
  const variables = new Map(d.variables.map((v) => [v.name, v]));
  // Copies for each repeated panel (with their line below its top), and the room they add.
  const copiesOf = new Map<string, { def: PanelDef; line: number }[]>();
  const grown: { owner: string; from: number; by: number }[] = [];
  for (const p of placed) {
    const r = p.repeat;
    const v = r ? variables.get(r.variable) : undefined;
    if (!r || !v || !repeatable(v.kind)) continue;
    let values = repeatValues(picked[v.name], v.kind === 'custom' ? v.values : offered(v.name));
    if (!values) waiting.add(p.id);
    if (!values || values.length === 0) continue;
    if (values.length > MAX_REPEATS) {
      notices.push(
        `"${p.title}" repeats by $${v.name}: ${values.length} values, drawn for the first ${MAX_REPEATS}. Pick fewer to see the others.`,
      );
      values = values.slice(0, MAX_REPEATS);
    }
    const g = grid ? p.grid : undefined;
    const across = r.direction === 'v' ? 1 : Math.min(values.length, r.maxPerRow ?? 4);
    const w = g && r.direction === 'v' ? g.w : Math.max(1, Math.floor(GRID_COLS / across));
    const copies = values.map((value, i) => {
      const key = Object.keys(effectiveVars([v], { [v.name]: [value] }, rangeSec))[0]!;
      const rest: PanelDef = { ...p };
      delete rest.repeat; // a copy does not repeat again
      const line = Math.floor(i / across);
      const def = {
        ...rest,
        id: i === 0 ? p.id : copyId(p.id, value, taken),
        title: titled(p.title, v.name, value),
        bound: { ...p.bound, [key]: [value] },
        ...(g ? { grid: { x: r.direction === 'v' ? g.x : (i % across) * w, y: g.y, w, h: g.h } } : {}),
      } as PanelDef;
      return { def, line };
    });
    copiesOf.set(p.id, copies);
    if (!g) continue;
    const lines = Math.ceil(copies.length / across);
    // Side by side, the copies take the whole width: a panel beside the original goes below them.
    const beside =
      r.direction !== 'v' && placed.some((o) => o !== p && o.grid && o.grid.y >= g.y && o.grid.y < g.y + g.h);
    if (beside) grown.push({ owner: p.id, from: g.y, by: lines * g.h });
    else if (lines > 1) grown.push({ owner: p.id, from: g.y + g.h, by: (lines - 1) * g.h });
  }
  const shift = (y: number, owner?: string) =>
    y + grown.filter((e) => e.owner !== owner && y >= e.from).reduce((sum, e) => sum + e.by, 0);
  const panels = placed.flatMap((p) => {
    const copies = copiesOf.get(p.id);
    if (!copies) return p.grid && grid ? [{ ...p, grid: { ...p.grid, y: shift(p.grid.y) } }] : [p];
    return copies.map(({ def, line }) =>
      def.grid ? { ...def, grid: { ...def.grid, y: shift(def.grid.y, p.id) + line * def.grid.h } } : def,
    );
  });
  const rows = d.rows?.map((row): RowDef => ({ ...row, y: shift(row.y) }));
  return { panels, ...(rows ? { rows } : {}), notices, waiting };
}
