'use client';

import { useMemo, useState } from 'react';
import type { ChartSeries } from '@/lib/charts/series';
import type { LegendColumn } from '@/lib/dashboards/types';
import { seriesFigure } from '@/lib/charts/value-text';
import type { Unit } from '@/lib/format/units';

export type LegendProps = {
  series: ChartSeries[];
  unit: Unit;
  /** Names of the series switched off. */
  hidden: Set<string>;
  onHiddenChange: (names: string[]) => void;
  /** The figures shown beside each series (last, min, mean, max by default). */
  columns?: readonly LegendColumn[];
  /** Beside the chart (a narrow column) rather than under it. */
  side?: boolean;
  /** View mode: a taller table. */
  tall?: boolean;
};

const TITLES: Record<LegendColumn, string> = { last: 'Last', mean: 'Mean', max: 'Max', min: 'Min' };
const DEFAULT_COLUMNS: readonly LegendColumn[] = ['last', 'min', 'mean', 'max'];
/** More series than this and the legend offers a search box. */
export const LEGEND_SEARCH_FROM = 8;

type Sort = { by: 'name' | LegendColumn; desc: boolean } | null;

function sortSeries(series: ChartSeries[], sort: Sort): ChartSeries[] {
  if (!sort) return series;
  const out = [...series];
  const { by, desc } = sort;
  out.sort((a, b) => {
    if (by === 'name') return a.name.localeCompare(b.name, 'en', { numeric: true }) * (desc ? -1 : 1);
    const [x, y] = [a[by], b[by]];
    if (x === null) return 1; // no value: last either way
    if (y === null) return -1;
    return (x - y) * (desc ? -1 : 1);
  });
  return out;
}

/**
 * Series with their figures over the range, as in Grafana: a click shows that series alone (a
 * second click shows all again), Ctrl/Cmd-click switches one on or off; headers sort; a search
 * box past eight series.
 */
export function Legend({
  series,
  unit,
  hidden,
  onHiddenChange,
  columns = DEFAULT_COLUMNS,
  side = false,
  tall = false,
}: LegendProps) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>(null);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return sortSeries(f ? series.filter((s) => s.name.toLowerCase().includes(f)) : series, sort);
  }, [series, filter, sort]);
  const names = series.map((s) => s.name);
  const click = (name: string, toggleOne: boolean) => {
    if (toggleOne) {
      onHiddenChange(hidden.has(name) ? [...hidden].filter((n) => n !== name) : [...hidden, name]);
      return;
    }
    const alone = !hidden.has(name) && names.every((n) => n === name || hidden.has(n));
    onHiddenChange(alone ? [] : names.filter((n) => n !== name));
  };
  const header = (by: 'name' | LegendColumn, label: string, className: string) => {
    const active = sort?.by === by;
    return (
      <th
        key={by}
        scope="col"
        className={className}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          data-testid={`legend-sort-${by}`}
          className="rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={() =>
            setSort((s) =>
              s?.by !== by ? { by, desc: by !== 'name' } : s.desc === (by !== 'name') ? { by, desc: !s.desc } : null,
            )
          }
        >
          {label}
          {active ? (sort.desc ? ' ↓' : ' ↑') : ''}
        </button>
      </th>
    );
  };
  const height = side ? 'max-h-full' : tall ? 'max-h-[28rem]' : 'max-h-40';
  return (
    <div className={`${side ? '' : 'mt-2'} ${height} overflow-y-auto`} data-testid="legend">
      {series.length > LEGEND_SEARCH_FROM && (
        <input
          type="search"
          data-testid="legend-search"
          aria-label="Search series"
          placeholder={`Search ${series.length} series`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="mb-1 w-full rounded border border-slate-300 bg-white px-2 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-950"
        />
      )}
      <table className="w-full text-xs">
        <thead className="sticky top-0 bg-white text-slate-500 dark:bg-slate-900">
          <tr>
            {header('name', 'Series', 'text-left font-normal')}
            {columns.map((c) => header(c, TITLES[c], 'w-24 whitespace-nowrap pl-3 text-right font-normal'))}
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => {
            const off = hidden.has(s.name);
            const u = s.unit ?? unit;
            return (
              <tr
                key={s.key}
                data-testid="legend-item"
                data-series={s.name}
                data-hidden={off ? 'true' : 'false'}
                className={off ? 'opacity-40' : ''}
              >
                <td className="max-w-0 truncate py-0.5">
                  <button
                    type="button"
                    aria-pressed={!off}
                    onClick={(e) => click(s.name, e.ctrlKey || e.metaKey)}
                    title={`${s.name}: click to show it alone (again to show all), Ctrl/Cmd-click to ${off ? 'show' : 'hide'} it`}
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
                  <td key={c} className="whitespace-nowrap pl-3 text-right font-mono" data-testid={`legend-${c}`}>
                    {seriesFigure(s, u, s[c])}
                  </td>
                ))}
              </tr>
            );
          })}
          {shown.length === 0 && (
            <tr>
              <td colSpan={columns.length + 1} className="py-1 text-slate-500">
                No series matches “{filter}”.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
