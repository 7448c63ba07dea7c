/**
 * The waterfall view as URL parameters, read the same way by the rows API and the page:
 * `hide` (service, repeatable), `minDuration` (`5ms`), `critical=1`, `q` (search text),
 * `matches=1`, and for the API only `collapseAll=1` and `toggle` (span ids, repeatable).
 */
import { parseDurationNs } from '../search';
import { DEFAULT_VIEW, type ViewSpec } from './window';

const SPAN_ID = /^[0-9a-f]{16}$/;
const MAX_TOGGLED = 5000;

export function viewFromParams(sp: URLSearchParams): { view: ViewSpec } | { error: string } {
  const view: ViewSpec = { ...DEFAULT_VIEW, toggled: [], hideServices: sp.getAll('hide').filter((s) => s !== '') };
  const md = sp.get('minDuration');
  if (md !== null && md !== '') {
    const ns = parseDurationNs(md);
    if (ns === null) return { error: `invalid minDuration "${md.slice(0, 40)}": use a duration such as 250ms or 1.5s` };
    view.minDurationNs = Number(ns);
  }
  for (const flag of ['critical', 'matches', 'collapseAll'] as const) {
    const v = sp.get(flag);
    if (v !== null && v !== '0' && v !== '1') return { error: `invalid ${flag} "${v.slice(0, 20)}": use 1 or 0` };
  }
  view.criticalOnly = sp.get('critical') === '1';
  view.matchesOnly = sp.get('matches') === '1';
  view.collapseAll = sp.get('collapseAll') === '1';
  view.search = (sp.get('q') ?? '').slice(0, 200);
  const toggled = sp.getAll('toggle');
  if (toggled.length > MAX_TOGGLED)
    return { error: `too many toggle values (${toggled.length}): at most ${MAX_TOGGLED}` };
  for (const t of toggled) {
    if (!SPAN_ID.test(t)) return { error: `invalid toggle "${t.slice(0, 40)}": expected a 16-hex span id` };
  }
  view.toggled = toggled;
  return { view };
}

export function viewToParams(v: ViewSpec, sp = new URLSearchParams()): URLSearchParams {
  for (const s of v.hideServices) sp.append('hide', s);
  if (v.minDurationNs > 0) sp.set('minDuration', `${v.minDurationNs / 1e6}ms`);
  if (v.criticalOnly) sp.set('critical', '1');
  if (v.search) sp.set('q', v.search);
  if (v.matchesOnly) sp.set('matches', '1');
  if (v.collapseAll) sp.set('collapseAll', '1');
  for (const t of v.toggled) sp.append('toggle', t);
  return sp;
}
