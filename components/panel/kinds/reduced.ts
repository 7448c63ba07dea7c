'use client';

import { reducedCsv } from '@/lib/charts/csv';
import { reduceResults, type ReducedSeries } from '@/lib/charts/reduce';
import type {
  BarChartPanelDef,
  BarGaugePanelDef,
  GaugePanelDef,
  PieChartPanelDef,
  StatPanelDef,
} from '@/lib/dashboards/types';
import type { PanelContext } from './types';
import { fromRange, useRangeData } from './use-range-data';

/** Stat, gauge, bar gauge, pie and bar charts: each series of every query reduced to one number. */
export function useReduced(
  def: StatPanelDef | GaugePanelDef | BarGaugePanelDef | PieChartPanelDef | BarChartPanelDef,
  ctx: PanelContext,
) {
  const r = useRangeData(def, ctx);
  const value = r.results
    ? reduceResults(
        r.results,
        def.queries.map((q) => q.legend),
        def.reduce,
      )
    : null;
  return fromRange<ReducedSeries[]>(r, value, (v) => v.every((s) => s.value === null), {
    ...(value ? { csv: () => reducedCsv(value) } : {}),
  });
}
