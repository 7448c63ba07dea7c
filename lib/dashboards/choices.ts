import type { PanelDef, QueryPanelDef } from './types';
import { hasQueries } from './types';

/** `pick=<panel id>:<choice>`, repeated: which of a panel's queries run (its `choices` selector). */
export const PICK_PARAM = 'pick';

/** Every choice a panel offers, in the order of its queries. */
export function panelChoices(def: QueryPanelDef): string[] {
  return [...new Set(def.queries.flatMap((q) => (q.choice ? [q.choice] : [])))];
}

/** The choices the URL picks for a panel (those it does not offer are ignored), else its defaults. */
export function pickedChoices(def: PanelDef, params: Pick<URLSearchParams, 'getAll'>): string[] | null {
  if (!hasQueries(def) || !def.choices) return null;
  const offered = new Set(panelChoices(def));
  const prefix = `${def.id}:`;
  const picked = params
    .getAll(PICK_PARAM)
    .filter((v) => v.startsWith(prefix))
    .map((v) => v.slice(prefix.length))
    .filter((c) => offered.has(c));
  return picked.length ? [...new Set(picked)] : def.choices.defaults.filter((c) => offered.has(c));
}

/**
 * The panel as drawn with these choices: only their queries (and those without a choice). With a
 * single choice left, dashes that told the choices apart are dropped.
 */
export function withChoices<D extends PanelDef>(def: D, picked: readonly string[] | null): D {
  if (!picked || !hasQueries(def)) return def;
  const keep = new Set(picked);
  const queries = def.queries
    .filter((q) => !q.choice || keep.has(q.choice))
    .map((q) => (keep.size === 1 && q.choice && q.dash ? { ...q, dash: undefined } : q));
  return { ...def, queries };
}
