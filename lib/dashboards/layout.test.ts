import { describe, expect, it } from 'vitest';
import { FOLD_ROWS, panelsAtLoad, sections, withGrid } from './layout';
import type { PanelDef, RowDef } from './types';

const text = (id: string, grid?: PanelDef['grid'], wide = false): PanelDef => ({
  id,
  title: id,
  description: '',
  kind: 'text',
  content: id,
  ...(grid ? { grid } : {}),
  ...(wide ? { wide } : {}),
});

describe('dashboard grid', () => {
  it('flows panels without a place in two columns below those with one', () => {
    const placed = withGrid([text('a', { x: 0, y: 0, w: 24, h: 4 }), text('b'), text('c'), text('d', undefined, true)]);
    expect(placed.map((p) => p.grid)).toEqual([
      { x: 0, y: 0, w: 24, h: 4 },
      { x: 0, y: 4, w: 12, h: 8 },
      { x: 12, y: 4, w: 12, h: 8 },
      { x: 0, y: 12, w: 24, h: 8 },
    ]);
  });

  it('cuts the dashboard at its rows, folds the collapsed ones, and the URL reopens them', () => {
    const rows: RowDef[] = [
      { id: 'late', title: 'Late', y: 20, collapsed: true },
      { id: 'mid', title: 'Mid', y: 10 },
    ];
    const panels = [
      text('top', { x: 0, y: 0, w: 24, h: 10 }),
      text('m1', { x: 0, y: 11, w: 12, h: 5 }),
      text('l1', { x: 0, y: 21, w: 12, h: 6 }),
    ];
    const cut = sections({ panels, rows }, new URLSearchParams());
    expect(cut.map((s) => [s.row?.id ?? null, s.open, s.panels.map((p) => [p.def.id, p.grid.y]), s.top])).toEqual([
      [null, true, [['top', 0]], 0],
      ['mid', true, [['m1', 0]], 11],
      ['late', false, [['l1', 0]], 17],
    ]);
    expect(panelsAtLoad({ panels, rows }, new URLSearchParams()).map((p) => p.id)).toEqual(['top', 'm1']);
    const opened = new URLSearchParams('open=late&shut=mid');
    expect(sections({ panels, rows }, opened).map((s) => s.open)).toEqual([true, false, true]);
    // With Mid folded, Late's panels start at grid row 13: above the fold.
    expect(sections({ panels, rows }, opened)[2]!.top).toBeLessThan(FOLD_ROWS);
    expect(panelsAtLoad({ panels, rows }, opened).map((p) => p.id)).toEqual(['top', 'l1']);
  });

  it('starts only what is above the fold on a long grid, and everything on a flowed page', () => {
    const tall = Array.from({ length: 10 }, (_, i) => text(`p${i}`, { x: 0, y: i * 8, w: 24, h: 8 }));
    expect(panelsAtLoad({ panels: tall }, new URLSearchParams()).map((p) => p.id)).toEqual(['p0', 'p1', 'p2']);
    const flowed = tall.map((p) => ({ ...p, grid: undefined }) as PanelDef);
    expect(panelsAtLoad({ panels: flowed }, new URLSearchParams())).toHaveLength(10);
  });
});
