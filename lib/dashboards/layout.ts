import type { DashboardDef, GridPos, PanelDef, RowDef } from './types';

/**
 * The dashboard grid (issue 16): 24 columns, rows of 30 px with 8 px between them, as Grafana's
 * gridPos (so that imported positions mean what they meant). Rows sit on the grid at their `y`;
 * a panel belongs to the last row above it. A dashboard whose panels have no `grid` keeps the
 * two-column flow the built-in pages are written for.
 */
export const GRID_COLS = 24;
export const ROW_PX = 30;
export const GAP_PX = 8;
/** The first grid rows of the page (≈ 900 px): their panels' answers are started with the page. */
export const FOLD_ROWS = 24;
/** URL params: rows opened that the dashboard keeps collapsed, and rows folded that it keeps open. */
export const OPEN_PARAM = 'open';
export const SHUT_PARAM = 'shut';

/** The height in px of a cell `h` rows high. */
export const cellPx = (h: number) => h * ROW_PX + (h - 1) * GAP_PX;
/**
 * The chart's drawing height inside such a cell: the frame's title and padding take 72 px, and a
 * time series' legend under the chart about a third of what is left (60 to 130 px).
 */
export function drawPx(h: number, def?: PanelDef): number {
  const inner = cellPx(h) - 72;
  const legendBelow =
    def?.kind === 'timeseries' && (def.legend?.placement ?? 'bottom') === 'bottom'
      ? Math.min(130, Math.max(60, inner * 0.33))
      : 0;
  return Math.max(60, Math.round(inner - legendBelow));
}

export const usesGrid = (d: Pick<DashboardDef, 'panels' | 'rows'>) =>
  (d.rows?.length ?? 0) > 0 || d.panels.some((p) => p.grid);

/** Grid rows a flowed panel takes: its drawing height and the frame's chrome. */
const rowsFor = (p: PanelDef) => Math.max(3, Math.ceil(((p.height ?? 220) + 72 + GAP_PX) / (ROW_PX + GAP_PX)));

/**
 * Every panel with its place: those that have one keep it; the others are laid out below them
 * in the two-column flow (half width, or the whole width when `wide`).
 */
export function withGrid(panels: readonly PanelDef[]): PanelDef[] {
  let y = panels.reduce((m, p) => (p.grid ? Math.max(m, p.grid.y + p.grid.h) : m), 0);
  let x = 0;
  let rowH = 0;
  return panels.map((p) => {
    if (p.grid) return p;
    const w = p.wide ? GRID_COLS : GRID_COLS / 2;
    const h = rowsFor(p);
    if (x + w > GRID_COLS) {
      y += rowH;
      x = 0;
      rowH = 0;
    }
    const grid: GridPos = { x, y, w, h };
    x += w;
    rowH = Math.max(rowH, h);
    return { ...p, grid };
  });
}

export type Section = {
  row: RowDef | null;
  /** Whether its panels are drawn (the row's default, or what the URL says). */
  open: boolean;
  /** Its panels with their grid place relative to the section's top. */
  panels: { def: PanelDef; grid: GridPos }[];
  /** Grid rows its panels take. */
  height: number;
  /** Grid rows above it on the page as drawn (collapsed rows take one). */
  top: number;
};

/** Whether a row is open: its default unless the URL opens or folds it. */
export function rowOpen(row: RowDef, params: URLSearchParams): boolean {
  if (row.collapsed) return params.getAll(OPEN_PARAM).includes(row.id);
  return !params.getAll(SHUT_PARAM).includes(row.id);
}

/** The dashboard cut at its rows: the panels above the first row, then each row with its panels. */
export function sections(d: Pick<DashboardDef, 'panels' | 'rows'>, params: URLSearchParams): Section[] {
  const rows = [...(d.rows ?? [])].sort((a, b) => a.y - b.y);
  const placed = withGrid(d.panels);
  const out: Section[] = [{ row: null, open: true, panels: [], height: 0, top: 0 }];
  for (const r of rows) out.push({ row: r, open: rowOpen(r, params), panels: [], height: 0, top: 0 });
  for (const def of placed) {
    const g = def.grid!;
    let at = 0;
    for (let i = 0; i < rows.length; i++) if (rows[i]!.y <= g.y) at = i + 1;
    const s = out[at]!;
    const base = s.row ? s.row.y + 1 : 0;
    const grid = { ...g, y: Math.max(0, g.y - base) };
    s.panels.push({ def, grid });
    s.height = Math.max(s.height, grid.y + grid.h);
  }
  let top = 0;
  for (const s of out) {
    s.top = top + (s.row ? 1 : 0);
    top = s.top + (s.open ? s.height : 0);
  }
  return out.filter((s) => s.row || s.panels.length > 0);
}

/**
 * The panels whose answers start with the page: all of them on a flowed dashboard; on a grid,
 * those in open sections that begin above the fold (the rest load when they come into view).
 */
export function panelsAtLoad(d: Pick<DashboardDef, 'panels' | 'rows'>, params: URLSearchParams): PanelDef[] {
  if (!usesGrid(d)) return d.panels;
  return sections(d, params)
    .filter((s) => s.open)
    .flatMap((s) => s.panels.filter((p) => s.top + p.grid.y < FOLD_ROWS).map((p) => p.def));
}
