import { GRID_COLS, usesGrid, withGrid } from './layout';
import type { DashboardDef, PanelDef, RowDef } from './types';
import { effectiveVars } from './variables';

/** A repeat makes at most this many copies; the rest are named in a notice, not drawn. */
export const MAX_REPEATS = 60;

/** The variables a dashboard's panels repeat by (each once). */
export function repeatVariables(d: Pick<DashboardDef, 'panels' | 'rows' | 'variables'>) {
  const names = new Set([...d.panels, ...(d.rows ?? [])].flatMap((p) => (p.repeat ? [p.repeat.variable] : [])));
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

/**
 * An id for the copy of `id` for `value`: `<id>.<value>`, the value's other characters as `_`.
 * Saved ids have no `.`, so a copy's id is never a saved panel's; a URL keeps it as it is.
 */
function copyId(id: string, value: string, taken: Set<string>): string {
  const base = `${id}.${value.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 60)}`;
  let out = base;
  for (let i = 2; taken.has(out); i++) out = `${base}.${i}`;
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
  if (!d.panels.some((p) => p.repeat) && !d.rows?.some((r) => r.repeat))
    return { panels: d.panels, rows: d.rows, notices, waiting };
  const variables = new Map(d.variables.map((v) => [v.name, v]));
  const taken = new Set(d.panels.map((p) => p.id));
  /** A repeat's values (capped, with a notice), or undefined while they are not known. */
  const valuesFor = (name: string, what: string): string[] | undefined => {
    const v = variables.get(name);
    if (!v || !repeatable(v.kind)) return [];
    const values = repeatValues(picked[v.name], v.kind === 'custom' ? v.values : offered(v.name));
    if (values && values.length > MAX_REPEATS)
      notices.push(
        `${what} repeats by $${v.name}: ${values.length} values, drawn for the first ${MAX_REPEATS}. Pick fewer to see the others.`,
      );
    return values?.slice(0, MAX_REPEATS);
  };
  /** The copy of a panel (or row) for one value: held at it, `$name` in its title replaced. */
  const keyOf = (name: string, value: string) =>
    Object.keys(effectiveVars([variables.get(name)!], { [name]: [value] }, rangeSec))[0]!;
  const byRows = expandRows(d, valuesFor, keyOf, taken, waiting);
  const grid = usesGrid(d);
  const placed = grid ? withGrid(byRows.panels) : byRows.panels;
  // Copies for each repeated panel (with their line below its top), and the room they add.
  const copiesOf = new Map<string, { def: PanelDef; line: number }[]>();
  const grown: { owner: string; from: number; by: number }[] = [];
  for (const p of placed) {
    const r = p.repeat;
    if (!r) continue;
    const values = valuesFor(r.variable, `"${p.title}"`);
    if (!values) waiting.add(p.id);
    if (!values || values.length === 0) continue;
    const g = grid ? p.grid : undefined;
    const across = r.direction === 'v' ? 1 : Math.min(values.length, r.maxPerRow ?? 4);
    const w = g && r.direction === 'v' ? g.w : Math.max(1, Math.floor(GRID_COLS / across));
    const copies = values.map((value, i) => {
      const rest: PanelDef = { ...p };
      delete rest.repeat; // a copy does not repeat again
      const line = Math.floor(i / across);
      const def = {
        ...rest,
        id: i === 0 ? p.id : copyId(p.id, value, taken),
        title: titled(p.title, r.variable, value),
        bound: { ...p.bound, [keyOf(r.variable, value)]: [value] },
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
  const rows = byRows.rows?.map((row): RowDef => ({ ...row, y: shift(row.y) }));
  return { panels, ...(rows ? { rows } : {}), notices, waiting };
}

/**
 * Repeated rows: the row and the panels under it (down to the next row) once per value, each
 * block below the last, every copy held at its value; what follows moves down by the blocks
 * added. A row whose values are not known yet is kept once, its panels `waiting`.
 */
function expandRows(
  d: Pick<DashboardDef, 'panels' | 'rows'>,
  valuesFor: (name: string, what: string) => string[] | undefined,
  keyOf: (name: string, value: string) => string,
  taken: Set<string>,
  waiting: Set<string>,
): Pick<DashboardDef, 'panels' | 'rows'> {
  if (!d.rows?.some((r) => r.repeat)) return d;
  const rows = [...d.rows].sort((a, b) => a.y - b.y);
  const placed = withGrid(d.panels);
  const rowIds = new Set(rows.map((r) => r.id));
  // Each panel and row with where it was and how far below that its copy goes.
  const out: { def: PanelDef; at: number; off: number }[] = [];
  const outRows: { row: RowDef; at: number; off: number }[] = [];
  const grown: { from: number; by: number }[] = [];
  // Panels above the first row first, as they were.
  for (const p of placed) if (p.grid!.y < rows[0]!.y) out.push({ def: p, at: p.grid!.y, off: 0 });
  rows.forEach((row, i) => {
    const end = rows[i + 1]?.y ?? Infinity;
    const mine = placed.filter((p) => p.grid!.y >= row.y && p.grid!.y < end);
    const values = row.repeat ? valuesFor(row.repeat.variable, `Row "${row.title}"`) : [];
    if (!values) mine.forEach((p) => waiting.add(p.id));
    if (!row.repeat || !values || values.length === 0) {
      outRows.push({ row, at: row.y, off: 0 });
      mine.forEach((p) => out.push({ def: p, at: p.grid!.y, off: 0 }));
      return;
    }
    const name = row.repeat.variable;
    const block = 1 + Math.max(0, ...mine.map((p) => p.grid!.y + p.grid!.h - (row.y + 1)));
    values.forEach((value, k) => {
      const key = keyOf(name, value);
      const copy: RowDef = { ...row, title: titled(row.title, name, value) };
      delete copy.repeat;
      if (k > 0) copy.id = copyId(row.id, value, rowIds);
      outRows.push({ row: copy, at: row.y, off: k * block });
      for (const p of mine) {
        const def = { ...p, title: titled(p.title, name, value), bound: { ...p.bound, [key]: [value] } } as PanelDef;
        if (k > 0) def.id = copyId(p.id, value, taken);
        out.push({ def, at: p.grid!.y, off: k * block });
      }
    });
    if (end !== Infinity) grown.push({ from: end, by: (values.length - 1) * block });
  });
  const shift = (y: number) => y + grown.filter((g) => y >= g.from).reduce((sum, g) => sum + g.by, 0);
  return {
    panels: out.map(({ def, at, off }) => ({ ...def, grid: { ...def.grid!, y: shift(at) + off } })),
    rows: outRows.map(({ row, at, off }) => ({ ...row, y: shift(at) + off })),
  };
}
