import { parseTimeExpr, REFRESH_OPTIONS, type RefreshOption } from '../url/time';
import { isObj, type Json, str } from './grafana-fields';
import type { ImportReport } from './grafana';
import { linkUrlAllowed } from './links';
import type { DashboardDef, DashboardLink, PanelLink } from './types';

/**
 * Grafana's dashboard links, panel links, default time range and auto-refresh → the console's
 * (issue 16). What does not come across is reported.
 */

/** The range and auto-refresh a dashboard opens with when the URL names none. */
export function importTime(d: Json, report: ImportReport): Pick<DashboardDef, 'time' | 'refresh'> {
  const out: Pick<DashboardDef, 'time' | 'refresh'> = {};
  if (isObj(d.time)) {
    const from = str(d.time.from).trim();
    const to = str(d.time.to, 'now').trim();
    if (parseTimeExpr(from) && parseTimeExpr(to)) out.time = { from, to };
    else
      report.changed.push({ where: 'time', what: `"${from}" to "${to}" is not a range the console reads: last hour` });
  }
  const refresh = str(d.refresh);
  if (refresh && (REFRESH_OPTIONS as readonly string[]).includes(refresh)) out.refresh = refresh as RefreshOption;
  else if (refresh)
    report.changed.push({
      where: 'refresh',
      what: `auto-refresh every ${refresh} is not offered (${REFRESH_OPTIONS.join(', ')}): off`,
    });
  return out;
}

/** The links at the top of the dashboard: to a URL, or to the dashboards with a tag. */
export function importLinks(d: Json, report: ImportReport): DashboardLink[] | undefined {
  const out: DashboardLink[] = [];
  (Array.isArray(d.links) ? d.links : []).filter(isObj).forEach((l, i) => {
    const where = `link ${i + 1} "${str(l.title)}"`;
    const common = {
      ...(l.targetBlank === true ? { newTab: true } : {}),
      ...(l.keepTime === true ? { keepTime: true } : {}),
      ...(l.includeVars === true ? { includeVars: true } : {}),
      ...(str(l.tooltip) ? { tooltip: str(l.tooltip).slice(0, 500) } : {}),
    };
    const tags = (Array.isArray(l.tags) ? l.tags : []).filter((t): t is string => typeof t === 'string');
    if (str(l.type) === 'dashboards') {
      if (!tags.length) return report.notImported.push({ where, what: 'a list of dashboards without tags' });
      out.push({
        title: str(l.title, `Dashboards tagged ${tags[0]}`) || 'Dashboards',
        tags: tags.slice(0, 10),
        ...common,
      });
      if (tags.length > 1)
        report.changed.push({ where, what: `lists the dashboards tagged ${tags[0]} (the first tag)` });
    } else {
      const url = str(l.url).trim();
      if (!url || !linkUrlAllowed(url))
        return report.notImported.push({
          where,
          what: `its URL "${url.slice(0, 100)}" is not http(s), mailto or a path`,
        });
      out.push({ title: str(l.title, url).slice(0, 200) || url, url, ...common });
    }
    report.imported.push(where);
  });
  return out.length ? out : undefined;
}

/** A panel's links (Grafana's panel `links`), those whose URL may be followed. */
export function panelLinks(p: Json, note: (what: string) => void): { links?: PanelLink[] } {
  const out: PanelLink[] = [];
  for (const l of (Array.isArray(p.links) ? p.links : []).filter(isObj)) {
    const url = str(l.url).trim();
    if (!url || !linkUrlAllowed(url)) note(`link "${str(l.title)}": its URL is not http(s), mailto or a path`);
    else
      out.push({
        title: str(l.title, url).slice(0, 200) || url,
        url,
        ...(l.targetBlank === true ? { newTab: true } : {}),
      });
  }
  const defaults = isObj(p.fieldConfig) && isObj(p.fieldConfig.defaults) ? p.fieldConfig.defaults : {};
  if (Array.isArray(defaults.links) && defaults.links.length)
    note('data links on its values: not imported (its panel links are)');
  return out.length ? { links: out.slice(0, 20) } : {};
}
