'use client';

import { useState } from 'react';
import { bucketLabel, type Heatmap } from '@/lib/charts/heatmap';
import { formatTime, formatValue, type Unit } from '@/lib/format/units';

export type HeatmapChartProps = { heatmap: Heatmap; unit: Unit; height?: number };

const LEFT = 96;
const BOTTOM = 22;

/** Time × bucket grid; darker is more requests per second in that bucket. Hover a cell for its numbers. */
/** Renders nothing: rendered on the server so that the page's HTML preloads this module's code. */
export function HeatmapCode() {
  return null;
}

export function HeatmapChart({ heatmap: h, unit, height = 260 }: HeatmapChartProps) {
  const [hover, setHover] = useState<{ r: number; c: number } | null>(null);
  const rows = h.bounds.length;
  const cols = h.times.length;
  const span = (h.times[cols - 1] ?? 0) - (h.times[0] ?? 0);
  const fmt = (v: number) => formatValue(v, unit);
  const ticks = cols > 1 ? [0, Math.floor(cols / 4), Math.floor(cols / 2), Math.floor((3 * cols) / 4), cols - 1] : [0];
  const hv = hover ? h.cells[hover.r]?.[hover.c] : undefined;
  return (
    <>
    <div data-testid="heatmap" className="relative" style={{ height }}>
      <svg width="100%" height={height} role="img" aria-label={`Heatmap of ${rows} buckets over ${cols} steps; colour is requests per second in the bucket`}>
        <svg x={LEFT} y={0} width={`calc(100% - ${LEFT}px)`} height={height - BOTTOM} viewBox={`0 0 ${cols} ${rows}`} preserveAspectRatio="none" onMouseLeave={() => setHover(null)}>
          {h.cells.map((row, r) =>
            row.map((v, c) =>
              v === null || v <= 0 ? null : (
                <rect
                  key={`${r}-${c}`}
                  x={c}
                  y={rows - 1 - r}
                  width={1.02}
                  height={1.02}
                  fill="#6366f1"
                  fillOpacity={0.12 + 0.88 * Math.sqrt(v / (h.max || 1))}
                  onMouseEnter={() => setHover({ r, c })}
                />
              ),
            ),
          )}
        </svg>
        {h.bounds.map((_, r) => (
          <text key={r} x={LEFT - 6} y={((rows - r - 0.5) / rows) * (height - BOTTOM)} textAnchor="end" dominantBaseline="middle" fontSize={10} fill="var(--chart-axis)">
            {bucketLabel(h.bounds, r, fmt)}
          </text>
        ))}
      </svg>
      <div className="absolute bottom-0 right-0 h-5 text-[10px] text-slate-500" style={{ left: LEFT }} aria-hidden>
        {ticks.map((c) => (
          <span key={c} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: `${((c + 0.5) / Math.max(cols, 1)) * 100}%` }}>
            {formatTime(h.times[c] ?? 0, span)}
          </span>
        ))}
      </div>
      {hover && hv !== undefined && hv !== null && (
        <p role="status" className="pointer-events-none absolute right-2 top-1 rounded border border-slate-200 bg-white/95 px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900/95">
          {new Date(h.times[hover.c]!).toLocaleTimeString()} · {bucketLabel(h.bounds, hover.r, fmt)}: {formatValue(hv, 'reqps')}
        </p>
      )}
    </div>
    <p className="mt-1 flex items-center gap-2 text-[11px] text-slate-500">
      <span aria-hidden className="inline-block h-2 w-16 rounded-sm" style={{ background: 'linear-gradient(to right, rgba(99,102,241,.12), rgba(99,102,241,1))' }} />
      requests per second in the bucket: 0 to {formatValue(h.max, 'reqps')}
    </p>
    </>
  );
}
