'use client';

import { type MouseEvent as ReactMouseEvent, useMemo, useState } from 'react';
import { useTimeZone } from '@/components/hooks/time-zone';
import { bucketLabel, heatmapPaths, levelOpacity, type Heatmap } from '@/lib/charts/heatmap';
import { formatTime, formatValue, type Unit } from '@/lib/format/units';

export type HeatmapChartProps = {
  heatmap: Heatmap;
  unit: Unit;
  height?: number;
  /** Called with an epoch-ms window when the person drags across the heatmap. */
  onZoom?: (fromMs: number, toMs: number) => void;
};

const LEFT = 96;
const BOTTOM = 22;

/**
 * Time × bucket grid; darker is more requests per second in that bucket. Drawn as one path per
 * shade (rendered with the page on the server); hover a cell for its numbers, drag across it to
 * zoom every panel into that window.
 */
export function HeatmapChart({ heatmap: h, unit, height = 260, onZoom }: HeatmapChartProps) {
  const timeZone = useTimeZone();
  const [hover, setHover] = useState<{ r: number; c: number } | null>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const rows = h.bounds.length;
  const cols = h.times.length;
  const span = (h.times[cols - 1] ?? 0) - (h.times[0] ?? 0);
  const fmt = (v: number) => formatValue(v, unit);
  const ticks = cols > 1 ? [0, Math.floor(cols / 4), Math.floor(cols / 2), Math.floor((3 * cols) / 4), cols - 1] : [0];
  const paths = useMemo(() => heatmapPaths(h), [h]);
  const hv = hover ? h.cells[hover.r]?.[hover.c] : undefined;
  const plotHeight = height - BOTTOM;
  const cellAt = (e: ReactMouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return {
      c: Math.floor(((e.clientX - box.left) / box.width) * cols),
      r: rows - 1 - Math.floor(((e.clientY - box.top) / box.height) * rows),
    };
  };
  return (
    <>
      <div
        data-testid="heatmap"
        className="relative select-none text-[10px] text-[color:var(--chart-axis)]"
        style={{ height }}
      >
        <div aria-hidden className="absolute left-0 top-0" style={{ width: LEFT, height: plotHeight }}>
          {h.bounds.map((_, r) => (
            <span
              key={r}
              className="absolute right-1.5 -translate-y-1/2 whitespace-nowrap leading-none"
              style={{ top: `${((rows - r - 0.5) / rows) * 100}%` }}
            >
              {bucketLabel(h.bounds, r, fmt)}
            </span>
          ))}
        </div>
        <svg
          className="absolute right-0 top-0"
          style={{ left: LEFT, width: `calc(100% - ${LEFT}px)`, height: plotHeight }}
          viewBox={`0 0 ${Math.max(cols, 1)} ${Math.max(rows, 1)}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`Heatmap of ${rows} buckets over ${cols} steps; colour is requests per second in the bucket`}
          onMouseMove={(e) => {
            const { r, c } = cellAt(e);
            setHover(c >= 0 && c < cols && r >= 0 && r < rows ? { r, c } : null);
            if (drag) setDrag({ ...drag, b: Math.max(0, Math.min(cols - 1, c)) });
          }}
          onMouseDown={(e) => {
            const { c } = cellAt(e);
            if (c >= 0 && c < cols) setDrag({ a: c, b: c });
          }}
          onMouseUp={() => {
            if (drag && drag.a !== drag.b && onZoom)
              onZoom(h.times[Math.min(drag.a, drag.b)]!, h.times[Math.max(drag.a, drag.b)]!);
            setDrag(null);
          }}
          onMouseLeave={() => {
            setHover(null);
            setDrag(null);
          }}
        >
          {paths.map((p) => (
            <path
              key={p.level}
              data-testid="heatmap-level"
              d={p.d}
              fill="#6366f1"
              fillOpacity={levelOpacity(p.level)}
            />
          ))}
        </svg>
        {drag && drag.a !== drag.b && (
          <div
            data-testid="heatmap-selection"
            aria-hidden
            className="pointer-events-none absolute top-0 bg-indigo-500/15"
            style={{
              left: `calc(${LEFT}px + (100% - ${LEFT}px) * ${Math.min(drag.a, drag.b) / Math.max(cols, 1)})`,
              width: `calc((100% - ${LEFT}px) * ${(Math.abs(drag.a - drag.b) + 1) / Math.max(cols, 1)})`,
              height: plotHeight,
            }}
          />
        )}
        <div className="absolute bottom-0 right-0 h-5" style={{ left: LEFT }} aria-hidden>
          {ticks.map((c) => (
            <span
              key={c}
              className="absolute -translate-x-1/2 whitespace-nowrap"
              style={{ left: `${((c + 0.5) / Math.max(cols, 1)) * 100}%` }}
            >
              {formatTime(h.times[c] ?? 0, span, timeZone)}
            </span>
          ))}
        </div>
        {hover && hv !== undefined && hv !== null && (
          <p
            role="status"
            className="pointer-events-none absolute right-2 top-1 rounded border border-slate-200 bg-white/95 px-2 py-1 text-xs text-slate-900 shadow dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-100"
          >
            {formatTime(h.times[hover.c]!, 0, timeZone)} · {bucketLabel(h.bounds, hover.r, fmt)}:{' '}
            {formatValue(hv, 'reqps')}
          </p>
        )}
      </div>
      <p className="mt-1 flex items-center gap-2 text-[11px] text-slate-500">
        <span
          aria-hidden
          className="inline-block h-2 w-16 rounded-sm"
          style={{ background: 'linear-gradient(to right, rgba(99,102,241,.12), rgba(99,102,241,1))' }}
        />
        requests per second in the bucket: 0 to {formatValue(h.max, 'reqps')}
      </p>
    </>
  );
}
