import type { ImportReport } from './grafana';
import { isObj, type Json, str } from './grafana-fields';
import type { VariableDef } from './types';

/** Grafana's templating and annotations → the console's variables, and the report of what did not come across. */

export /** `label_values(metric, label)` variables whose name is the label: the console's kind. Others are reported. */
function importVariables(d: Json, report: ImportReport): VariableDef[] {
  const list = isObj(d.templating) && Array.isArray(d.templating.list) ? d.templating.list.filter(isObj) : [];
  const out: VariableDef[] = [];
  for (const v of list) {
    const name = str(v.name);
    const where = `variable "${name}"`;
    const type = str(v.type);
    if (type === 'datasource') {
      report.changed.push({ where, what: "a data source variable: the console's Prometheus is used" });
      continue;
    }
    const q = isObj(v.query) ? str(v.query.query) : str(v.query);
    const m = /^label_values\(\s*([^,()]+(?:\{[^}]*\})?)\s*,\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$/.exec(q.trim());
    if (type === 'query' && m && m[2] === name && /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) {
      out.push({ name, label: str(v.label, name) || name, source: m[1]!.trim() });
      report.imported.push(where);
    } else {
      report.notImported.push({
        where,
        what: `a "${type}" variable${q ? ` (${q.slice(0, 120)})` : ''}: only label_values(metric, label) named after its label is imported yet`,
      });
    }
  }
  return out;
}

/** Grafana's annotation queries: the built-in "Annotations & Alerts" one is the console's own alert markers; others are named. */
export function importAnnotations(d: Json, report: ImportReport) {
  const list = isObj(d.annotations) && Array.isArray(d.annotations.list) ? d.annotations.list.filter(isObj) : [];
  for (const a of list) {
    if (a.builtIn === 1 || a.builtIn === true) continue;
    const name = str(a.name, 'unnamed');
    const expr = str(a.expr, isObj(a.target) ? str(a.target.expr) : '');
    report.notImported.push({
      where: `annotation "${name}"`,
      what: expr
        ? `an annotation query (${expr.slice(0, 120)}): the console marks its own events (alerts, kill switch, policy versions, canary steps), not custom annotation queries yet`
        : 'an annotation that is not a Prometheus query',
    });
  }
}
