import { describe, expect, it } from 'vitest';
import { importGrafana } from './grafana';
import { parseDashboard } from './schema';
import { panelExprs } from './panel-queries';
import { effectiveVars } from './variables';

describe('Grafana import: variables', () => {
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
          { type: 'adhoc', name: 'filters', filters: [{ key: 'env', operator: '!=', value: 'dev' }] },
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
      { name: 'filters', label: 'filters', kind: 'adhoc' },
    ]);
    const notes = [...r.report.notImported, ...r.report.changed].map((n) => `${n.where}: ${n.what}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        'variable "series": a query variable (series_of(up)): label_values(…), label_names(…), metrics(…) and query_result(…) are what the console reads',
        'variable "filters": its saved filters (env!="dev") are not applied: add them with "+ Filter"',
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

  it('imports repeated panels and rows; drops the copies Grafana saved of them; says when a repeat cannot be kept', () => {
    const r = importGrafana({
      title: 'Per job',
      templating: {
        list: [
          { type: 'query', name: 'job', query: 'label_values(up, job)', multi: true, includeAll: true },
          { type: 'interval', name: 'win', query: '1m,5m' },
        ],
      },
      panels: [
        {
          type: 'stat',
          title: 'Up: $job',
          repeat: 'job',
          repeatDirection: 'v',
          maxPerRow: 3,
          gridPos: { x: 0, y: 0, w: 8, h: 4 },
          targets: [{ expr: 'sum(up{job=~"$job"})' }],
        },
        {
          type: 'stat',
          title: 'Up: node',
          repeatPanelId: 1,
          gridPos: { x: 8, y: 0, w: 8, h: 4 },
          targets: [{ expr: 'sum(up{job=~"$job"})' }],
        },
        { type: 'text', title: 'By window', repeat: 'win', options: { content: 'x' } },
        { type: 'row', title: 'Job $job', repeat: 'job', gridPos: { x: 0, y: 10, w: 24, h: 1 }, panels: [] },
      ],
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.def.panels.map((p) => [p.id, p.repeat])).toEqual([
      ['p1', { variable: 'job', direction: 'v', maxPerRow: 3 }],
      ['p3', undefined],
    ]);
    expect(r.def.rows).toEqual([{ id: 'r4', title: 'Job $job', y: 10, repeat: { variable: 'job' } }]);
    expect(r.report.changed).toContainEqual({
      where: 'panel 2 "Up: node"',
      what: 'a copy Grafana saved of repeated panel 1: repeated here from that panel',
    });
    expect(r.report.notImported).toContainEqual({
      where: 'panel 3 "By window"',
      what: 'repeated by $win, a variable of kind interval: shown once',
    });
    expect(parseDashboard(r.def).ok).toBe(true);
  });
});
