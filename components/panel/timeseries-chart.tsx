'use client';

import { useId, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useRouter } from 'next/navigation';
import { LineChart, ReferenceArea, ResponsiveContainer, Tooltip, useActiveTooltipCoordinate, useActiveTooltipLabel, usePlotArea, useXAxisScale, useYAxisScale, XAxis, YAxis } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts/types/synchronisation/types';
import type { ChartExemplar } from '@/lib/charts/exemplars';
import { linePath, valueTicks, wallClockTicks } from '@/lib/charts/axes';
import type { ChartRow, ChartSeries } from '@/lib/charts/series';
import { formatTime, formatValue, type Unit } from '@/lib/format/units';
import { PointMenu } from './point-menu';

const NO_CONTENT = () => null;

/** Renders nothing: rendered on the server so that the page's HTML preloads this module's code. */
export function ChartCode() {
  return null;
}

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
  /** Thinned exemplars (t in ms): dots that open their trace. */
  exemplars?: ChartExemplar[];
  stepMs?: number;
  /** The service a click on a point searches traces in. */
  traceService?: string;
  thresholds?: { value: number; label: string }[];
  /** A full-width panel: room for twice the time labels. */
  wide?: boolean;
};

/**
 * A line chart with unit-aware axes, a crosshair synced across panels and drag-to-zoom. Recharts
 * draws the axes, grid, crosshair and tooltip; the lines are drawn in one layer from its scales (a
 * Recharts <Line> per series processes every point through its store: about half of Recharts' own
 * time in a dashboard's first render, measured with a CPU profile of /workflows).
 */
export function TimeseriesChart({ rows, series, unit, domain, min, max, height = 220, hidden, onZoom, exemplars = [], stepMs = 60_000, traceService, thresholds = [], wide = false }: TimeseriesChartProps) {
  const router = useRouter();
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const [menu, setMenu] = useState<{ t: number; x: number; y: number } | null>(null);
  const menuRow = menu ? rows.find((r) => r.t === menu.t) : undefined;
  const span = domain[1] - domain[0];
  // Ticks given and every one shown (interval 0): Recharts then measures no label text.
  const xTicks = wallClockTicks(domain[0], domain[1], wide ? 12 : 6);
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const shown = useMemo(() => series.filter((s) => !hidden.has(s.key)), [series, hidden]);
  const byTime = useMemo(() => new Map(rows.map((r) => [r.t, r])), [rows]);
  // The value axis: from 0 (or the panel's minimum) to a round number above the largest value
  // shown and every threshold line. Given as numbers, so Recharts does not scan the data for it.
  const y = valueTicks(min ?? 0, Math.max(min ?? 0, ...shown.map((s) => s.max ?? 0), ...thresholds.map((t) => t.value)), 5, max, unit);
  const at = (e: MouseHandlerDataParam): number | null => {
    const i = Number(e.activeTooltipIndex);
    return Number.isInteger(i) && rows[i] ? rows[i].t : null;
  };
  return (
      <div ref={setBox} className="relative select-none" style={{ height }} data-testid="chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={rows}
            syncId="dashboard"
            syncMethod="value"
            margin={{ top: 6, right: 12, bottom: 0, left: 0 }}
            onMouseDown={(e) => {
              const t = at(e);
              if (t !== null) setDrag({ a: t, b: t });
            }}
            onMouseMove={(e) => {
              const t = at(e);
              if (drag && t !== null) setDrag({ ...drag, b: t });
            }}
            onMouseUp={(e) => {
              if (drag && drag.a !== drag.b && onZoom) onZoom(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b));
              else if (drag && e.activeCoordinate) setMenu({ t: drag.a, x: e.activeCoordinate.x, y: e.activeCoordinate.y });
              setDrag(null);
            }}
            onMouseLeave={() => setDrag(null)}
          >
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={domain}
              ticks={xTicks}
              interval={0}
              tickFormatter={(t: number) => formatTime(t, span)}
              stroke="var(--chart-axis)"
              fontSize={11}
            />
            <YAxis
              tickFormatter={(v: number) => formatValue(v, unit)}
              stroke="var(--chart-axis)"
              fontSize={11}
              width={68}
              interval={0}
              domain={[min ?? 0, y.top]}
              ticks={y.ticks}
              allowDataOverflow
            />
            {/* Recharts keeps the crosshair and its sync across panels; the box is ours (below). */}
            <Tooltip isAnimationActive={false} content={NO_CONTENT} />
            <TooltipBox byTime={byTime} series={shown} unit={unit} container={box} />
            <LineLayer rows={rows} series={shown} grid={y.ticks} thresholds={thresholds} />
            {exemplars.length > 0 && <ExemplarLayer exemplars={exemplars} unit={unit} onOpen={(ex) => router.push(`/traces/${ex.traceId}${ex.spanId ? `?span=${ex.spanId}` : ''}`)} />}
            {drag && drag.a !== drag.b && (
              <ReferenceArea x1={Math.min(drag.a, drag.b)} x2={Math.max(drag.a, drag.b)} fill="#6366f1" fillOpacity={0.15} />
            )}
          </LineChart>
        </ResponsiveContainer>
        {menu && (
          <PointMenu
            t={menu.t}
            x={menu.x}
            y={menu.y}
            unit={unit}
            stepMs={stepMs}
            service={traceService}
            onClose={() => setMenu(null)}
            values={series
              .filter((s) => !hidden.has(s.key) && typeof menuRow?.[s.key] === 'number')
              .map((s) => ({ name: s.name, color: s.color, value: menuRow![s.key] as number }))
              .sort((a, b) => b.value - a.value)}
          />
        )}
      </div>
  );
}

/**
 * Exemplar markers, drawn in one layer from the chart's scales: one Recharts component per marker
 * costs a store subscription each, and a busy hour has hundreds of them.
 */
function ExemplarLayer({ exemplars, unit, onOpen }: { exemplars: ChartExemplar[]; unit: Unit; onOpen: (ex: ChartExemplar) => void }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  return (
    <g className="exemplars">
      {exemplars.map((ex) => {
        const cx = x(ex.t);
        const cy = y(ex.value);
        // Outside the plot (a value above a fixed maximum, a time outside the range): not drawn.
        if (cx === undefined || cy === undefined || cx < area.x || cx > area.x + area.width || cy < area.y || cy > area.y + area.height) return null;
        return (
          <g
            key={`${ex.traceId}-${ex.t}`}
            data-testid="exemplar"
            data-trace-id={ex.traceId}
            data-value={ex.value}
            role="link"
            aria-label={`Exemplar: trace ${ex.traceId}, ${formatValue(ex.value, unit)}`}
            className="cursor-pointer"
            onMouseDown={(e) => e.stopPropagation()}
            onClick={() => onOpen(ex)}
          >
            <title>{`trace ${ex.traceId.slice(0, 12)}… · ${formatValue(ex.value, unit)} · ${new Date(ex.t).toLocaleTimeString()}`}</title>
            <rect x={cx - 4} y={cy - 4} width={8} height={8} transform={`rotate(45 ${cx} ${cy})`} fill="#0f172a" fillOpacity={0.75} stroke="#fff" strokeWidth={1} />
          </g>
        );
      })}
    </g>
  );
}

/**
 * The horizontal grid (one line per value tick), every visible series as one SVG path each, and
 * the threshold lines with their labels on top, placed with the chart's own scales. (Recharts'
 * grid computes vertical positions it never draws, measuring every time label to do so.)
 */
function LineLayer({ rows, series, grid, thresholds }: { rows: ChartRow[]; series: ChartSeries[]; grid: number[]; thresholds: { value: number; label: string }[] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  // Clipped to the plot: a panel with a fixed maximum cuts what rises above it.
  const clip = `lines-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  if (!x || !y || !area) return null;
  return (
    <g className="chart-layer">
      <g className="chart-grid" aria-hidden>
        {grid.map((v) => {
          const py = y(v);
          return py === undefined ? null : <line key={v} x1={area.x} x2={area.x + area.width} y1={py} y2={py} stroke="var(--chart-grid)" strokeDasharray="3 3" />;
        })}
      </g>
      <g className="series-lines" clipPath={`url(#${clip})`}>
        <clipPath id={clip}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
        {series.map((s) => (
          <path
            key={s.key}
            data-testid="series-line"
            data-series={s.name}
            d={linePath(rows, (r) => r[s.key], x, y)}
            fill="none"
            stroke={s.color}
            strokeWidth={1.5}
            strokeDasharray={s.dash}
            strokeLinejoin="round"
          />
        ))}
      </g>
      {thresholds.map((t) => {
        const py = y(t.value);
        return py === undefined ? null : (
          <g key={t.label} data-testid="threshold" data-value={t.value}>
            <line x1={area.x} x2={area.x + area.width} y1={py} y2={py} stroke="#dc2626" strokeDasharray="4 4" />
            <text x={area.x + area.width - 4} y={py - 4} textAnchor="end" fontSize={10} fill="#dc2626" paintOrder="stroke" stroke="var(--chart-label-halo)" strokeWidth={3}>
              {t.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/**
 * The values at the hovered instant (or the instant another panel is hovered at), largest first,
 * in a box beside the crosshair. Only this component re-renders as the pointer moves.
 */
function TooltipBox({ byTime, series, unit, container }: { byTime: Map<number, ChartRow>; series: ChartSeries[]; unit: Unit; container: HTMLElement | null }) {
  const label = useActiveTooltipLabel();
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
      className="pointer-events-none absolute top-1 z-10 rounded border border-slate-200 bg-white/95 p-2 text-xs shadow dark:border-slate-700 dark:bg-slate-900/95"
      style={right ? { right: `calc(100% - ${at.x - 12}px)` } : { left: at.x + 12 }}
    >
      <p className="mb-1 font-medium">{new Date(row.t).toLocaleString()}</p>
      {values.map(({ s, v }) => (
        <p key={s.key} className="flex justify-between gap-4 whitespace-nowrap">
          <span style={{ color: s.color }}>{s.name}</span>
          <span className="font-mono">{formatValue(v, unit)}</span>
        </p>
      ))}
    </div>,
    container,
  );
}
