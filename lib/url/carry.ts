/** The view settings that follow a person from page to page; variables stay with their page. */
export const CARRIED_PARAMS = ['from', 'to', 'refresh', 'tz'] as const;

/** `href` (a path without a query) with the carried settings of the current URL's query. */
export function carryView(href: string, current: Pick<URLSearchParams, 'get'>): string {
  const qs = new URLSearchParams();
  for (const k of CARRIED_PARAMS) {
    const v = current.get(k);
    if (v !== null && v !== '') qs.set(k, v);
  }
  const s = qs.toString();
  return s ? `${href}?${s}` : href;
}
