import { parseDurationMs } from '../time/duration';
import type { ImportReport } from './grafana';
import { isObj, type Json, str } from './grafana-fields';
import type { DashboardDef, VariableDef } from './types';

/** Grafana's templating and annotations → the console's variables, and the report of what did not come across. */

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** label_values(selector, label) or label_values(label). */
const LABEL_VALUES = /^label_values\(\s*(?:([^,()]+(?:\{[^}]*\})?|\{[^}]*\})\s*,\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$/;

/** Grafana's `/regex/flags` as the pattern, or the string as it is. */
const regexOf = (r: string) => /^\/(.*)\/[gimsuy]*$/s.exec(r)?.[1] ?? r;

/** The fixed values of a custom or interval variable: its options, else its comma-separated query. */
function fixedValues(v: Json, q: string): string[] {
  const opts = Array.isArray(v.options) ? v.options.filter(isObj).map((o) => str(o.value)) : [];
  const list = opts.length ? opts : q.split(',');
  return [...new Set(list.map((x) => x.trim()).filter((x) => x && x !== '$__all' && x !== '$__auto'))].slice(0, 500);
}

/**
 * Grafana's variables → the console's: label_values(…) (a label filter when the variable is named
 * after its label, else a query variable with its regex), custom, interval, text box, constant;
 * multi-value kept, "All" as none picked. Each other kind, and what did not come across, is reported.
 */
export function importVariables(d: Json, report: ImportReport): VariableDef[] {
  const list = isObj(d.templating) && Array.isArray(d.templating.list) ? d.templating.list.filter(isObj) : [];
  const out: VariableDef[] = [];
  for (const v of list) {
    const name = str(v.name);
    const where = `variable "${name}"`;
    const type = str(v.type);
    const label = str(v.label, name) || name;
    const q = (isObj(v.query) ? str(v.query.query) : str(v.query)).trim();
    const skip = (what: string) => report.notImported.push({ where, what });
    if (type === 'datasource') {
      report.changed.push({ where, what: "a data source variable: the console's Prometheus is used" });
      continue;
    }
    if (!NAME.test(name)) {
      skip('its name is not a Prometheus label name, which the console needs for its URL and queries');
      continue;
    }
    const metrics = type === 'query' ? /^metrics\((.*)\)$/s.exec(q) : null;
    const names = type === 'query' ? /^label_names\(\s*(.*?)\s*\)$/s.exec(q) : null;
    const result = type === 'query' ? /^query_result\(\s*(.*?)\s*\)$/s.exec(q) : null;
    const regex = regexOf(str(v.regex));
    if (names || result) {
      // label_names(selector?): the label names; query_result(expr): one line per series of the
      // instant query at the range's end, as Grafana writes them for the regex to pick from.
      out.push({
        name,
        label,
        kind: 'query',
        from: names ? 'names' : 'result',
        source: (names ?? result)![1]!,
        ...(regex ? { regex } : {}),
        multi: v.multi === true,
      });
    } else if (metrics) {
      // metrics(re): the metric names (label __name__) the regex finds, as Grafana lists them.
      out.push({
        name,
        label,
        kind: 'query',
        labelName: '__name__',
        source: '',
        regex: metrics[1]!.trim() || '.*',
        multi: v.multi === true,
      });
    } else if (type === 'query') {
      const m = LABEL_VALUES.exec(q);
      if (!m) {
        skip(
          `a query variable (${q.slice(0, 120)}): label_values(…), label_names(…), metrics(…) and query_result(…) are what the console reads`,
        );
        continue;
      }
      const source = (m[1] ?? '').trim();
      const asFilter = m[2] === name && !regex;
      out.push({
        name,
        label,
        ...(asFilter ? {} : { kind: 'query' as const, labelName: m[2]!, multi: v.multi === true }),
        source,
        ...(regex ? { regex } : {}),
      });
    } else if (type === 'custom') {
      out.push({ name, label, kind: 'custom', values: fixedValues(v, q), multi: v.multi === true });
    } else if (type === 'interval') {
      const values = fixedValues(v, q).filter((x) => !x.startsWith('$__auto'));
      const count = Number(v.auto_count);
      const min = str(v.auto_min, '10s');
      const auto =
        v.auto === true
          ? {
              count: Number.isInteger(count) && count >= 1 && count <= 10_000 ? count : 30,
              min: parseDurationMs(min) ? min : '10s',
            }
          : undefined;
      out.push({
        name,
        label,
        kind: 'interval',
        values: values.length || auto ? values : ['1m'],
        ...(auto ? { auto } : {}),
      });
    } else if (type === 'textbox' || type === 'constant') {
      out.push({ name, label, kind: type, values: [q] });
    } else if (type === 'adhoc') {
      // Ad hoc filters: matchers the reader adds to every query. Filters saved with it are reported.
      out.push({ name, label, kind: 'adhoc' });
      const saved = (Array.isArray(v.filters) ? v.filters : [])
        .filter(isObj)
        .map((f) => `${str(f.key)}${str(f.operator, '=')}"${str(f.value)}"`);
      if (saved.length)
        report.changed.push({
          where,
          what: `its saved filters (${saved.join(', ')}) are not applied: add them with "+ Filter"`,
        });
    } else {
      skip(`a "${type}" variable: the console has no such kind`);
      continue;
    }
    const allValue = str(v.allValue);
    if (allValue && allValue !== '.*' && allValue !== '.+')
      report.changed.push({ where, what: `its "All" value ${allValue} is .* in the console` });
    report.imported.push(where);
  }
  return out;
}

/**
 * Grafana's annotation queries on Prometheus become the dashboard's own (markers where a series
 * starts); the built-in "Annotations & Alerts" one is the console's alert markers already. A
 * variable in an annotation's query matches everything there (annotations are not filtered).
 */
export function importAnnotations(d: Json, report: ImportReport): DashboardDef['annotations'] {
  const list = isObj(d.annotations) && Array.isArray(d.annotations.list) ? d.annotations.list.filter(isObj) : [];
  const out: NonNullable<DashboardDef['annotations']> = [];
  for (const a of list) {
    if (a.builtIn === 1 || a.builtIn === true) continue;
    const name = str(a.name, 'Annotation').slice(0, 200) || 'Annotation';
    const where = `annotation "${name}"`;
    const ds = isObj(a.datasource) ? str(a.datasource.type) : str(a.datasource);
    let expr = str(a.expr, isObj(a.target) ? str(a.target.expr) : '').trim();
    if (!expr || (ds && ds !== 'prometheus' && !ds.startsWith('$') && !ds.startsWith('${'))) {
      report.notImported.push({ where, what: `not a Prometheus query${ds ? ` (data source ${ds})` : ''}` });
      continue;
    }
    if (a.enable === false)
      report.changed.push({ where, what: 'switched off in Grafana: shown here (the Annotations menu hides them)' });
    const withVars = expr.replace(/\$\{\w+(?::\w+)?\}|\[\[\w+\]\]|\$(?!__)\w+/g, '.*');
    if (withVars !== expr) {
      report.changed.push({ where, what: 'its variables match everything (.*) in an annotation' });
      expr = withVars;
    }
    out.push({ kind: 'query', expr: expr.slice(0, 20_000), name });
    report.imported.push(where);
  }
  return out.length ? out : undefined;
}
