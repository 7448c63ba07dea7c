'use client';

import { buildHeatmap, type Heatmap } from '@/lib/charts/heatmap';
import type { HeatmapPanelDef } from '@/lib/dashboards/types';
import { HeatmapChart } from '../heatmap-chart';
import { defineKind } from './define';
import type { PanelContext } from './types';
import { fromRange, useRangeData } from './use-range-data';

function useHeatmapData(def: HeatmapPanelDef, ctx: PanelContext) {
  const r = useRangeData(def, ctx);
  const first = r.results?.[0];
  return fromRange(r, first ? buildHeatmap(first) : null, (h) => !(h.max > 0));
}

function HeatmapView({ def, data, ctx }: { def: HeatmapPanelDef; data: Heatmap; ctx: PanelContext }) {
  return <HeatmapChart heatmap={data} unit={def.unit} height={def.height} onZoom={ctx.onZoom} />;
}

export const heatmapKind = defineKind('heatmap', { useData: useHeatmapData, View: HeatmapView });
