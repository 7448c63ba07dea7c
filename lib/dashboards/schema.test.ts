import { describe, expect, it } from 'vitest';
import { BUILT_IN } from './built-in';
import { parseDashboard } from './schema';

describe('the dashboard schema', () => {
  it('takes every built-in page as it is (the model users save is the one the pages are written in)', () => {
    expect(BUILT_IN).toHaveLength(7);
    for (const { def: d } of BUILT_IN) {
      const r = parseDashboard(JSON.parse(JSON.stringify(d)));
      expect(r, d.id).toEqual({ ok: true, def: d });
    }
  });

  it('names the first problem and where it is', () => {
    const base = { title: 'Mine', panels: [] };
    expect(parseDashboard(base)).toMatchObject({ ok: true, def: { id: 'dashboard', variables: [], description: '' } });
    const cases: [unknown, string][] = [
      [{ panels: [] }, 'title: Invalid input: expected string, received undefined'],
      [{ ...base, title: '' }, 'title: a dashboard needs a title'],
      [
        { ...base, panels: [{ id: 'a', title: 'A', kind: 'pie', unit: 's', queries: [{ expr: 'up' }] }] },
        'panels.0.kind: a panel kind',
      ],
      [
        { ...base, panels: [{ id: 'a', title: 'A', kind: 'stat', unit: 'furlongs', queries: [{ expr: 'up' }] }] },
        'panels.0.unit: a unit',
      ],
      [
        { ...base, panels: [{ id: 'a', title: 'A', kind: 'stat', unit: 's', queries: [] }] },
        'panels.0.queries: a panel needs at least one query',
      ],
      [
        {
          ...base,
          panels: [
            { id: 'a', title: 'A', kind: 'text', content: 'x' },
            { id: 'a', title: 'B', kind: 'text', content: 'y' },
          ],
        },
        'panels.1.id: "a" is the id of another panel',
      ],
      [
        { ...base, panels: [{ id: 'a', title: 'A', kind: 'text', content: 'x', repeat: { variable: 'job' } }] },
        'panels.0.repeat.variable: $job is not a variable of this dashboard',
      ],
      [
        {
          ...base,
          variables: [{ name: 'step', label: 'Step', kind: 'interval', values: ['1m'] }],
          panels: [{ id: 'a', title: 'A', kind: 'text', content: 'x', repeat: { variable: 'step' } }],
        },
        'panels.0.repeat.variable: $step is of kind interval: a repeat is by a label, query or custom variable',
      ],
      [
        {
          ...base,
          panels: [{ id: 'a', title: 'A', kind: 'text', content: 'x', repeat: { variable: 'x', maxPerRow: 0 } }],
        },
        'panels.0.repeat.maxPerRow: maxPerRow: 1 to 24',
      ],
      [
        { ...base, rows: [{ id: 'r', title: 'R', y: 0, repeat: { variable: 'host' } }] },
        'rows.0.repeat.variable: $host is not a variable of this dashboard',
      ],
      [{ ...base, links: [{ title: 'x', url: 'javascript:alert(1)' }] }, 'links.0.url: a link goes to http(s), mailto'],
      [{ ...base, links: [{ title: 'x' }] }, 'links.0: a link needs a URL or tags'],
      [{ ...base, time: { from: 'yesterday-ish', to: 'now' } }, 'time.from: a time such as now-6h'],
      [{ ...base, refresh: '2m' }, 'refresh: an auto-refresh: one of off, 5s'],
      ['not an object', 'the dashboard: Invalid input'],
    ];
    for (const [input, message] of cases) {
      const r = parseDashboard(input);
      expect(r.ok, message).toBe(false);
      if (!r.ok) expect(r.error).toContain(message);
    }
  });
});
