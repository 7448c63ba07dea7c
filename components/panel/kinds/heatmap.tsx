'use client';

import { seriesCsv } from '@/lib/charts/csv';
import { buildHeatmap, type Heatmap } from '@/lib/charts/heatmap';
import { buildChart } from '@/lib/charts/series';
import type { HeatmapPanelDef } from '@/lib/dashboards/types';
import { HeatmapChart } from '../heatmap-chart';
import { defineKind } from './define';
import type { PanelContext } from './types';
import { fromRange, useRangeData } from './use-range-data';

function useHeatmapData(def: HeatmapPanelDef, ctx: PanelContext) {
  const r = useRangeData(def, ctx);
  const first = r.results?.[0];
  const csv = () => {
    const c = buildChart([first!], [def.queries[0]?.legend ?? '{{le}}']);
    return seriesCsv(c.rows, c.series);
  };
  return fromRange(r, first ? buildHeatmap(first) : null, (h) => !(h.max > 0), first ? { csv } : {});
}

function HeatmapView({ def, data, ctx }: { def: HeatmapPanelDef; data: Heatmap; ctx: PanelContext }) {
  return <HeatmapChart heatmap={data} unit={def.unit} height={def.height} onZoom={ctx.onZoom} />;
}

export const heatmapKind = defineKind('heatmap', { useData: useHeatmapData, View: HeatmapView });
