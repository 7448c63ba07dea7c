'use client';

import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { expandRepeats, repeatVariables } from '@/lib/dashboards/repeat';
import type { DashboardDef } from '@/lib/dashboards/types';
import { choicesRequest, fromPrometheus, keepByRegex, variableSource } from '@/lib/dashboards/variables';
import { variableChoicesOptions } from '@/lib/queries/prom';

/**
 * The dashboard's panels as drawn, its repeated panels made into one copy per value: the values
 * picked, or every value the variable offers (read as its control reads them, so one request
 * serves both).
 */
export function useRepeated(
  dashboard: DashboardDef,
  picked: Readonly<Record<string, readonly string[]>>,
  range: { start: number; end: number },
) {
  const asked = useMemo(
    () => repeatVariables(dashboard).filter((v) => fromPrometheus(v) && !picked[v.name]?.length),
    [dashboard, picked],
  );
  const offered = useQueries({
    queries: asked.map((v) =>
      variableChoicesOptions(
        choicesRequest(v, variableSource(dashboard.variables, v.name, picked)),
        range.start,
        range.end,
      ),
    ),
    // One string, so that the expansion below is worked out again only when a value list changes.
    combine: (answers) =>
      JSON.stringify(
        asked.map((v, i) => {
          const a = answers[i];
          if (a?.data) return [v.name, keepByRegex(a.data.values, v.regex)];
          return [v.name, a?.isError ? (a.error as Error).message : null];
        }),
      ),
  });
  return useMemo(() => {
    const known = new Map(JSON.parse(offered) as [string, string[] | string | null][]);
    const out = expandRepeats(
      dashboard,
      picked,
      // A variable whose values could not be read: its panels drawn once, with every value.
      (name) => {
        const k = known.get(name);
        return typeof k === 'string' ? [] : (k ?? undefined);
      },
      range.end - range.start,
    );
    for (const [name, k] of known)
      if (typeof k === 'string')
        out.notices.push(`The values of $${name} could not be read (${k}): its repeated panels are drawn once.`);
    return out;
  }, [dashboard, picked, offered, range.start, range.end]);
}
