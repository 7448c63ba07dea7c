'use client';

import { useRef, useState } from 'react';
import type { Overview } from '@/lib/queries/traces';
import { formatNs } from '@/lib/traces/view/ticks';
import { serviceColor } from './colors';

export type MinimapProps = {
  overview: Overview;
  zoom: [number, number] | null;
  onZoom: (z: [number, number] | null) => void;
};

/** The whole trace in miniature; drag across it to zoom the waterfall into that time window. */
export function Minimap({ overview, zoom, onZoom }: MinimapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<[number, number] | null>(null);
  const dur = Math.max(overview.durationNs, 1);
  const bars = overview.minimap;
  const frac = (clientX: number) => {
    const r = ref.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, (clientX - r.left) / r.width));
  };
  const sel = drag ?? zoom;
  return (
    <div className="flex items-center gap-2">
      <div
        ref={ref}
        data-testid="minimap"
        aria-label="Trace minimap: drag to zoom into a time window"
        role="img"
        className="relative h-12 flex-1 cursor-crosshair select-none overflow-hidden rounded border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        onPointerDown={(e) => {
          ref.current!.setPointerCapture(e.pointerId);
          const f = frac(e.clientX);
          setDrag([f, f]);
        }}
        onPointerMove={(e) => drag && setDrag([drag[0], frac(e.clientX)])}
        onPointerUp={() => {
          if (drag) {
            const a = Math.min(drag[0], drag[1]);
            const b = Math.max(drag[0], drag[1]);
            if (b - a > 0.005) onZoom([a, b]);
          }
          setDrag(null);
        }}
      >
        {bars.map((b, i) => (
          <span
            key={i}
            className="absolute h-px"
            style={{
              left: `${(b.start / dur) * 100}%`,
              width: `${Math.max((b.dur / dur) * 100, 0.2)}%`,
              top: `${(i / Math.max(bars.length, 1)) * 100}%`,
              background: serviceColor(b.service),
            }}
          />
        ))}
        {sel && (
          <span
            data-testid="minimap-selection"
            className="absolute top-0 h-full border-x-2 border-indigo-500 bg-indigo-500/15"
            style={{ left: `${Math.min(sel[0], sel[1]) * 100}%`, width: `${Math.abs(sel[1] - sel[0]) * 100}%` }}
          />
        )}
      </div>
      {zoom ? (
        <button
          type="button"
          onClick={() => onZoom(null)}
          className="shrink-0 rounded border border-slate-200 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Reset zoom ({formatNs(zoom[0] * dur)}–{formatNs(zoom[1] * dur)})
        </button>
      ) : (
        <span className="shrink-0 text-xs text-slate-500">drag to zoom</span>
      )}
    </div>
  );
}
