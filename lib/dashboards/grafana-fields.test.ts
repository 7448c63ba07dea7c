import { describe, expect, it } from 'vitest';
import { importGrafana } from './grafana';
import { parseDashboard } from './schema';
import { panelExprs } from './types';
import { effectiveVars } from './variables';

describe('Grafana import: field config and variables', () => {
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
        'panel 1 "Latency": repeated by $job in Grafana: shown once',
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

  it('imports every variable kind Grafana has for Prometheus, and names the ones it cannot', () => {
    const r = importGrafana({
      title: 'Vars',
      templating: {
        list: [
          { type: 'query', name: 'job', query: 'label_values(up, job)' },
          {
            type: 'query',
            name: 'host',
            query: { query: 'label_values(node_uname_info{job="$job"}, nodename)' },
            regex: '/^(.*?)\\./',
            multi: true,
          },
          { type: 'query', name: 'anylabel', query: 'label_values(instance)' },
          { type: 'custom', name: 'env', query: 'prod, dev', multi: true, allValue: 'prod|dev' },
          { type: 'interval', name: 'win', query: '1m,5m,1h', auto: true, auto_count: 30, auto_min: '10s' },
          { type: 'textbox', name: 'pattern', query: 'api.*' },
          { type: 'constant', name: 'cluster', query: 'eu-1' },
          { type: 'query', name: 'metric', query: 'metrics(node_.*)' },
          { type: 'query', name: 'names', query: 'label_names()' },
          { type: 'query', name: 'up_labels', query: 'label_names(up{job="$job"})', regex: '/^(?!__).*/' },
          {
            type: 'query',
            name: 'busiest',
            query: 'query_result(topk(3, sum by (job) (up)))',
            regex: '/job="([^"]+)"/',
            multi: true,
          },
          { type: 'query', name: 'series', query: 'series_of(up)' },
          { type: 'adhoc', name: 'filters' },
          { type: 'query', name: 'bad-name', query: 'label_values(up, job)' },
        ],
      },
      panels: [
        {
          type: 'timeseries',
          title: 'All of them',
          targets: [
            {
              expr: 'sum(rate(x_total{job=~"$job", host=~"${host:pipe}", env=~"$env", p=~"$pattern", c="$cluster", m=~"$metric"}[$win]))',
            },
          ],
        },
      ],
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.def.variables).toEqual([
      { name: 'job', label: 'job', source: 'up' },
      {
        name: 'host',
        label: 'host',
        kind: 'query',
        labelName: 'nodename',
        multi: true,
        source: 'node_uname_info{job="$job"}',
        regex: '^(.*?)\\.',
      },
      { name: 'anylabel', label: 'anylabel', kind: 'query', labelName: 'instance', multi: false, source: '' },
      { name: 'env', label: 'env', kind: 'custom', values: ['prod', 'dev'], multi: true },
      { name: 'win', label: 'win', kind: 'interval', values: ['1m', '5m', '1h'], auto: { count: 30, min: '10s' } },
      { name: 'pattern', label: 'pattern', kind: 'textbox', values: ['api.*'] },
      { name: 'cluster', label: 'cluster', kind: 'constant', values: ['eu-1'] },
      {
        name: 'metric',
        label: 'metric',
        kind: 'query',
        labelName: '__name__',
        source: '',
        regex: 'node_.*',
        multi: false,
      },
      { name: 'names', label: 'names', kind: 'query', from: 'names', source: '', multi: false },
      {
        name: 'up_labels',
        label: 'up_labels',
        kind: 'query',
        from: 'names',
        source: 'up{job="$job"}',
        regex: '^(?!__).*',
        multi: false,
      },
      {
        name: 'busiest',
        label: 'busiest',
        kind: 'query',
        from: 'result',
        source: 'topk(3, sum by (job) (up))',
        regex: 'job="([^"]+)"',
        multi: true,
      },
    ]);
    const notes = [...r.report.notImported, ...r.report.changed].map((n) => `${n.where}: ${n.what}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        'variable "series": a query variable (series_of(up)): label_values(…), label_names(…), metrics(…) and query_result(…) are what the console reads',
        'variable "filters": a "adhoc" variable: the console has no such kind (adhoc filters and others are not imported)',
        'variable "bad-name": its name is not a Prometheus label name, which the console needs for its URL and queries',
        'variable "env": its "All" value prod|dev is .* in the console',
      ]),
    );
    expect(parseDashboard(r.def).ok).toBe(true);
    // Drawn with the defaults and a choice: the filter for job, the others as Grafana writes them;
    // "auto" is the interval's default: an hour over 30 steps is 2m.
    const vars = effectiveVars(r.def.variables, { job: ['node'], host: ['a', 'b.c'] }, 3600);
    const [q] = panelExprs(r.def.panels[0]!, vars, { start: 0, end: 3600, rateInterval: 60 });
    expect(q).toBe('sum(rate(x_total{job=~"node", host=~"a|b.c", env=~".*", p=~"api.*", c="eu-1", m=~".*"}[2m]))');
    expect(r.report.changed.some((n) => n.where === 'variable "win"')).toBe(false);
  });
});
