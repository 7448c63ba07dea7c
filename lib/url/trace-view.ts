/**
 * The waterfall page's URL (DESIGN.md: `/traces/<32 hex>?span=<16 hex>`), plus what a person
 * would share: filters (`hide`, `minDuration`, `critical`), search (`q`, `matches`), clock-skew
 * adjustment (`adjust`), the zoomed time window (`zoom=a-b`, fractions of the trace) and the tab.
 * A malformed parameter falls back to its default with a notice.
 */
import { parseDurationNs } from '../traces/search';
import type { ViewSpec } from '../traces/view/window';

export type TraceTab = 'waterfall' | 'flame' | 'stats';

export type TracePageState = {
  span: string | null;
  hide: string[];
  minDurationNs: number;
  critical: boolean;
  q: string;
  matches: boolean;
  adjust: boolean;
  zoom: [number, number] | null;
  tab: TraceTab;
};

export const DEFAULT_TRACE_PAGE: TracePageState = {
  span: null,
  hide: [],
  minDurationNs: 0,
  critical: false,
  q: '',
  matches: false,
  adjust: false,
  zoom: null,
  tab: 'waterfall',
};

function flag(sp: URLSearchParams, name: string, notices: string[]): boolean {
  const v = sp.get(name);
  if (v === null || v === '0' || v === '') return false;
  if (v === '1') return true;
  notices.push(`Ignored ${name}="${v.slice(0, 20)}": use 1 or 0.`);
  return false;
}

export function parseTracePage(sp: URLSearchParams): { state: TracePageState; notices: string[] } {
  const notices: string[] = [];
  const state: TracePageState = { ...DEFAULT_TRACE_PAGE, hide: sp.getAll('hide').filter(Boolean) };
  const span = sp.get('span');
  if (span !== null && span !== '') {
    if (/^[0-9a-fA-F]{16}$/.test(span)) state.span = span.toLowerCase();
    else notices.push(`Ignored span="${span.slice(0, 40)}": a span id is 16 hex digits.`);
  }
  const md = sp.get('minDuration');
  if (md) {
    const ns = parseDurationNs(md);
    if (ns === null) notices.push(`Ignored minDuration="${md.slice(0, 40)}": use a duration such as 5ms or 1.5s.`);
    else state.minDurationNs = Number(ns);
  }
  state.critical = flag(sp, 'critical', notices);
  state.matches = flag(sp, 'matches', notices);
  state.adjust = flag(sp, 'adjust', notices);
  state.q = (sp.get('q') ?? '').slice(0, 200);
  const zoom = sp.get('zoom');
  if (zoom) {
    const z = parseZoom(zoom);
    if (z) state.zoom = z;
    else notices.push(`Ignored zoom="${zoom.slice(0, 40)}": use two fractions of the trace, such as 0.2-0.5.`);
  }
  const tab = sp.get('tab');
  if (tab === 'stats' || tab === 'flame') state.tab = tab;
  else if (tab && tab !== 'waterfall')
    notices.push(`Ignored tab="${tab.slice(0, 20)}": use waterfall, flame or stats.`);
  return { state, notices };
}

export function serializeTracePage(s: TracePageState): string {
  const sp = new URLSearchParams();
  if (s.span) sp.set('span', s.span);
  for (const h of s.hide) sp.append('hide', h);
  if (s.minDurationNs > 0) sp.set('minDuration', `${+(s.minDurationNs / 1e6).toFixed(3)}ms`);
  if (s.critical) sp.set('critical', '1');
  if (s.q) sp.set('q', s.q);
  if (s.matches) sp.set('matches', '1');
  if (s.adjust) sp.set('adjust', '1');
  if (s.zoom) sp.set('zoom', `${+s.zoom[0].toFixed(6)}-${+s.zoom[1].toFixed(6)}`);
  if (s.tab !== 'waterfall') sp.set('tab', s.tab);
  return sp.toString();
}

/** The rows API's view for this page state (and the collapse state, which lives in the page). */
export function pageView(
  s: TracePageState,
  collapse: { collapseAll: boolean; toggled: string[] } = { collapseAll: false, toggled: [] },
): ViewSpec {
  return {
    ...collapse,
    hideServices: s.hide,
    minDurationNs: s.minDurationNs,
    criticalOnly: s.critical,
    search: s.q,
    matchesOnly: s.matches,
  };
}

/** `zoom=a-b`: two fractions of the trace, a before b; null when it is not that. */
export function parseZoom(text: string): [number, number] | null {
  const m = /^(\d*\.?\d+)-(\d*\.?\d+)$/.exec(text);
  const a = m ? Number(m[1]) : NaN;
  const b = m ? Number(m[2]) : NaN;
  return m && a >= 0 && b <= 1 && b - a > 1e-6 ? [a, b] : null;
}
