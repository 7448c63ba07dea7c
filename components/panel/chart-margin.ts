/**
 * Where a line chart's plot sits inside its box, in px: the value axis's labels to the left, the
 * time axis's below. The drawn chart and the interactive layer laid over it both use these, so
 * the crosshair lands on the lines.
 */
export const CHART_MARGIN = { top: 6, right: 12, bottom: 30, left: 68 } as const;
