/**
 * The console server's table of API routes, built from the route names in Next's build manifest
 * (`/api/traces/[traceId]/route`), so it lists exactly the route handlers under app/api/**.
 * Pure: matching and parameter decoding are tested without a server.
 */

export type RoutePattern = {
  /** the route as Next names it, without `/route`: `/api/traces/[traceId]` */
  route: string;
  /** one entry per path segment: a literal, or a parameter name */
  segments: ({ literal: string } | { param: string; catchAll: boolean })[];
};

export type RouteMatch<T> = { entry: T; params: Record<string, string | string[]> };

export class PathParamError extends Error {
  constructor(
    readonly param: string,
    readonly raw: string,
  ) {
    super(`invalid parameter "${param}": "${raw.slice(0, 80)}" is not valid percent-encoding`);
    this.name = 'PathParamError';
  }
}

/** `/api/traces/[traceId]/route` → the pattern; null for anything that is not an API route handler. */
export function parseRouteName(name: string): RoutePattern | null {
  if (!name.startsWith('/api/') || !name.endsWith('/route')) return null;
  const route = name.slice(0, -'/route'.length);
  const segments = route
    .split('/')
    .slice(1)
    .map((s) => {
      const m = /^\[(\.\.\.)?([^\]]+)\]$/.exec(s);
      return m ? { param: m[2]!, catchAll: Boolean(m[1]) } : { literal: s };
    });
  return { route, segments };
}

/** Literal segments outrank parameters at the first position they differ (`/traces/compare` before `/traces/[id]`). */
function rank(p: RoutePattern): string {
  return p.segments.map((s) => ('literal' in s ? '0' : 'catchAll' in s && s.catchAll ? '2' : '1')).join('');
}

export function sortPatterns<T extends { pattern: RoutePattern }>(entries: T[]): T[] {
  return [...entries].sort(
    (a, b) => rank(a.pattern).localeCompare(rank(b.pattern)) || a.pattern.route.localeCompare(b.pattern.route),
  );
}

function decodeSegment(param: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new PathParamError(param, raw);
  }
}

/**
 * The first entry whose pattern matches `pathname` (still percent-encoded), with its decoded
 * parameters. A parameter that is not valid percent-encoding throws PathParamError naming it.
 */
export function matchRoute<T extends { pattern: RoutePattern }>(
  sorted: readonly T[],
  pathname: string,
): RouteMatch<T> | null {
  const parts = pathname.split('/').slice(1);
  outer: for (const entry of sorted) {
    const segs = entry.pattern.segments;
    const params: Record<string, string | string[]> = {};
    const pending: [string, string][] = [];
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]!;
      if ('literal' in s) {
        if (parts[i] !== s.literal) continue outer;
      } else if (s.catchAll) {
        const rest = parts.slice(i);
        if (rest.length === 0 || rest.some((r) => r === '')) continue outer;
        params[s.param] = rest.map((r) => decodeSegment(s.param, r));
        return { entry, params: { ...params, ...decodeAll(pending) } };
      } else {
        const raw = parts[i];
        if (raw === undefined || raw === '') continue outer;
        pending.push([s.param, raw]);
      }
    }
    if (parts.length !== segs.length) continue;
    return { entry, params: { ...params, ...decodeAll(pending) } };
  }
  return null;
}

function decodeAll(pending: [string, string][]): Record<string, string> {
  return Object.fromEntries(pending.map(([k, v]) => [k, decodeSegment(k, v)]));
}

/**
 * The path with every segment that is not valid percent-encoding escaped (`%` → `%25`), so that
 * a page receives the text as it was typed and can say what is wrong with it.
 */
export function escapeMalformedPath(pathname: string): string {
  return pathname
    .split('/')
    .map((seg) => {
      try {
        decodeURIComponent(seg);
        return seg;
      } catch {
        return seg.replace(/%/g, '%25');
      }
    })
    .join('/');
}
