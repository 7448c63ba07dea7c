/** Alert rules as the console shows them: state, what they concern, and "no data" when their metric is absent. */
import type { RulesData } from '../prometheus/envelope';

export type AlertRule = {
  name: string;
  group: string;
  state: 'firing' | 'pending' | 'inactive';
  health: string;
  lastError?: string;
  severity: string;
  page: string;
  summary: string;
  /** the metric the rule reads (annotation `requires`) */
  requires?: string;
  activeAt?: string;
  /** the rule's metric has no series in Prometheus: an inactive rule here means nothing */
  noData: boolean;
};

const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** The metrics the rules require, for one `count by (__name__)` query. */
export function requiredMetrics(data: RulesData): string[] {
  const out = new Set<string>();
  for (const g of data.groups)
    for (const r of g.rules)
      if (r.type === 'alerting' && r.annotations?.requires && METRIC.test(r.annotations.requires))
        out.add(r.annotations.requires);
  return [...out].sort();
}

export function presenceQuery(metrics: string[]): string | null {
  return metrics.length ? `count by (__name__) ({__name__=~"${metrics.join('|')}"})` : null;
}

export function alertRules(data: RulesData, present: Set<string>): AlertRule[] {
  const out: AlertRule[] = [];
  for (const g of data.groups) {
    for (const r of g.rules) {
      if (r.type !== 'alerting') continue;
      const states = (r.alerts ?? []).map((a) => a.state);
      const state = states.includes('firing') ? 'firing' : states.includes('pending') ? 'pending' : 'inactive';
      const requires = r.annotations?.requires;
      const rule: AlertRule = {
        name: r.name,
        group: g.name,
        state,
        health: r.health,
        severity: r.labels?.severity ?? 'none',
        page: r.labels?.page ?? '',
        summary: r.annotations?.summary ?? '',
        noData: requires !== undefined && !present.has(requires),
      };
      if (r.lastError) rule.lastError = r.lastError;
      if (requires) rule.requires = requires;
      const first = (r.alerts ?? [])
        .map((a) => a.activeAt)
        .filter((x): x is string => !!x)
        .sort()[0];
      if (first) rule.activeAt = first;
      out.push(rule);
    }
  }
  const rank = { firing: 0, pending: 1, inactive: 2 };
  return out.sort((a, b) => rank[a.state] - rank[b.state] || a.name.localeCompare(b.name));
}
