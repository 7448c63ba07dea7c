'use client';

import type { ChartSeries } from '@/lib/charts/series';
import { formatValue, type Unit } from '@/lib/format/units';

export type LegendProps = {
  series: ChartSeries[];
  unit: Unit;
  hidden: Set<string>;
  onToggle: (key: string) => void;
};

/** Series with their last, mean and max values; a click hides or shows a series. */
export function Legend({ series, unit, hidden, onToggle }: LegendProps) {
  return (
    <div className="mt-2 max-h-40 overflow-y-auto">
      <table className="w-full text-xs">
        <thead className="sticky top-0 bg-white text-slate-500 dark:bg-slate-900">
          <tr>
            <th className="text-left font-normal">Series</th>
            <th className="w-20 text-right font-normal">Last</th>
            <th className="w-20 text-right font-normal">Mean</th>
            <th className="w-20 text-right font-normal">Max</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const off = hidden.has(s.key);
            return (
              <tr key={s.key} data-testid="legend-item" data-series={s.name} className={off ? 'opacity-40' : ''}>
                <td className="max-w-0 truncate py-0.5">
                  <button
                    type="button"
                    aria-pressed={!off}
                    onClick={() => onToggle(s.key)}
                    title={off ? `Show ${s.name}` : `Hide ${s.name}`}
                    className="inline-flex max-w-full items-center gap-1.5 truncate rounded px-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                  >
                    <svg aria-hidden width="14" height="6" className="shrink-0">
                      <line x1="0" y1="3" x2="14" y2="3" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash} />
                    </svg>
                    <span className="truncate">{s.name}</span>
                  </button>
                </td>
                <td className="text-right font-mono" data-testid="legend-last">{formatValue(s.last, unit)}</td>
                <td className="text-right font-mono">{formatValue(s.mean, unit)}</td>
                <td className="text-right font-mono">{formatValue(s.max, unit)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
