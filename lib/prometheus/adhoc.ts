import { escapeString } from './escape';

/**
 * The PromQL parser the filters are put in with (@prometheus-io/lezer-promql, 27 kB compressed).
 * Not imported here, so that pages without filters do not load it: the server installs it when
 * it starts a page's queries (lib/server/prefetch.ts), the browser when a page has filters
 * (components/hooks/use-promql-parser.ts).
 */
type Parser = typeof import('@prometheus-io/lezer-promql').parser;
let parser: Parser | null = null;
const listeners = new Set<() => void>();
export function installPromqlParser(p: Parser) {
  parser = p;
  for (const l of listeners) l();
}
export const promqlParserReady = () => parser !== null;
export function onPromqlParser(l: () => void) {
  listeners.add(l);
  return () => void listeners.delete(l);
}

/**
 * Ad hoc filters (Grafana's "adhoc" variable): label matchers a reader adds to every query of a
 * dashboard. Each is written `key|op|value` in the URL, as Grafana writes them.
 */
export const ADHOC_OPS = ['=', '!=', '=~', '!~'] as const;
export type AdhocOp = (typeof ADHOC_OPS)[number];
export type AdhocFilter = { key: string; op: AdhocOp; value: string };

const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A filter from its URL text, or what is wrong with it. */
export function parseAdhoc(text: string): { ok: true; filter: AdhocFilter } | { ok: false; error: string } {
  const first = text.indexOf('|');
  const second = first < 0 ? -1 : text.indexOf('|', first + 1);
  if (second < 0) return { ok: false, error: `"${text.slice(0, 80)}" is not a filter (key|op|value)` };
  const key = text.slice(0, first);
  const op = text.slice(first + 1, second);
  const value = text.slice(second + 1);
  if (!LABEL.test(key)) return { ok: false, error: `"${key.slice(0, 80)}" is not a label name` };
  if (!(ADHOC_OPS as readonly string[]).includes(op))
    return { ok: false, error: `"${op.slice(0, 10)}" is not a matcher: one of ${ADHOC_OPS.join(' ')}` };
  if (op === '=~' || op === '!~') {
    try {
      new RegExp(`^(?:${value})$`);
    } catch {
      return { ok: false, error: `${key}${op}"${value.slice(0, 80)}": the regex does not compile` };
    }
  }
  return { ok: true, filter: { key, op: op as AdhocOp, value } };
}

export const formatAdhoc = (f: AdhocFilter) => `${f.key}|${f.op}|${f.value}`;

/** A filter as a PromQL label matcher. */
export const adhocMatcher = (f: AdhocFilter) => `${f.key}${f.op}"${escapeString(f.value)}"`;

/**
 * The query with the filters' matchers added to every series selector in it (inside functions,
 * aggregations, ranges and subqueries alike). A query that does not parse is left as it is:
 * Prometheus names its error.
 */
export function withAdhocFilters(expr: string, filters: readonly AdhocFilter[]): string {
  if (filters.length === 0) return expr;
  if (!parser) throw new Error('the PromQL parser the filters need is not loaded yet');
  const matchers = filters.map(adhocMatcher).join(', ');
  const tree = parser.parse(expr);
  const edits: { at: number; text: string }[] = [];
  let broken = false;
  tree.iterate({
    enter(n) {
      if (n.type.isError) broken = true;
      if (n.name !== 'VectorSelector') return;
      const braces = n.node.getChild('LabelMatchers');
      if (!braces) {
        edits.push({ at: n.to, text: `{${matchers}}` });
        return false;
      }
      const inside = expr.slice(braces.from + 1, braces.to - 1).trim();
      const sep = inside === '' || inside.endsWith(',') ? '' : ', ';
      edits.push({ at: braces.to - 1, text: `${sep}${matchers}` });
      return false;
    },
  });
  if (broken) return expr;
  let out = expr;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.at);
  return out;
}
