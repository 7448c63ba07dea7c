'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts/types/synchronisation/types';
import type { ChartExemplar } from '@/lib/charts/exemplars';
import type { ChartRow, ChartSeries } from '@/lib/charts/series';
import { formatTime, formatValue, type Unit } from '@/lib/format/units';
import { PointMenu } from './point-menu';

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
};

/** A line chart with unit-aware axes, a crosshair synced across panels and drag-to-zoom. */
export function TimeseriesChart({ rows, series, unit, domain, min, max, height = 220, hidden, onZoom, exemplars = [], stepMs = 60_000, traceService, thresholds = [] }: TimeseriesChartProps) {
  const router = useRouter();
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const [menu, setMenu] = useState<{ t: number; x: number; y: number } | null>(null);
  const menuRow = menu ? rows.find((r) => r.t === menu.t) : undefined;
  const span = domain[1] - domain[0];
  const at = (e: MouseHandlerDataParam): number | null => {
    const i = Number(e.activeTooltipIndex);
    return Number.isInteger(i) && rows[i] ? rows[i].t : null;
  };
  return (
      <div className="relative select-none" style={{ height }} data-testid="chart">
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
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={domain}
              tickFormatter={(t: number) => formatTime(t, span)}
              stroke="var(--chart-axis)"
              fontSize={11}
              minTickGap={40}
            />
            <YAxis
              tickFormatter={(v: number) => formatValue(v, unit)}
              stroke="var(--chart-axis)"
              fontSize={11}
              width={68}
              domain={[min ?? 0, max ?? 'auto']}
              allowDataOverflow={max !== undefined}
            />
            <Tooltip
              isAnimationActive={false}
              content={({ active, label, payload }) =>
                active && payload?.length ? (
                  <div className="rounded border border-slate-200 bg-white/95 p-2 text-xs shadow dark:border-slate-700 dark:bg-slate-900/95">
                    <p className="mb-1 font-medium">{new Date(Number(label)).toLocaleString()}</p>
                    {[...payload]
                      .sort((x, y) => Number(y.value ?? -Infinity) - Number(x.value ?? -Infinity))
                      .slice(0, 12)
                      .map((p) => (
                        <p key={String(p.dataKey)} className="flex justify-between gap-4">
                          <span style={{ color: p.color }}>{p.name}</span>
                          <span className="font-mono">{formatValue(p.value as number | null, unit)}</span>
                        </p>
                      ))}
                  </div>
                ) : null
              }
            />
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeDasharray={s.dash}
                dot={false}
                strokeWidth={1.5}
                hide={hidden.has(s.key)}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
            {thresholds.map((t) => (
              <ReferenceLine key={t.label} y={t.value} stroke="#dc2626" strokeDasharray="4 4" ifOverflow="extendDomain" label={{ value: t.label, position: 'insideTopRight', fontSize: 10, fill: '#dc2626' }} />
            ))}
            {exemplars.map((ex) => (
              <ReferenceDot
                key={`${ex.traceId}-${ex.t}`}
                x={ex.t}
                y={ex.value}
                ifOverflow="discard"
                shape={(p: { cx?: number; cy?: number }) => (
                  <g
                    data-testid="exemplar"
                    data-trace-id={ex.traceId}
                    data-value={ex.value}
                    role="link"
                    aria-label={`Exemplar: trace ${ex.traceId}, ${formatValue(ex.value, unit)}`}
                    className="cursor-pointer"
                    onMouseDown={(e) => e.stopPropagation()}
                    onClick={() => router.push(`/traces/${ex.traceId}${ex.spanId ? `?span=${ex.spanId}` : ''}`)}
                  >
                    <title>{`trace ${ex.traceId.slice(0, 12)}… · ${formatValue(ex.value, unit)} · ${new Date(ex.t).toLocaleTimeString()}`}</title>
                    <rect x={(p.cx ?? 0) - 4} y={(p.cy ?? 0) - 4} width={8} height={8} transform={`rotate(45 ${p.cx ?? 0} ${p.cy ?? 0})`} fill="#0f172a" fillOpacity={0.75} stroke="#fff" strokeWidth={1} />
                  </g>
                )}
              />
            ))}
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
