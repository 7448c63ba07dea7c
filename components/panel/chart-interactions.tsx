'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  useActiveTooltipCoordinate,
  useActiveTooltipLabel,
  usePlotArea,
  XAxis,
  YAxis,
} from 'recharts';
import { useTimeZone } from '@/components/hooks/time-zone';
import { type ChartRow, type ChartSeries, nearestRow } from '@/lib/charts/series';
import { formatDateTime } from '@/lib/format/time-zone';
import { seriesFigure } from '@/lib/charts/value-text';
import type { Unit } from '@/lib/format/units';
import { CHART_MARGIN } from './chart-margin';

const NO_CONTENT = () => null;

/** Renders nothing: rendered on the server so that the page's HTML preloads this module's code. */
export function InteractionsCode() {
  return null;
}

export type ChartInteractionsProps = {
  rows: ChartRow[];
  /** The series shown (the legend's hidden ones left out). */
  series: ChartSeries[];
  unit: Unit;
  domain: [number, number];
  yDomain: [number, number];
  /** The plot's place in the chart's box (CHART_MARGIN, wider on the right with a right axis). */
  margin?: { top: number; right: number; bottom: number; left: number };
  /** The chart's box: the tooltip is placed in it. */
  container: HTMLElement | null;
  onReady: () => void;
  onZoom?: (fromMs: number, toMs: number) => void;
  /** A click on an instant (x, y in the chart's px): the point menu. */
  onPoint: (p: { t: number; x: number; y: number }) => void;
};

/**
 * The interactive layer over a drawn chart: Recharts with its axes hidden and the same plot area,
 * for the crosshair (synced across every chart on the page), the values at the hovered instant,
 * drag-to-zoom and a click for the point menu. It draws nothing until the pointer is over a chart.
 */
export function ChartInteractions({
  rows,
  series,
  unit,
  domain,
  yDomain,
  margin = CHART_MARGIN,
  container,
  onReady,
  onZoom,
  onPoint,
}: ChartInteractionsProps) {
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const byTime = useMemo(() => new Map(rows.map((r) => [r.t, r])), [rows]);
  const root = useRef<HTMLDivElement>(null);
  // The instant under the pointer, from where it is (not from Recharts' active index, which is
  // set a frame after the pointer moves: a click straight after arriving would get the old one).
  const at = (e: React.MouseEvent): { t: number; x: number; y: number } | null => {
    const box = root.current?.getBoundingClientRect();
    if (!box || rows.length === 0) return null;
    const x = e.clientX - box.left;
    const width = box.width - margin.left - margin.right;
    if (width <= 0) return null;
    const t = domain[0] + ((x - margin.left) / width) * (domain[1] - domain[0]);
    const row = nearestRow(rows, t);
    return row ? { t: row.t, x, y: e.clientY - box.top } : null;
  };
  return (
    <div ref={root} className="absolute inset-0" data-testid="chart-interactions">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={rows}
          syncId="dashboard"
          syncMethod="value"
          margin={margin}
          onMouseDown={(_, e) => {
            const p = at(e);
            if (p) setDrag({ a: p.t, b: p.t });
          }}
          onMouseMove={(_, e) => {
            const p = at(e);
            if (drag && p) setDrag({ ...drag, b: p.t });
          }}
          onMouseUp={(_, e) => {
            const p = at(e);
            if (drag && drag.a !== drag.b && onZoom) onZoom(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b));
            else if (drag && p) onPoint({ t: drag.a, x: p.x, y: p.y });
            setDrag(null);
          }}
          onMouseLeave={() => setDrag(null)}
        >
          <XAxis dataKey="t" type="number" scale="time" domain={domain} hide />
          <YAxis domain={yDomain} hide allowDataOverflow />
          <Tooltip isAnimationActive={false} content={NO_CONTENT} />
          <TooltipBox byTime={byTime} series={series} unit={unit} container={container} />
          <ReadyWhenLaidOut onReady={onReady} />
          {drag && drag.a !== drag.b && (
            <ReferenceArea
              x1={Math.min(drag.a, drag.b)}
              x2={Math.max(drag.a, drag.b)}
              fill="#6366f1"
              fillOpacity={0.15}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * Says the layer is ready once Recharts has measured and laid out its plot. ResponsiveContainer draws
 * nothing on its first render (it has no size until its ResizeObserver reports): a click in that frame
 * reached no chart, so "ready" on mount let a quick click open no point menu.
 */
function ReadyWhenLaidOut({ onReady }: { onReady: () => void }) {
  const area = usePlotArea();
  const laidOut = !!area && area.width > 0 && area.height > 0;
  useEffect(() => {
    if (laidOut) onReady();
  }, [laidOut, onReady]);
  return null;
}

/**
 * The values at the hovered instant (or the instant another panel is hovered at), largest first,
 * in a box beside the crosshair. Only this component re-renders as the pointer moves.
 */
function TooltipBox({
  byTime,
  series,
  unit,
  container,
}: {
  byTime: Map<number, ChartRow>;
  series: ChartSeries[];
  unit: Unit;
  container: HTMLElement | null;
}) {
  const label = useActiveTooltipLabel();
  const timeZone = useTimeZone();
  const at = useActiveTooltipCoordinate();
  const area = usePlotArea();
  const row = label === undefined || label === null ? undefined : byTime.get(Number(label));
  if (!row || !at || !area || !container) return null;
  const values = series
    .map((s) => ({ s, v: row[s.key] }))
    .filter((p): p is { s: ChartSeries; v: number } => typeof p.v === 'number')
    .sort((a, b) => b.v - a.v)
    .slice(0, 12);
  if (values.length === 0) return null;
  const right = at.x > area.x + area.width / 2;
  return createPortal(
    <div
      data-testid="chart-tooltip"
      className="pointer-events-none absolute top-1 z-10 rounded border border-slate-200 bg-white/95 p-2 text-xs text-slate-900 shadow dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-100"
      style={right ? { right: `calc(100% - ${at.x - 12}px)` } : { left: at.x + 12 }}
    >
      <p className="mb-1 font-medium" data-testid="tooltip-time">
        {formatDateTime(row.t, timeZone)}
      </p>
      {values.map(({ s, v }) => (
        <p key={s.key} className="flex justify-between gap-4 whitespace-nowrap">
          <span style={{ color: s.color }}>{s.name}</span>
          <span className="font-mono">{seriesFigure(s, unit, v)}</span>
        </p>
      ))}
    </div>,
    container,
  );
}
