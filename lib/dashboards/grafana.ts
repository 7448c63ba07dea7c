import {
  colorThresholds,
  isObj,
  type Json,
  reducerOf,
  str,
  thresholdLines,
  timeseriesOptions,
  unsupportedFeatures,
  valueMappings,
} from './grafana-fields';
import { flatten, fromRows, repeatOf } from './grafana-layout';
import { importLinks, importTime, panelLinks } from './grafana-links';
import { colourMode } from './grafana-colours';
import { UNIT_MAP } from './grafana-units';
import { importAnnotations, importVariables } from './grafana-templating';
import type { DashboardDef, GridPos, PanelDef, QueryDef, RowDef } from './types';

/**
 * Grafana dashboard JSON → the console's dashboard model (issue 16), with a report of what came
 * across and, for anything that did not, what and why. Nothing is dropped silently: a panel the
 * console cannot draw stays in its place as a text panel that names it. Field names and meanings
 * follow Grafana's documented dashboard JSON model (classic JSON, the `{"dashboard": …}` wrapper
 * of its HTTP API, the v1 resource wrapper; legacy `rows[]`).
 */

export type ImportNote = { where: string; what: string };
export type ImportReport = { imported: string[]; notImported: ImportNote[]; changed: ImportNote[] };
export type ImportResult =
  { ok: true; def: DashboardDef; tags: string[]; report: ImportReport } | { ok: false; error: string };

const KIND: Record<string, PanelDef['kind']> = {
  timeseries: 'timeseries',
  graph: 'timeseries',
  stat: 'stat',
  singlestat: 'stat',
  gauge: 'gauge',
  bargauge: 'bargauge',
  table: 'table',
  'table-old': 'table',
  heatmap: 'heatmap',
  text: 'text',
  piechart: 'piechart',
  barchart: 'barchart',
};

/** The dashboard object inside whatever wrapper it came in; null when there is none. */
function unwrap(input: unknown): Json | null {
  if (!isObj(input)) return null;
  if (isObj(input.dashboard)) return input.dashboard;
  if (input.kind === 'Dashboard' && isObj(input.spec)) return input.spec;
  return input;
}

const labelsOf = (legend: string) => [...legend.matchAll(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g)].map((m) => m[1]!);

export function importGrafana(input: unknown): ImportResult {
  const d = unwrap(input);
  if (!d || (!Array.isArray(d.panels) && !Array.isArray(d.rows))) {
    return { ok: false, error: 'not a Grafana dashboard: it has neither "panels" nor "rows"' };
  }
  const report: ImportReport = { imported: [], notImported: [], changed: [] };
  const raw = flatten(Array.isArray(d.panels) ? d.panels : fromRows(d.rows as unknown[]));
  const vars = importVariables(d, report);
  const varNames = new Set(vars.map((v) => v.name));
  const skippedVars = new Set(
    (isObj(d.templating) && Array.isArray(d.templating.list) ? d.templating.list : [])
      .filter(isObj)
      .map((v) => str(v.name))
      .filter((n) => n && !varNames.has(n)),
  );
  const panels: PanelDef[] = [];
  const rows: RowDef[] = [];
  raw.forEach(({ p, grid }, i) => {
    const id = `p${i + 1}`;
    const title = str(p.title, `Panel ${i + 1}`);
    const where = `panel ${i + 1} "${title}"`;
    const skip = (why: string) => placeholder(panels, { id, title, grid }, where, report, why);
    if (p.type === undefined) {
      const lib = isObj(p.libraryPanel) ? str(p.libraryPanel.name, str(p.libraryPanel.uid)) : '';
      return skip(`a library panel${lib ? ` (${lib})` : ''}, which lives in Grafana, not in this file`);
    }
    if (p.repeatPanelId !== undefined) {
      report.changed.push({
        where,
        what: `a copy Grafana saved of repeated panel ${String(p.repeatPanelId)}: repeated here from that panel`,
      });
      return;
    }
    const type = str(p.type);
    if (type === 'row') {
      const by = repeatOf(p, vars, (what) => report.notImported.push({ where, what })).repeat?.variable;
      const repeat = by ? { repeat: { variable: by } } : {};
      rows.push({
        id: `r${i + 1}`,
        title,
        y: grid?.y ?? 0,
        ...(p.collapsed === true ? { collapsed: true } : {}),
        ...repeat,
      });
      report.imported.push(where);
      return;
    }
    const kind = KIND[type];
    if (!kind) {
      return skip(`a Grafana "${type}" panel; the console has no such panel kind`);
    }
    const note = (what: string) => report.notImported.push({ where, what });
    const place = { ...(grid ? { grid } : {}), ...repeatOf(p, vars, note), ...panelLinks(p, note) };
    const description = str(p.description);
    if (kind === 'text') {
      const content = isObj(p.options) ? str(p.options.content, str(p.content)) : str(p.content);
      panels.push({ id, title, description, kind, content, ...place });
      report.imported.push(where);
      return;
    }
    const ds = p.datasource;
    const dsType = isObj(ds) ? str(ds.type) : '';
    if (dsType && dsType !== 'prometheus' && dsType !== 'datasource' && !str(isObj(ds) ? ds.uid : '').startsWith('$')) {
      return skip(`its data source is ${dsType}, not Prometheus`);
    }
    const queries: QueryDef[] = [];
    const targets = Array.isArray(p.targets) ? p.targets : [];
    for (const [ti, t] of targets.entries()) {
      if (!isObj(t)) continue;
      // Grafana names queries A, B, … when the JSON does not.
      const ref = str(t.refId, String.fromCharCode(65 + (ti % 26)));
      if (t.hide === true) {
        report.notImported.push({ where: `${where} query ${ref}`, what: 'hidden in Grafana' });
        continue;
      }
      let expr = str(t.expr);
      if (!expr.trim()) {
        report.notImported.push({ where: `${where} query ${ref}`, what: 'not PromQL (no "expr")' });
        continue;
      }
      for (const v of skippedVars) {
        const re = new RegExp(`\\$\\{${v}(?::\\w+)?\\}|\\[\\[${v}\\]\\]|\\$${v}\\b`, 'g');
        if (re.test(expr)) {
          expr = expr.replace(re, '.*');
          report.changed.push({
            where: `${where} query ${ref}`,
            what: `$${v} (a variable not imported) matches everything (.*)`,
          });
        }
      }
      if (t.instant === true)
        report.changed.push({ where: `${where} query ${ref}`, what: 'an instant query, drawn over the range' });
      const legend = str(t.legendFormat);
      queries.push({ expr, ...(legend && legend !== '__auto' ? { legend } : {}) });
    }
    if (queries.length === 0) {
      return skip('no PromQL query to run');
    }
    const defaults = isObj(p.fieldConfig) && isObj(p.fieldConfig.defaults) ? p.fieldConfig.defaults : {};
    const gUnit = str(defaults.unit, str(p.format));
    const unit = UNIT_MAP[gUnit];
    if (unit === undefined)
      report.changed.push({ where, what: `unit "${gUnit}" is not one of the console's: shown as a plain number` });
    const notes: string[] = [];
    for (const what of unsupportedFeatures(p, defaults)) report.notImported.push({ where, what });
    const used = [...varNames].filter((v) =>
      queries.some((q) => new RegExp(`\\$\\{?${v}\\b|\\[\\[${v}\\]\\]`).test(q.expr)),
    );
    const base = {
      id,
      title,
      description,
      unit: unit ?? 'short',
      queries,
      variables: used,
      ...place,
    };
    const min = typeof defaults.min === 'number' ? defaults.min : undefined;
    const max = typeof defaults.max === 'number' ? defaults.max : undefined;
    const gaugeMax = max ?? (unit === 'percentunit' ? 1 : 100);
    const options = isObj(p.options) ? p.options : {};
    // Decimals: on every value written (a time series' legend and tooltip, not its axis ticks);
    // value mappings on the panels that write one value per series.
    const decimals =
      typeof defaults.decimals === 'number' ? Math.max(0, Math.min(10, Math.round(defaults.decimals))) : undefined;
    const mappings = valueMappings(p, defaults, notes);
    // (A time series writes them in its legend and tooltip; its axis picks its own ticks.)
    if (kind === 'heatmap') {
      if (decimals !== undefined) notes.push(`decimals (${decimals}): a heatmap picks its own digits`);
      if (mappings) notes.push('value mappings: a heatmap shows its buckets, not mapped values');
    } else Object.assign(base, decimals !== undefined ? { decimals } : {}, mappings ? { mappings } : {});
    if (kind === 'stat' || kind === 'gauge' || kind === 'bargauge' || kind === 'piechart' || kind === 'barchart') {
      const reduce = reducerOf(options, notes);
      const range =
        kind === 'gauge'
          ? { min: min ?? 0, max: gaugeMax }
          : min !== undefined && max !== undefined
            ? { min, max }
            : unit === 'percent' || unit === 'percentunit'
              ? { min: 0, max: unit === 'percent' ? 100 : 1 }
              : undefined;
      const thresholds =
        kind === 'piechart'
          ? undefined
          : (colourMode(defaults, notes, range) ?? colorThresholds(defaults, notes, range));
      Object.assign(base, reduce ? { reduce } : {}, thresholds ? { thresholds } : {});
    }
    if (kind === 'table') {
      const keys = [...new Set(queries.flatMap((q) => labelsOf(q.legend ?? '')))];
      panels.push({ ...base, kind, columns: keys.map((k) => ({ key: k, label: k })) });
    } else if (kind === 'gauge') {
      panels.push({
        ...base,
        kind,
        min: min ?? 0,
        max: gaugeMax,
      });
    } else if (kind === 'timeseries') {
      const o = timeseriesOptions(p, defaults, notes);
      const lines = thresholdLines(defaults);
      const right = o.rightUnit ? UNIT_MAP[o.rightUnit] : undefined;
      if (o.rightUnit && !right) notes.push(`right axis unit "${o.rightUnit}": shown as a plain number`);
      const axisRight = o.overrides?.some((x) => x.axis === 'right');
      panels.push({
        ...base,
        kind,
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(o.legend ? { legend: o.legend } : {}),
        ...(o.draw ? { draw: o.draw } : {}),
        ...(o.stack ? { stack: true } : {}),
        ...(o.overrides ? { overrides: o.overrides } : {}),
        ...(lines ? { thresholds: lines } : {}),
        ...(axisRight ? { right: { unit: right ?? base.unit } } : {}),
      });
    } else if (kind === 'bargauge') {
      panels.push({ ...base, kind, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
    } else if (kind === 'piechart') {
      panels.push({ ...base, kind, ...(options.pieType === 'pie' ? { donut: false } : {}) });
    } else if (kind === 'barchart') {
      panels.push({ ...base, kind });
      report.changed.push({ where, what: 'a bar chart: one bar per series, its value reduced over the range' });
    } else if (kind === 'heatmap') {
      panels.push({ ...base, kind });
    } else {
      panels.push({ ...base, kind: 'stat' });
    }
    for (const what of notes) report.changed.push({ where, what });
    if (type === 'graph' || type === 'singlestat' || type === 'table-old') {
      report.changed.push({ where, what: `a legacy "${type}" panel, drawn as ${kind}` });
    }
    report.imported.push(where);
  });
  const annotations = importAnnotations(d, report);
  const links = importLinks(d, report);
  const tags = (Array.isArray(d.tags) ? d.tags : []).filter((t): t is string => typeof t === 'string').slice(0, 20);
  const title = str(d.title, 'Imported dashboard').slice(0, 200) || 'Imported dashboard';
  const def: DashboardDef = {
    id: 'imported',
    version: 1,
    title,
    description: str(d.description).slice(0, 5000),
    variables: vars,
    panels,
    ...(rows.length ? { rows } : {}),
    ...(annotations ? { annotations } : {}),
    ...importTime(d, report),
    ...(links ? { links } : {}),
  };
  return { ok: true, def, tags, report };
}

function placeholder(
  panels: PanelDef[],
  at: { id: string; title: string; grid: GridPos | null },
  where: string,
  report: ImportReport,
  why: string,
) {
  const { id, title, grid } = at;
  panels.push({
    id,
    title,
    description: '',
    kind: 'text',
    content: `**Not imported:** ${why}.`,
    ...(grid ? { grid } : {}),
  });
  report.notImported.push({ where, what: why });
}
