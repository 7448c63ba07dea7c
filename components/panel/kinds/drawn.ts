import type { PanelKind } from '@/lib/dashboards/types';

/**
 * The element each kind's view draws once it has drawn its data (a `data-testid`), for benches
 * and tests that wait until a panel is drawn, not only ready. A kind without one fails the typecheck.
 */
export const DRAWN_TESTID: Record<PanelKind, string> = {
  timeseries: 'series-line',
  heatmap: 'heatmap-level',
  table: 'panel-table',
  matrix: 'panel-matrix',
  stat: 'stat',
  gauge: 'gauge',
  bargauge: 'bargauge',
  piechart: 'piechart',
  barchart: 'barchart',
  text: 'panel-text',
};

/** A CSS selector matching what any kind draws. */
export const DRAWN_SELECTOR = Object.values(DRAWN_TESTID)
  .map((id) => `[data-testid=${id}]`)
  .join(', ');
