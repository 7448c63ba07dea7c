import type { DashboardLink, PanelLink } from './types';
import { ADHOC, AS_WRITTEN, REGEX_ONLY } from './variables';

/**
 * Dashboard and panel links (Grafana's `links`), with what Grafana writes into them: the page's
 * variables and its time range. A link goes only to http(s), mailto, or a page of the console:
 * whatever a variable's value puts into it, anything else is not drawn as a link.
 */

/** A URL a link may have as written: absolute http(s) or mailto, or a path in the console. */
export function linkUrlAllowed(url: string): boolean {
  const u = url.trim();
  if (u.startsWith('$')) return true; // a variable; checked again once filled in
  if (/^(\/(?!\/)|\?|#)/.test(u)) return true;
  return /^(https?:\/\/|mailto:)/i.test(u);
}

export type LinkContext = {
  /** The values the panels are drawn with (effectiveVars), keyed as the template reads them. */
  vars: Readonly<Record<string, readonly string[]>>;
  /** The page's range, in ms. */
  fromMs: number;
  toMs: number;
};

/** Each variable once: its name and values (ad hoc filters as key|op|value). */
function namedValues(vars: LinkContext['vars']): [string, readonly string[]][] {
  return Object.entries(vars).map(([k, v]) => [
    k.startsWith(REGEX_ONLY) || k.startsWith(AS_WRITTEN) || k.startsWith(ADHOC) ? k.slice(1) : k,
    v,
  ]);
}

const query = (pairs: [string, readonly string[]][]) =>
  pairs
    .flatMap(([name, values]) => values.map((v) => `${encodeURIComponent(name)}=${encodeURIComponent(v)}`))
    .join('&');

/**
 * `${__url_time_range}` (from=…&to=…, in ms), `${__all_variables}` (every variable as name=value),
 * `${name:queryparam}` (name=value for each value), and `$name` / `${name}` / `[[name]]` (its values,
 * comma-joined), each URL-encoded.
 */
export function fillLink(url: string, ctx: LinkContext): string {
  const named = new Map(namedValues(ctx.vars));
  const range = `from=${Math.round(ctx.fromMs)}&to=${Math.round(ctx.toMs)}`;
  return url.replace(
    /\$\{__url_time_range\}|\$__url_time_range|\$\{__all_variables\}|\$__all_variables|\$\{(\w+)(?::(\w+))?\}|\[\[(\w+)\]\]|\$(\w+)/g,
    (m, braced?: string, format?: string, bracketed?: string, bare?: string) => {
      if (m.includes('__url_time_range')) return range;
      if (m.includes('__all_variables')) return query([...named]);
      const name = braced ?? bracketed ?? bare ?? '';
      const values = named.get(name);
      if (values === undefined) return m;
      if (format === 'queryparam') return query([[name, values]]);
      return encodeURIComponent(values.join(','));
    },
  );
}

/** What a link is drawn as: its text, where it goes (null when that is not allowed), and how. */
export type ResolvedLink = { title: string; href: string | null; newTab: boolean; tooltip?: string };

const joinQuery = (href: string, q: string) => (q ? `${href}${href.includes('?') ? '&' : '?'}${q}` : href);

export function resolveLink(link: DashboardLink | PanelLink, ctx: LinkContext): ResolvedLink {
  const d = link as DashboardLink;
  let href = d.tags?.length
    ? `/dashboards?tag=${encodeURIComponent(d.tags[0]!)}` // the list narrows by one tag
    : fillLink(link.url ?? '', ctx);
  if (d.keepTime) href = joinQuery(href, `from=${Math.round(ctx.fromMs)}&to=${Math.round(ctx.toMs)}`);
  if (d.includeVars) href = joinQuery(href, query(namedValues(ctx.vars)));
  const allowed = linkUrlAllowed(href) && !href.trim().startsWith('$');
  return {
    title: link.title,
    href: allowed ? href : null,
    newTab: !!link.newTab,
    ...(d.tooltip ? { tooltip: d.tooltip } : {}),
  };
}
