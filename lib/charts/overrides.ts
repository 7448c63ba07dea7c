import type { SeriesOverride } from '../dashboards/types';
import type { ChartSeries } from './series';

/** A compiled override: the series it matches, and what it sets. */
type Compiled = { test: (name: string) => boolean; o: SeriesOverride };

/**
 * An override's regex as written, or an error naming it: a dashboard with a bad pattern shows the
 * problem instead of failing to draw.
 */
function compile(o: SeriesOverride): Compiled | { error: string } {
  if ('name' in o.match) {
    const name = o.match.name;
    return { test: (n) => n === name, o };
  }
  try {
    const re = new RegExp(o.match.regex);
    return { test: (n) => re.test(n), o };
  } catch (e) {
    return { error: `override regex /${o.match.regex}/ is not valid: ${(e as Error).message}` };
  }
}

/**
 * The series with the overrides applied (colour, axis, drawing style, display name; later
 * overrides win; every override matches the series' own name), the
 * keys of the series that start hidden, and the problems found in the overrides.
 */
export function applyOverrides(
  series: ChartSeries[],
  overrides: readonly SeriesOverride[] = [],
): { series: ChartSeries[]; hidden: string[]; problems: string[] } {
  if (overrides.length === 0) return { series, hidden: [], problems: [] };
  const compiled: Compiled[] = [];
  const problems: string[] = [];
  for (const o of overrides) {
    const c = compile(o);
    if ('error' in c) problems.push(c.error);
    else compiled.push(c);
  }
  const hidden: string[] = [];
  const out = series.map((s) => {
    let next = s;
    let hide = false;
    for (const { test, o } of compiled) {
      if (!test(s.name)) continue;
      next = { ...next };
      if (o.color) next.color = o.color;
      if (o.axis === 'right') next.axis = 'right';
      if (o.axis === 'left') delete next.axis;
      if (o.draw) next.draw = o.draw;
      if (o.displayName) next.name = o.displayName;
      if (o.hidden !== undefined) hide = o.hidden;
    }
    if (hide) hidden.push(s.key);
    return next;
  });
  return { series: out, hidden, problems };
}
