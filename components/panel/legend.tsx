'use client';

import type { ChartSeries } from '@/lib/charts/series';
import type { LegendColumn } from '@/lib/dashboards/types';
import { formatValue, type Unit } from '@/lib/format/units';

export type LegendProps = {
  series: ChartSeries[];
  unit: Unit;
  hidden: Set<string>;
  onToggle: (key: string) => void;
  /** The figures shown beside each series (last, mean, max by default). */
  columns?: readonly LegendColumn[];
  /** Beside the chart (a narrow column) rather than under it. */
  side?: boolean;
};

const TITLES: Record<LegendColumn, string> = { last: 'Last', mean: 'Mean', max: 'Max', min: 'Min' };
const DEFAULT_COLUMNS: readonly LegendColumn[] = ['last', 'mean', 'max'];

/** Series with their figures over the range, each in its own unit; a click hides or shows a series. */
export function Legend({ series, unit, hidden, onToggle, columns = DEFAULT_COLUMNS, side = false }: LegendProps) {
  return (
    <div className={side ? 'max-h-full overflow-y-auto' : 'mt-2 max-h-40 overflow-y-auto'} data-testid="legend">
      <table className="w-full text-xs">
        <thead className="sticky top-0 bg-white text-slate-500 dark:bg-slate-900">
          <tr>
            <th className="text-left font-normal">Series</th>
            {columns.map((c) => (
              <th key={c} className="w-20 text-right font-normal">
                {TITLES[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const off = hidden.has(s.key);
            const u = s.unit ?? unit;
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
                    {s.axis === 'right' && <span className="shrink-0 text-slate-400">(right)</span>}
                  </button>
                </td>
                {columns.map((c) => (
                  <td key={c} className="text-right font-mono" data-testid={`legend-${c}`}>
                    {formatValue(s[c], u)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
