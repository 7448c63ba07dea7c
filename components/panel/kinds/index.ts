import { PANEL_KIND_NAMES, type PanelDef, type PanelKind } from '@/lib/dashboards/types';
import { barChartKind } from './barchart';
import { barGaugeKind } from './bargauge';
import { gaugeKind } from './gauge';
import { heatmapKind } from './heatmap';
import { pieChartKind } from './piechart';
import { statKind } from './stat';
import { matrixKind, tableKind } from './table';
import { textKind } from './text';
import { timeseriesKind } from './timeseries';
import type { KindEntry, PanelKinds } from './types';

/** Every panel kind: its data hook and its view. A kind missing here fails the typecheck. */
export const PANEL_KINDS: PanelKinds = {
  timeseries: timeseriesKind,
  heatmap: heatmapKind,
  table: tableKind,
  matrix: matrixKind,
  stat: statKind,
  gauge: gaugeKind,
  bargauge: barGaugeKind,
  piechart: pieChartKind,
  barchart: barChartKind,
  text: textKind,
};

/**
 * The registry's entry for a definition's kind, or null for a kind the console does not draw (a
 * dashboard from a file or an import may name anything; "constructor" is not a kind either).
 */
export function panelKind(kind: string): KindEntry<PanelDef> | null {
  if (!(PANEL_KIND_NAMES as readonly string[]).includes(kind)) return null;
  // The entry matches the definition by its kind; TypeScript cannot follow that through a lookup.
  return PANEL_KINDS[kind as PanelKind] as unknown as KindEntry<PanelDef>;
}

export type { PanelContext, PlannedRange } from './types';
