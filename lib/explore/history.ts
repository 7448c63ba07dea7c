/**
 * Explore's query history: every query run, kept in the browser (localStorage), newest first,
 * at most HISTORY_MAX; starred ones are kept beyond that. Pure functions over the list, so the
 * rules are tested apart from the browser.
 */
export type HistoryEntry = { q: string; at: number; from: string; to: string; starred?: boolean };

export const HISTORY_KEY = 'shannon-console.explore-history';
export const HISTORY_MAX = 200;

/** The list after running `q`: it moves to the top (keeping its star), and the oldest unstarred go past the limit. */
export function remember(list: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const old = list.find((e) => e.q === entry.q);
  const next = [{ ...entry, ...(old?.starred ? { starred: true } : {}) }, ...list.filter((e) => e.q !== entry.q)];
  let unstarred = 0;
  return next.filter((e) => e.starred || ++unstarred <= HISTORY_MAX);
}

export function toggleStar(list: readonly HistoryEntry[], q: string): HistoryEntry[] {
  return list.map((e) => (e.q === q ? { ...e, starred: !e.starred } : e));
}

/** Entries whose query holds every word of the search (any case), starred first. */
export function searchHistory(list: readonly HistoryEntry[], text: string): HistoryEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = list.filter((e) => words.every((w) => e.q.toLowerCase().includes(w)));
  return [...hits.filter((e) => e.starred), ...hits.filter((e) => !e.starred)];
}

/** The stored list, or an empty one when it is missing or not ours (never throws). */
export function parseHistory(raw: string | null): HistoryEntry[] {
  try {
    const v: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(v)) return [];
    return v.filter(
      (e): e is HistoryEntry =>
        typeof e === 'object' && e !== null && typeof e.q === 'string' && typeof e.at === 'number',
    );
  } catch {
    return [];
  }
}

/** History entries to offer while typing `typed`: those holding it (any case), starred first, not the same text. */
export function historyCompletions(list: readonly HistoryEntry[], typed: string, max = 8): HistoryEntry[] {
  const t = typed.trim().toLowerCase();
  return searchHistory(list, '')
    .filter((e) => e.q !== typed.trim() && (t === '' || e.q.toLowerCase().includes(t)))
    .slice(0, max);
}

/**
 * Where Prometheus's parse error points, as an offset into `query`: its messages hold
 * "line:col: parse error" (1-based; after `invalid parameter "query": ` on the query endpoints);
 * null when the message names no position.
 */
export function errorOffset(query: string, message: string): number | null {
  const m = /(?:^|\s)(\d+):(\d+): parse error/.exec(message);
  if (!m) return null;
  const lines = query.split('\n');
  const line = Number(m[1]) - 1;
  if (line < 0 || line >= lines.length) return null;
  const before = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  return Math.min(query.length, before + Math.max(0, Number(m[2]) - 1));
}
