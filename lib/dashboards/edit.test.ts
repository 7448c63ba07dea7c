import { describe, expect, it } from 'vitest';
import {
  addPanel,
  addRow,
  applyLayout,
  duplicatePanel,
  forEditing,
  removeRow,
  toLayout,
  withUsedVariables,
} from './edit';
import type { DashboardDef, PanelDef, VariableDef } from './types';

const base: DashboardDef = { id: 'd', version: 1, title: 'T', description: '', variables: [], panels: [] };

describe('the editor’s changes', () => {
  it('adds panels below everything, duplicates beside, and writes the grid back', () => {
    let d = addPanel(base).def;
    d = addRow(d);
    d = addPanel(d).def;
    expect(d.panels.map((p) => [p.id, p.grid])).toEqual([
      ['panel-1', { x: 0, y: 0, w: 12, h: 8 }],
      ['panel-2', { x: 0, y: 9, w: 12, h: 8 }],
    ]);
    expect(d.rows).toEqual([{ id: 'row-1', title: 'New row', y: 8 }]);
    d = duplicatePanel(d, 'panel-1');
    expect(d.panels[1]).toMatchObject({ id: 'panel-1-copy1', title: 'New panel (copy)', grid: { x: 12, y: 0 } });
    const moved = applyLayout(
      d,
      toLayout(d).map((l) => (l.i === 'panel:panel-2' ? { ...l, x: 12, w: 12 } : l)),
    );
    expect(moved.panels.find((p) => p.id === 'panel-2')!.grid).toEqual({ x: 12, y: 9, w: 12, h: 8 });
    expect(applyLayout(moved, toLayout(moved))).toBe(moved);
    expect(removeRow(moved, 'row-1')).not.toHaveProperty('rows');
    expect(forEditing({ ...base, rows: [] })).not.toHaveProperty('rows');
  });

  it('gives a panel the variables its queries use, and leaves out what a page left out on purpose', () => {
    const vars: VariableDef[] = [
      { name: 'job', label: 'Job', source: 'up' },
      { name: 'mode', label: 'Mode', source: 'up' },
      { name: 'win', label: 'W', kind: 'interval', values: ['5m'] },
    ];
    const panel = (expr: string, variables: string[] = []): PanelDef => ({
      id: 'p',
      title: 'P',
      description: '',
      kind: 'timeseries',
      unit: 's',
      variables,
      queries: [{ expr }],
    });
    expect(withUsedVariables(panel('rate(x{ {{filter}} }[$win])'), vars)).toMatchObject({
      variables: ['job', 'mode', 'win'],
    });
    expect(withUsedVariables(panel('rate(x{ {{filter}} }[5m])', ['mode']), vars, [])).toMatchObject({
      variables: ['mode'],
    });
    expect(withUsedVariables(panel('x{a=~"${job:pipe}"}'), vars)).toMatchObject({ variables: ['job'] });
  });
});
