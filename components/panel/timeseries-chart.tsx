'use client';

import dynamic from 'next/dynamic';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTimeZone } from '@/components/hooks/time-zone';
import type { ChartExemplar } from '@/lib/charts/exemplars';
import { wallClockTicks } from '@/lib/charts/axes';
import { layoutChart, VIEW } from '@/lib/charts/draw';
import type { ChartRow, ChartSeries } from '@/lib/charts/series';
import type { DrawStyle, ThresholdLine } from '@/lib/dashboards/types';
import { zoneOffsetMin } from '@/lib/format/time-zone';
import { formatTime, type Unit } from '@/lib/format/units';
import { cssColor } from '@/lib/charts/reduce';
import { CHART_MARGIN } from './chart-margin';
import { pct, SeriesPaths, ValueAxis } from './chart-layers';
import { useIdleFlag } from './idle-mount';
import { AnnotationMarks } from './annotation-marks';
import { ExemplarMarks } from './exemplar-marks';
import { KeyCursor, useChartKeys } from './chart-keys';
import type { Annotation } from '@/lib/annotations/detect';

// Recharts (crosshair synced across panels, tooltip, drag to zoom) arrives after the chart is
// drawn, when the page is idle or when the pointer reaches the chart.
const ChartInteractions = dynamic(() => import('./chart-interactions').then((m) => m.ChartInteractions), {
  ssr: false,
});

// The point menu (trace search, its schemas) opens after a click: its code is not in the page's first load.
const PointMenu = dynamic(() => import('./point-menu').then((m) => m.PointMenu), { ssr: false });

/** Renders nothing: rendered on the server so that the page's HTML preloads the interaction code. */
export const InteractionsCode = dynamic(() => import('./chart-interactions').then((m) => m.InteractionsCode));

export type TimeseriesChartProps = {
  rows: ChartRow[];
  series: ChartSeries[];
  unit: Unit;
  domain: [number, number];
  min?: number;
  max?: number;
  height?: number;
  /** Series keys the legend has switched off. */
  hidden: Set<string>;
  /** Called with an epoch-ms window when the person drags across the chart. */
  onZoom?: (fromMs: number, toMs: number) => void;
  /** Thinned exemplars (t in ms): markers that open their trace. */
  exemplars?: ChartExemplar[];
  stepMs?: number;
  /** The service a click on a point searches traces in. */
  traceService?: string;
  thresholds?: ThresholdLine[];
  /** A full-width panel: room for twice the time labels. */
  wide?: boolean;
  /** The right axis, for series with `axis: 'right'` (its unit and bounds). */
  right?: { unit: Unit; min?: number; max?: number };
  /** Lines (default), bars or points; a series may have its own (ChartSeries.draw). */
  draw?: DrawStyle;
  /** Each axis's series stacked on one another, as areas. */
  stack?: boolean;
  /** Changes marked on the time axis (alerts, kill switch, versions, canary steps). */
  annotations?: readonly Annotation[];
  /** The histogram's top finite bucket, for the point menu ("≥ 10 s"). */
  quantileCeiling?: number;
};

const NO_LINES: ThresholdLine[] = [];
const NO_ANNOTATIONS: readonly Annotation[] = [];

/** Where the plot sits with a right axis: room for its labels. */
const RIGHT_AXIS_WIDTH = 60;

/**
 * A line chart drawn without measuring anything: the plot is an SVG stretched to the panel
 * (lines keep their width), axis labels are placed in percent. The server renders it with the
 * page, so a panel shows its lines before any script runs; hydration only attaches to it. The
 * interactive layer (Recharts: crosshair synced across panels, tooltip, drag to zoom, point
 * menu) is laid over the same plot area once the page is idle.
 */
export function TimeseriesChart({
  rows,
  series,
  unit,
  domain,
  min,
  max,
  height = 220,
  hidden,
  onZoom,
  exemplars = [],
  stepMs = 60_000,
  traceService,
  thresholds = NO_LINES,
  wide = false,
  right,
  draw = 'line',
  stack = false,
  annotations = NO_ANNOTATIONS,
  quantileCeiling,
}: TimeseriesChartProps) {
  const timeZone = useTimeZone();
  const [interactive, wake] = useIdleFlag();
  const [ready, setReady] = useState(false);
  const onReady = useCallback(() => setReady(true), []);
  const [menu, setMenu] = useState<{ t: number; x: number; y: number } | null>(null);
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const clip = `plot-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [d0, d1] = domain;
  const span = d1 - d0;
  const xTicks = wallClockTicks(d0, d1, wide ? 12 : 6, zoneOffsetMin(d0, timeZone));
  const shown = useMemo(() => series.filter((s) => !hidden.has(s.key)), [series, hidden]);
  const { y, fy, yR, fyR, rightUnit, fx, paths } = useMemo(
    () => layoutChart({ rows, shown, domain: [d0, d1], stepMs, unit, min, max, right, thresholds, draw, stack }),
    [rows, shown, d0, d1, stepMs, unit, min, max, right, thresholds, draw, stack],
  );
  const bottom = min ?? 0;
  const menuRow = menu ? rows.find((r) => r.t === menu.t) : undefined;
  const margin = yR ? { ...CHART_MARGIN, right: RIGHT_AXIS_WIDTH } : CHART_MARGIN;
  const plot = { left: margin.left, right: margin.right, top: margin.top, bottom: margin.bottom };
  // Enter on a focused chart: the point menu at the keyboard cursor's instant, placed as a click would.
  const keys = useChartKeys(rows, (t) => {
    const width = (box?.clientWidth ?? 0) - margin.left - margin.right;
    setMenu({ t, x: margin.left + fx(t) * Math.max(0, width), y: height / 3 });
  });

  return (
    <div
      ref={setBox}
      className="relative select-none text-[11px] text-[color:var(--chart-axis)]"
      style={{ height }}
      data-testid="chart"
      data-interactive={ready ? 'true' : 'false'}
      onPointerEnter={wake}
      onFocus={wake}
      tabIndex={0}
      aria-label={`Chart. Arrow keys move along time, Enter shows the traces at that instant.`}
      onKeyDown={keys.onKeyDown}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) keys.clear();
      }}
    >
      {/* Value axes: labels beside the plot's left edge, and its right edge for a second unit. */}
      <ValueAxis side="left" ticks={y.ticks} at={fy} unit={unit} plot={plot} />
      {yR && <ValueAxis side="right" ticks={yR.ticks} at={fyR} unit={rightUnit} plot={plot} />}
      {/* Time axis: labels under the plot, in the viewer's time zone. */}
      <div
        aria-hidden
        className="absolute bottom-0"
        style={{ left: plot.left, right: plot.right, height: plot.bottom }}
      >
        {xTicks.map((t) => (
          <span
            key={t}
            className="absolute top-0 flex -translate-x-1/2 flex-col items-center whitespace-nowrap leading-none"
            style={{ left: pct(fx(t)) }}
          >
            <span className="h-1.5 w-px bg-[color:var(--chart-axis)]" />
            <span className="mt-1" data-testid="time-tick">
              {formatTime(t, span, timeZone)}
            </span>
          </span>
        ))}
      </div>
      <div className="absolute" style={plot}>
        <svg
          className="absolute inset-0 h-full w-full overflow-visible"
          viewBox={`0 0 ${VIEW} ${VIEW}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`${shown.length} series over ${formatTime(d0, span, timeZone)} to ${formatTime(d1, span, timeZone)}`}
        >
          <clipPath id={clip}>
            <rect x={0} y={0} width={VIEW} height={VIEW} />
          </clipPath>
          <g aria-hidden>
            {y.ticks.map((v) => (
              <line
                key={v}
                x1={0}
                x2={VIEW}
                y1={fy(v) * VIEW}
                y2={fy(v) * VIEW}
                stroke="var(--chart-grid)"
                strokeDasharray="3 3"
                vectorEffect="non-scaling-stroke"
              />
            ))}
            <line x1={0} x2={0} y1={0} y2={VIEW} stroke="var(--chart-axis)" vectorEffect="non-scaling-stroke" />
            {yR && (
              <line x1={VIEW} x2={VIEW} y1={0} y2={VIEW} stroke="var(--chart-axis)" vectorEffect="non-scaling-stroke" />
            )}
            <line x1={0} x2={VIEW} y1={VIEW} y2={VIEW} stroke="var(--chart-axis)" vectorEffect="non-scaling-stroke" />
          </g>
          <g clipPath={`url(#${clip})`}>
            <SeriesPaths paths={paths} />
          </g>
        </svg>
        {thresholds.map((t) => (
          <div
            key={t.label}
            data-testid="threshold"
            data-value={t.value}
            className="pointer-events-none absolute inset-x-0 h-0"
            style={{ top: pct(t.axis === 'right' ? fyR(t.value) : fy(t.value)) }}
          >
            <svg aria-hidden className="absolute left-0 top-0 h-px w-full overflow-visible">
              <line x1="0" x2="100%" y1="0" y2="0" stroke={cssColor(t.color ?? 'red')} strokeDasharray="4 4" />
            </svg>
            <span
              className="chart-halo absolute bottom-0.5 right-1 whitespace-nowrap text-[10px] leading-none"
              style={{ color: cssColor(t.color ?? 'red') }}
            >
              {t.label}
            </span>
          </div>
        ))}
      </div>
      {interactive && (
        <ChartInteractions
          rows={rows}
          series={shown}
          unit={unit}
          domain={domain}
          yDomain={[bottom, y.top]}
          margin={margin}
          container={box}
          onReady={onReady}
          onZoom={onZoom}
          onPoint={setMenu}
        />
      )}
      {keys.row && (
        <div className="pointer-events-none absolute z-[6]" style={plot}>
          <KeyCursor row={keys.row} series={shown} unit={unit} fx={fx} timeZone={timeZone} />
        </div>
      )}
      {annotations.length > 0 && (
        <div className="pointer-events-none absolute z-[4]" style={plot}>
          <AnnotationMarks annotations={annotations} fx={fx} timeZone={timeZone} />
        </div>
      )}
      {/* Above the interactive layer, so that a click on a marker opens its trace. */}
      {exemplars.length > 0 && (
        <div className="pointer-events-none absolute z-[5]" style={plot}>
          <ExemplarMarks exemplars={exemplars} fx={fx} fy={fy} unit={unit} timeZone={timeZone} />
        </div>
      )}
      {menu && (
        <PointMenu
          t={menu.t}
          x={menu.x}
          y={menu.y}
          unit={unit}
          stepMs={stepMs}
          service={traceService}
          onClose={() => {
            setMenu(null);
            box?.focus(); // back where the keyboard was (the menu held focus)
          }}
          ceiling={quantileCeiling}
          values={shown
            // A compared series is another window's: its traces are not at this point.
            .filter((s) => !s.compare && typeof menuRow?.[s.key] === 'number')
            .map((s) => ({
              name: s.name,
              color: s.color,
              value: menuRow![s.key] as number,
              ...(s.unit ? { unit: s.unit } : {}),
              ...(s.labels ? { labels: s.labels } : {}),
            }))
            .sort((a, b) => b.value - a.value)}
        />
      )}
    </div>
  );
}
