import { labelMatcher } from '../prometheus/escape';
import type { VariableDef } from './types';

/**
 * The series selector whose label values a variable offers, chained as in Grafana: the values
 * of the variables before it on the page narrow it (`/llm?provider=openai` offers only the models
 * OpenAI served). Later variables never narrow earlier ones, so a choice can always be changed.
 */
export function variableSource(
  variables: readonly VariableDef[],
  name: string,
  vars: Readonly<Record<string, readonly string[]>>,
): string {
  const at = variables.findIndex((v) => v.name === name);
  if (at < 0) throw new Error(`no variable ${JSON.stringify(name)} on this dashboard`);
  const own = variables[at]!.source;
  const matchers = variables
    .slice(0, at)
    .map((v) => labelMatcher(v.name, vars[v.name] ?? []))
    .filter((m): m is string => m !== null);
  if (matchers.length === 0) return own;
  const close = own.lastIndexOf('}');
  if (close < 0) return `${own}{${matchers.join(',')}}`;
  const inside = own.slice(own.indexOf('{') + 1, close).trim();
  return `${own.slice(0, close)}${inside ? ',' : ''}${matchers.join(',')}${own.slice(close)}`;
}
