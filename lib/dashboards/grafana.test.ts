import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGrafana } from './grafana';
import { parseDashboard } from './schema';
import { bigGrafanaDashboard } from '../../bench/big-dashboard';

const SHANNON = path.resolve(import.meta.dirname, '../../../shared/shannon/dashboards');
const load = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(SHANNON, f), 'utf8'));

describe('Grafana import', () => {
  it('imports Shannon’s three dashboards into the model, naming every panel it could not draw', () => {
    for (const f of ['policy.json', 'enforcement.json', 'tier-drift-monitoring.json']) {
      const r = importGrafana(load(f));
      expect(r.ok, f).toBe(true);
      if (!r.ok) continue;
      expect(parseDashboard(r.def).ok, f).toBe(true);
      const raw = load(f) as { dashboard?: { panels: unknown[] }; panels?: unknown[] };
      // Every Grafana panel has its place: a row, imported, or a placeholder that says why.
      const given = (raw.dashboard ?? raw).panels!.length;
      expect(r.def.panels.length + (r.def.rows?.length ?? 0)).toBe(given);
      const placeholders = r.def.panels.filter((p) => p.kind === 'text' && p.content.startsWith('**Not imported:**'));
      expect(r.report.imported.length + placeholders.length).toBe(given);
      expect(r.def.panels.every((p) => p.grid)).toBe(true);
    }
    const policy = importGrafana(load('policy.json'));
    if (!policy.ok) throw new Error(policy.error);
    expect(policy.def.title).toBe('Shannon Policy Engine - Production Dashboard');
    // Every panel of Shannon's policy dashboard has its kind in the console.
    expect(policy.report.notImported).toEqual([]);
    expect(policy.def.panels[4]).toMatchObject({ kind: 'piechart', title: 'Canary Rollout Status', donut: false });
    expect(policy.def.panels[6]).toMatchObject({ kind: 'barchart', title: 'Top Deny Reasons' });
    expect(policy.report.changed).toContainEqual({
      where: 'panel 7 "Top Deny Reasons"',
      what: 'a bar chart: one bar per series, its value reduced over the range',
    });
    const latency = policy.def.panels[2]!;
    expect(latency).toMatchObject({ kind: 'timeseries', unit: 's', grid: { x: 0, w: 24 } });
    const table = policy.def.panels.find((p) => p.title === 'Canary Routing Breakdown')!;
    expect(table).toMatchObject({
      kind: 'table',
      columns: [
        { key: 'routing_reason', label: 'routing_reason' },
        { key: 'effective_mode', label: 'effective_mode' },
        { key: 'decision', label: 'decision' },
      ],
    });
  });

  it('takes the wrappers and the legacy rows layout, and says what changed', () => {
    const classic = {
      title: 'Old',
      schemaVersion: 14,
      rows: [
        {
          title: 'Latency',
          panels: [
            { type: 'graph', title: 'p95', span: 12, targets: [{ refId: 'A', expr: 'up', legendFormat: '{{job}}' }] },
            { type: 'singlestat', title: 'now', span: 6, format: 'ms', targets: [{ refId: 'A', expr: 'sum(up)' }] },
          ],
        },
      ],
    };
    for (const wrapped of [
      classic,
      { dashboard: classic },
      { kind: 'Dashboard', apiVersion: 'dashboard.grafana.app/v1beta1', spec: classic },
    ]) {
      const r = importGrafana(wrapped);
      if (!r.ok) throw new Error(r.error);
      expect(r.def.panels.map((p) => [p.kind, p.title])).toEqual([
        ['timeseries', 'p95'],
        ['stat', 'now'],
      ]);
      expect(r.def.rows).toEqual([{ id: 'r1', title: 'Latency', y: 0 }]);
      // span 12 of 12 is the whole width; the next panel wraps below it.
      expect(r.def.panels[0]).toMatchObject({
        grid: { x: 0, y: 1, w: 24 },
        queries: [{ expr: 'up', legend: '{{job}}' }],
      });
      expect(r.def.panels[1]).toMatchObject({ unit: 'ms', grid: { x: 0, w: 12 } });
      expect(r.def.panels[1]!.grid!.y).toBeGreaterThan(1);
      expect(r.report.changed.map((c) => c.what)).toContain('a legacy "graph" panel, drawn as timeseries');
    }
  });

  it('keeps rows: a collapsed row holds its panels, and what follows it moves down by their height', () => {
    const ts = (title: string, gridPos: object) => ({ type: 'timeseries', title, gridPos, targets: [{ expr: 'up' }] });
    const r = importGrafana({
      title: 'Rows',
      panels: [
        ts('top', { x: 0, y: 0, w: 12, h: 8 }),
        { type: 'row', title: 'Open', collapsed: false, gridPos: { x: 0, y: 8, w: 24, h: 1 }, panels: [] },
        ts('in open', { x: 12, y: 9, w: 12, h: 6 }),
        {
          type: 'row',
          title: 'Shut',
          collapsed: true,
          gridPos: { x: 0, y: 15, w: 24, h: 1 },
          panels: [ts('inside a', { x: 0, y: 40, w: 8, h: 5 }), ts('inside b', { x: 8, y: 45, w: 16, h: 4 })],
        },
        { type: 'row', title: 'Last', collapsed: false, gridPos: { x: 0, y: 16, w: 24, h: 1 }, panels: [] },
        ts('after', { x: 0, y: 17, w: 30, h: 8 }),
      ],
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.def.rows).toEqual([
      { id: 'r2', title: 'Open', y: 8 },
      { id: 'r4', title: 'Shut', y: 15, collapsed: true },
      { id: 'r7', title: 'Last', y: 25 },
    ]);
    const at = Object.fromEntries(r.def.panels.map((p) => [p.title, p.grid]));
    expect(at).toEqual({
      top: { x: 0, y: 0, w: 12, h: 8 },
      'in open': { x: 12, y: 9, w: 12, h: 6 },
      'inside a': { x: 0, y: 16, w: 8, h: 5 },
      'inside b': { x: 8, y: 21, w: 16, h: 4 },
      after: { x: 0, y: 26, w: 24, h: 8 },
    });
    expect(parseDashboard(r.def).ok).toBe(true);
  });

  it('reports hidden and non-PromQL queries, library panels, other data sources, unknown units and variables', () => {
    const r = importGrafana({
      title: 'Mixed',
      templating: {
        list: [
          { type: 'query', name: 'job', query: { query: 'label_values(up, job)', refId: 'A' } },
          { type: 'custom', name: 'env', query: 'prod,dev' },
        ],
      },
      panels: [
        {
          type: 'timeseries',
          title: 'Jobs',
          fieldConfig: { defaults: { unit: 'lengthmm' } },
          targets: [
            { refId: 'A', expr: 'rate(x_total{job=~"$job", env="$env"}[$__rate_interval])' },
            { refId: 'B', expr: 'up', hide: true },
          ],
        },
        { libraryPanel: { uid: 'abc', name: 'Shared CPU' }, title: 'Lib' },
        {
          type: 'timeseries',
          title: 'Logs',
          datasource: { type: 'loki', uid: 'L' },
          targets: [{ refId: 'A', expr: '{app="x"}' }],
        },
      ],
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.def.variables).toEqual([
      { name: 'job', label: 'job', source: 'up' },
      { name: 'env', label: 'env', kind: 'custom', values: ['prod', 'dev'], multi: false },
    ]);
    expect(r.def.panels[0]).toMatchObject({
      unit: 'short',
      variables: ['job', 'env'],
      queries: [{ expr: 'rate(x_total{job=~"$job", env="$env"}[$__rate_interval])' }],
    });
    const whats = [...r.report.notImported, ...r.report.changed].map((n) => `${n.where}: ${n.what}`);
    expect(whats).toEqual(
      expect.arrayContaining([
        'panel 1 "Jobs" query B: hidden in Grafana',
        'panel 2 "Lib": a library panel (Shared CPU), which lives in Grafana, not in this file',
        'panel 3 "Logs": its data source is loki, not Prometheus',
        'panel 1 "Jobs": unit "lengthmm" is not one of the console\'s: shown as a plain number',
      ]),
    );
    expect(parseDashboard(r.def).ok).toBe(true);
  });

  it('imports a dashboard the size of Node Exporter Full: 125 panels in 16 rows', () => {
    const r = importGrafana(bigGrafanaDashboard());
    if (!r.ok) throw new Error(r.error);
    expect(r.def.panels).toHaveLength(125);
    expect(r.def.rows).toHaveLength(16);
    expect(r.def.rows!.filter((x) => x.collapsed)).toHaveLength(13);
    expect(parseDashboard(r.def).ok).toBe(true);
  });

  it('maps the Grafana unit ids operators use to the console’s units, none of them reported', () => {
    const ids: [string, string][] = [
      ['s', 's'],
      ['ms', 'ms'],
      ['µs', 'us'],
      ['ns', 'ns'],
      ['bytes', 'bytes'],
      ['decbytes', 'bytes'],
      ['bits', 'bits'],
      ['decbits', 'bits'],
      ['bps', 'bps'],
      ['Bps', 'bytesps'],
      ['pps', 'pps'],
      ['iops', 'iops'],
      ['hertz', 'hertz'],
      ['celsius', 'celsius'],
      ['percent', 'percent'],
      ['percentunit', 'percentunit'],
      ['reqps', 'reqps'],
      ['ops', 'ops'],
      ['short', 'short'],
      ['none', 'short'],
      ['currencyUSD', 'usd'],
      ['dtdurations', 's'],
    ];
    const r = importGrafana({
      title: 'Units',
      panels: ids.map(([unit], i) => ({
        type: 'stat',
        title: unit,
        gridPos: { x: 0, y: i * 4, w: 6, h: 4 },
        fieldConfig: { defaults: { unit } },
        targets: [{ expr: 'up' }],
      })),
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.def.panels.map((p) => [p.title, 'unit' in p ? p.unit : null])).toEqual(ids);
    expect(r.report.changed.filter((n) => n.what.includes('unit'))).toEqual([]);
    expect(parseDashboard(r.def).ok).toBe(true);
  });

  it('imports the default range, auto-refresh, dashboard links and panel links; names what it cannot', () => {
    const r = importGrafana({
      title: 'Linked',
      time: { from: 'now-6h', to: 'now' },
      refresh: '2m',
      links: [
        { type: 'link', title: 'Runbook', url: 'https://runbooks.io/shannon', targetBlank: true, tooltip: 'how to' },
        { type: 'dashboards', title: 'Shannon', tags: ['shannon'], keepTime: true, includeVars: true },
        { type: 'link', title: 'Bad', url: 'javascript:alert(1)' },
      ],
      panels: [
        {
          type: 'stat',
          title: 'Up',
          links: [{ title: 'Its traces', url: '/traces?service=$job&${__url_time_range}', targetBlank: false }],
          fieldConfig: { defaults: { links: [{ title: 'per value', url: 'https://x.io/${__value.raw}' }] } },
          targets: [{ expr: 'up' }],
        },
      ],
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.def.time).toEqual({ from: 'now-6h', to: 'now' });
    expect(r.def.refresh).toBeUndefined();
    expect(r.def.links).toEqual([
      { title: 'Runbook', url: 'https://runbooks.io/shannon', newTab: true, tooltip: 'how to' },
      { title: 'Shannon', tags: ['shannon'], keepTime: true, includeVars: true },
    ]);
    expect(r.def.panels[0]!.links).toEqual([{ title: 'Its traces', url: '/traces?service=$job&${__url_time_range}' }]);
    const notes = [...r.report.notImported, ...r.report.changed].map((n) => `${n.where}: ${n.what}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        'refresh: auto-refresh every 2m is not offered (off, 5s, 10s, 30s, 1m, 5m, 15m): off',
        'link 3 "Bad": its URL "javascript:alert(1)" is not http(s), mailto or a path',
        'panel 1 "Up": data links on its values: not imported (its panel links are)',
      ]),
    );
    expect(parseDashboard(r.def).ok).toBe(true);
  });

  it('refuses what is not a dashboard', () => {
    expect(importGrafana('text')).toEqual({
      ok: false,
      error: 'not a Grafana dashboard: it has neither "panels" nor "rows"',
    });
    expect(importGrafana({ title: 'x' }).ok).toBe(false);
    expect(importGrafana([1, 2]).ok).toBe(false);
  });
});
