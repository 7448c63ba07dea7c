import { describe, expect, it } from 'vitest';
import { expandRepeats, MAX_REPEATS } from './repeat';
import { panelExprs } from './panel-queries';
import type { DashboardDef, PanelDef, PanelRepeat } from './types';

const stat = (id: string, grid: PanelDef['grid'], repeat?: PanelRepeat, title = `Up of $job`): PanelDef => ({
  id,
  title,
  description: '',
  kind: 'stat',
  unit: 'short',
  queries: [{ expr: 'sum(up{job=~"$job"})' }],
  variables: ['job'],
  ...(grid ? { grid } : {}),
  ...(repeat ? { repeat } : {}),
});

const vars: DashboardDef['variables'] = [
  { name: 'job', label: 'Job', kind: 'query', source: 'up', multi: true },
  { name: 'env', label: 'Env', kind: 'custom', values: ['prod', 'staging', 'dev'], multi: true },
];
const range = { start: 0, end: 3600, rateInterval: 60 };
const none = () => undefined;

describe('repeated panels', () => {
  it('makes a copy per value offered when none is picked ("All"), each with its value in the query and the title', () => {
    const d = { variables: vars, panels: [stat('p', { x: 0, y: 0, w: 8, h: 4 }, { variable: 'job' })] };
    const out = expandRepeats(d, {}, (n) => (n === 'job' ? ['api', 'db', 'web'] : undefined), 3600);
    expect(out.panels.map((p) => [p.id, p.title, p.grid])).toEqual([
      ['p', 'Up of api', { x: 0, y: 0, w: 8, h: 4 }],
      ['p.db', 'Up of db', { x: 8, y: 0, w: 8, h: 4 }],
      ['p.web', 'Up of web', { x: 16, y: 0, w: 8, h: 4 }],
    ]);
    expect(out.panels.map((p) => panelExprs(p, {}, range)[0])).toEqual([
      'sum(up{job=~"api"})',
      'sum(up{job=~"db"})',
      'sum(up{job=~"web"})',
    ]);
    expect(out.notices).toEqual([]);
  });

  it('uses the values picked, in their order; a custom variable offers its own values', () => {
    const d = { variables: vars, panels: [stat('p', { x: 0, y: 0, w: 8, h: 4 }, { variable: 'env' }, '${env} up')] };
    expect(expandRepeats(d, {}, none, 3600).panels.map((p) => p.title)).toEqual(['prod up', 'staging up', 'dev up']);
    const picked = expandRepeats(d, { env: ['dev', 'prod'] }, none, 3600).panels;
    expect(picked.map((p) => [p.id, p.title, p.grid?.w])).toEqual([
      ['p', 'dev up', 12],
      ['p.prod', 'prod up', 12],
    ]);
  });

  it('wraps after maxPerRow and moves what is below down by the lines it adds; rows too', () => {
    const d: Pick<DashboardDef, 'panels' | 'rows' | 'variables'> = {
      variables: vars,
      panels: [
        stat('p', { x: 0, y: 0, w: 24, h: 4 }, { variable: 'job', maxPerRow: 2 }),
        stat('below', { x: 0, y: 5, w: 24, h: 3 }),
      ],
      rows: [{ id: 'r', title: 'R', y: 4 }],
    };
    const out = expandRepeats(d, { job: ['a', 'b', 'c'] }, none, 3600);
    expect(out.panels.map((p) => [p.id, p.grid])).toEqual([
      ['p', { x: 0, y: 0, w: 12, h: 4 }],
      ['p.b', { x: 12, y: 0, w: 12, h: 4 }],
      ['p.c', { x: 0, y: 4, w: 12, h: 4 }],
      ['below', { x: 0, y: 9, w: 24, h: 3 }],
    ]);
    expect(out.rows).toEqual([{ id: 'r', title: 'R', y: 8 }]);
  });

  it('stacks copies when vertical, and side by side copies push a panel beside the original below them', () => {
    const v = expandRepeats(
      { variables: vars, panels: [stat('p', { x: 6, y: 2, w: 6, h: 3 }, { variable: 'job', direction: 'v' })] },
      { job: ['a', 'b'] },
      none,
      3600,
    );
    expect(v.panels.map((p) => p.grid)).toEqual([
      { x: 6, y: 2, w: 6, h: 3 },
      { x: 6, y: 5, w: 6, h: 3 },
    ]);
    const h = expandRepeats(
      {
        variables: vars,
        panels: [
          stat('p', { x: 0, y: 0, w: 12, h: 4 }, { variable: 'job' }),
          stat('side', { x: 12, y: 0, w: 12, h: 4 }),
        ],
      },
      { job: ['a', 'b'] },
      none,
      3600,
    );
    expect(h.panels.map((p) => [p.id, p.grid])).toEqual([
      ['p', { x: 0, y: 0, w: 12, h: 4 }],
      ['p.b', { x: 12, y: 0, w: 12, h: 4 }],
      ['side', { x: 12, y: 4, w: 12, h: 4 }],
    ]);
  });

  it('draws the panel once while its values are unknown; caps a long list with a notice; ids stay unique', () => {
    const d = { variables: vars, panels: [stat('p', { x: 0, y: 0, w: 8, h: 4 }, { variable: 'job' })] };
    const waiting = expandRepeats(d, {}, none, 3600);
    expect(waiting.panels).toHaveLength(1);
    expect(waiting.panels[0]!.repeat).toEqual({ variable: 'job' });
    expect([...waiting.waiting]).toEqual(['p']);
    expect([...expandRepeats(d, {}, () => [], 3600).waiting]).toEqual([]);
    const many = Array.from({ length: 75 }, (_, i) => `host:${9100 + i}`);
    const out = expandRepeats(d, {}, () => many, 3600);
    expect(out.panels).toHaveLength(MAX_REPEATS);
    expect(out.notices[0]).toMatch(/75 values, drawn for the first 60/);
    expect(out.panels[1]!.id).toBe('p.host_9101');
    const clash = expandRepeats(d, { job: ['a', 'a:', 'a/'] }, none, 3600).panels.map((p) => p.id);
    expect(clash).toEqual(['p', 'p.a_', 'p.a_.2']);
  });

  it('leaves a flowed dashboard flowed: copies follow the original in the list', () => {
    const d = { variables: vars, panels: [stat('p', undefined, { variable: 'env' }), stat('q', undefined)] };
    const out = expandRepeats(d, { env: ['prod', 'dev'] }, none, 3600);
    expect(out.panels.map((p) => [p.id, p.grid])).toEqual([
      ['p', undefined],
      ['p.dev', undefined],
      ['q', undefined],
    ]);
  });

  it('repeats a row with its panels, block under block; what follows moves down; the copies are held at their value', () => {
    const d: Pick<DashboardDef, 'panels' | 'rows' | 'variables'> = {
      variables: vars,
      panels: [
        stat('top', { x: 0, y: 0, w: 24, h: 2 }, undefined, 'Top'),
        stat('a', { x: 0, y: 3, w: 12, h: 4 }),
        stat('b', { x: 12, y: 3, w: 12, h: 5 }),
        stat('after', { x: 0, y: 9, w: 24, h: 2 }, undefined, 'After'),
      ],
      rows: [
        { id: 'r', title: 'Job $job', y: 2, repeat: { variable: 'job' } },
        { id: 'next', title: 'Next', y: 8, collapsed: true },
      ],
    };
    const out = expandRepeats(d, { job: ['api', 'db'] }, none, 3600);
    expect(out.rows).toEqual([
      { id: 'r', title: 'Job api', y: 2 },
      { id: 'r.db', title: 'Job db', y: 8 },
      { id: 'next', title: 'Next', y: 14, collapsed: true },
    ]);
    expect(out.panels.map((p) => [p.id, p.title, p.grid!.y])).toEqual([
      ['top', 'Top', 0],
      ['a', 'Up of api', 3],
      ['b', 'Up of api', 3],
      ['a.db', 'Up of db', 9],
      ['b.db', 'Up of db', 9],
      ['after', 'After', 15],
    ]);
    expect(out.panels.map((p) => panelExprs(p, {}, range)[0])).toEqual([
      'sum(up{job=~".*"})', // not in the row: every job
      'sum(up{job=~"api"})',
      'sum(up{job=~"api"})',
      'sum(up{job=~"db"})',
      'sum(up{job=~"db"})',
      'sum(up{job=~".*"})',
    ]);
    // While the values are read the row is drawn once, its panels waiting.
    const waiting = expandRepeats(d, {}, none, 3600);
    expect([...waiting.waiting]).toEqual(['a', 'b']);
    expect(waiting.rows!.map((r) => r.title)).toEqual(['Job $job', 'Next']);
  });
});
