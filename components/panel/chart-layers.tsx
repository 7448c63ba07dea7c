'use client';

import type { SeriesPath } from '@/lib/charts/draw';
import { formatValue, type Unit } from '@/lib/format/units';

/** A fraction of the plot as a CSS percentage. */
export const pct = (f: number) => `${(f * 100).toFixed(3)}%`;

/** Every series of a chart in the plot's SVG: lines (with their area when stacked), bars or points. */
export function SeriesPaths({ paths }: { paths: SeriesPath[] }) {
  return (
    <>
      {paths.map((p) =>
        p.style === 'bars' ? (
          <path
            key={p.s.key}
            data-testid="series-line"
            data-series={p.s.name}
            data-draw="bars"
            d={p.d}
            fill={p.s.color}
            fillOpacity={0.85}
          />
        ) : p.style === 'points' ? (
          <path
            key={p.s.key}
            data-testid="series-line"
            data-series={p.s.name}
            data-draw="points"
            d={p.d}
            fill="none"
            stroke={p.s.color}
            strokeWidth={4}
            strokeLinecap="round"
            vectorEffect="non-scaling-stroke"
          />
        ) : (
          <g key={p.s.key}>
            {'area' in p && p.area && <path data-testid="series-area" d={p.area} fill={p.s.color} fillOpacity={0.2} />}
            <path
              data-testid="series-line"
              data-series={p.s.name}
              data-draw="line"
              d={p.d}
              fill="none"
              stroke={p.s.color}
              strokeWidth={1.5}
              strokeDasharray={p.s.dash}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          </g>
        ),
      )}
    </>
  );
}

/** One value axis's labels, in the margin beside the plot. */
export function ValueAxis(p: {
  side: 'left' | 'right';
  ticks: number[];
  at: (v: number) => number;
  unit: Unit;
  plot: { top: number; bottom: number; left: number; right: number };
}) {
  const left = p.side === 'left';
  return (
    <div
      aria-hidden
      data-testid={`${p.side}-axis`}
      className={`absolute ${left ? 'left-0' : 'right-0'}`}
      style={{ top: p.plot.top, bottom: p.plot.bottom, width: left ? p.plot.left : p.plot.right }}
    >
      {p.ticks.map((v) => (
        <span
          key={v}
          className={`absolute ${left ? 'right-2' : 'left-2'} -translate-y-1/2 whitespace-nowrap leading-none`}
          style={{ top: pct(p.at(v)) }}
        >
          {formatValue(v, p.unit)}
        </span>
      ))}
    </div>
  );
}
