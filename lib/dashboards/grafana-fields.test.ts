import { describe, expect, it } from 'vitest';
import { importGrafana } from './grafana';
import { schemeColor } from './grafana-colours';
import { parseDashboard } from './schema';

describe('Grafana import: field config', () => {
  it('carries thresholds, overrides, legend, stacking and reducers across, and names what it cannot', () => {
    const r = importGrafana({
      title: 'Fields',
      annotations: {
        list: [
          { builtIn: 1, name: 'Annotations & Alerts' },
          { name: 'Deploys', expr: 'changes(build_info{job=~"$job"}[1m]) > 0' },
          { name: 'Logs', datasource: { type: 'loki' }, expr: '{app="x"}' },
        ],
      },
      panels: [
        {
          type: 'timeseries',
          title: 'Latency',
          targets: [{ expr: 'up' }],
          options: { legend: { displayMode: 'table', placement: 'right', calcs: ['lastNotNull', 'max'] } },
          fieldConfig: {
            defaults: {
              unit: 's',
              decimals: 2,
              custom: { drawStyle: 'bars', stacking: { mode: 'normal' }, thresholdsStyle: { mode: 'line' } },
              thresholds: {
                mode: 'absolute',
                steps: [
                  { color: 'green', value: null },
                  { color: 'red', value: 0.5 },
                ],
              },
            },
            overrides: [
              {
                matcher: { id: 'byName', options: 'errors' },
                properties: [
                  { id: 'color', value: { mode: 'fixed', fixedColor: 'semi-dark-red' } },
                  { id: 'custom.axisPlacement', value: 'right' },
                  { id: 'unit', value: 'reqps' },
                  { id: 'displayName', value: 'Errors' },
                ],
              },
              {
                matcher: { id: 'byName', options: 'queue' },
                properties: [{ id: 'unit', value: 'reqps' }],
              },
              {
                matcher: { id: 'byRegexp', options: '/p9.*/' },
                properties: [{ id: 'custom.hideFrom', value: { legend: true, viz: true, tooltip: true } }],
              },
              { matcher: { id: 'byFrameRefID', options: 'B' }, properties: [] },
            ],
          },
          transformations: [{ id: 'organize' }],
          repeat: 'job',
        },
        {
          type: 'stat',
          title: 'Now',
          targets: [{ expr: 'sum(up)' }],
          options: { reduceOptions: { calcs: ['mean'] } },
          fieldConfig: {
            defaults: {
              thresholds: {
                mode: 'absolute',
                steps: [
                  { color: 'green', value: null },
                  { color: '#FF0000', value: 10 },
                ],
              },
            },
          },
        },
        {
          type: 'gauge',
          title: 'Share',
          targets: [{ expr: 'sum(up)' }],
          fieldConfig: {
            defaults: {
              unit: 'percentunit',
              thresholds: {
                mode: 'percentage',
                steps: [
                  { color: 'red', value: null },
                  { color: 'green', value: 80 },
                ],
              },
            },
          },
        },
        {
          type: 'stat',
          title: 'Kill switch',
          targets: [{ expr: 'max(kill_switch)' }],
          fieldConfig: {
            defaults: {
              decimals: 1,
              thresholds: { mode: 'percentage', steps: [{ color: 'red', value: null }] },
              mappings: [
                { type: 'special', options: { match: 'null', result: { text: 'No data', index: 3 } } },
                {
                  type: 'value',
                  options: {
                    '0': { text: 'Off', color: 'green', index: 0 },
                    '1': { text: 'On', color: 'red', index: 1 },
                  },
                },
                { type: 'range', options: { from: 2, to: null, result: { text: 'Odd', color: 'orange', index: 2 } } },
                { type: 'special', options: { match: 'empty', result: { text: '-', index: 4 } } },
              ],
            },
          },
        },
        {
          type: 'singlestat',
          title: 'Legacy',
          targets: [{ expr: 'up' }],
          valueMaps: [{ op: '=', value: '1', text: 'UP' }],
          rangeMaps: [{ from: '0', to: '0.5', text: 'DOWN' }],
        },
      ],
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.def.panels[0]).toMatchObject({
      kind: 'timeseries',
      unit: 's',
      draw: 'bars',
      stack: true,
      legend: { placement: 'right', columns: ['last', 'max'] },
      decimals: 2,
      thresholds: [{ value: 0.5, label: '0.5', color: '#e02f44' }],
      right: { unit: 'reqps' },
      overrides: [
        { match: { name: 'errors' }, color: '#e02f44', axis: 'right', displayName: 'Errors' },
        // A series of another unit gets an axis of its own, as in Grafana: the right one.
        { match: { name: 'queue' }, axis: 'right' },
        { match: { regex: '/p9.*/' }, hidden: true },
      ],
    });
    expect(r.def.panels[1]).toMatchObject({
      kind: 'stat',
      reduce: 'mean',
      thresholds: { base: '#56a64b', steps: [{ value: 10, color: '#FF0000' }] },
    });
    // Percentage thresholds on a gauge sit between its min and max (0 to 1 for a ratio).
    expect(r.def.panels[2]).toMatchObject({
      kind: 'gauge',
      min: 0,
      max: 1,
      thresholds: { base: '#e02f44', steps: [{ value: 0.8, color: '#56a64b' }] },
    });
    expect(r.def.panels[3]).toMatchObject({
      kind: 'stat',
      decimals: 1,
      mappings: [
        { kind: 'value', value: '0', text: 'Off', color: '#56a64b' },
        { kind: 'value', value: '1', text: 'On', color: '#e02f44' },
        { kind: 'range', from: 2, text: 'Odd', color: '#ff780a' },
        { kind: 'special', match: 'null', text: 'No data' },
      ],
    });
    expect(r.def.panels[3]).not.toHaveProperty('thresholds');
    expect(r.def.panels[4]).toMatchObject({
      mappings: [
        { kind: 'value', value: '1', text: 'UP' },
        { kind: 'range', from: 0, to: 0.5, text: 'DOWN' },
      ],
    });
    const notes = [...r.report.notImported, ...r.report.changed].map((n) => `${n.where}: ${n.what}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        'panel 1 "Latency": transformations (organize) are not applied',
        'panel 1 "Latency": repeated by $job, a variable not imported: shown once',
        'panel 1 "Latency": an override matching byFrameRefID: only by name and by regex are imported',
        'panel 3 "Share": percentage thresholds: placed between 0 and 1',
        'panel 4 "Kill switch": percentage thresholds without a min and max: not imported (only absolute ones are)',
        'panel 4 "Kill switch": a value mapping of type "special" (empty): not imported',
        'annotation "Deploys": its variables match everything (.*) in an annotation',
        'annotation "Logs": not a Prometheus query (data source loki)',
      ]),
    );
    expect(notes.some((n) => n.includes('Annotations & Alerts'))).toBe(false);
    expect(r.def.annotations).toEqual([
      { kind: 'query', expr: 'changes(build_info{job=~".*"}[1m]) > 0', name: 'Deploys' },
    ]);
    expect(parseDashboard(r.def).ok).toBe(true);
  });

  it('takes the colour modes of single-value panels: fixed, and a continuous scheme in ten steps', () => {
    const panel = (type: string, color: unknown, extra: object = {}) => ({
      type,
      title: `${type} ${JSON.stringify(color)}`,
      targets: [{ expr: 'up' }],
      fieldConfig: {
        defaults: {
          color,
          thresholds: {
            mode: 'absolute',
            steps: [
              { color: 'green', value: null },
              { color: 'red', value: 80 },
            ],
          },
          ...extra,
        },
      },
    });
    const r = importGrafana({
      title: 'Colours',
      panels: [
        panel('stat', { mode: 'fixed', fixedColor: 'purple' }),
        panel('gauge', { mode: 'continuous-GrYlRd' }, { min: 0, max: 100 }),
        panel('bargauge', { mode: 'continuous-BlPu' }),
        panel('stat', { mode: 'shades', fixedColor: 'blue' }),
        panel('timeseries', { mode: 'fixed', fixedColor: 'red' }),
      ],
    });
    if (!r.ok) throw new Error(r.error);
    const t = (i: number) =>
      (r.def.panels[i] as { thresholds?: { base: string; steps: { value: number; color: string }[] } }).thresholds;
    expect(t(0)).toEqual({ base: '#a352cc', steps: [] });
    const g = t(1)!;
    expect(g.base).toBe('#56a64b');
    expect(g.steps.map((x) => Math.round(x.value))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(g.steps.at(-1)!.color).toBe('#e02f44');
    expect(schemeColor(['#56a64b', '#f2cc0c', '#e02f44'], 0.5)).toBe('#f2cc0c'); // yellow halfway
    expect(schemeColor(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    // Without a min and max a gradient has no ends: its thresholds stay.
    expect(t(2)).toEqual({ base: '#56a64b', steps: [{ value: 80, color: '#e02f44' }] });
    expect(t(3)).toEqual({ base: '#56a64b', steps: [{ value: 80, color: '#e02f44' }] });
    const notes = [...r.report.notImported, ...r.report.changed].map((n) => `${n.where}: ${n.what}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^panel 2 .*colour mode "continuous-GrYlRd": its gradient from 0 to 100 in 10 steps$/),
        expect.stringMatching(
          /^panel 3 .*colour mode "continuous-BlPu" without a min and max: coloured by its thresholds$/,
        ),
        expect.stringMatching(/^panel 4 .*colour mode "shades": coloured by its thresholds$/),
        expect.stringMatching(/^panel 5 .*colour mode "fixed": drawn in the console's palette$/),
      ]),
    );
    expect(parseDashboard(r.def).ok).toBe(true);
  });
});
