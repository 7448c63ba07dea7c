'use client';

import { useSort } from '@/components/hooks/use-sort';
import type { Overview } from '@/lib/queries/traces';
import { formatNs } from '@/lib/traces/view/ticks';

export type StatsTableProps = { overview: Overview };

type Key = 'service' | 'operation' | 'count' | 'totalNs' | 'selfNs' | 'avgNs' | 'maxNs' | 'errors';
const COLS: [Key, string][] = [
  ['service', 'Service'],
  ['operation', 'Operation'],
  ['count', 'Count'],
  ['totalNs', 'Total'],
  ['selfNs', 'Self time'],
  ['avgNs', 'Average'],
  ['maxNs', 'Max'],
  ['errors', 'Errors'],
];

/** Per service and operation: where the trace's time went. Sortable by any column. */
export function StatsTable({ overview }: StatsTableProps) {
  const { sorted: rows, header } = useSort(overview.stats, 'selfNs' as Key, (r, k) => r[k]);
  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table data-testid="trace-stats" className="w-full text-xs">
        <thead className="sticky top-0 bg-slate-50 dark:bg-slate-800">
          <tr>{COLS.map(([k, label]) => header(k, label, typeof overview.stats[0]?.[k] === 'number'))}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.service}\u0000${r.operation}`} className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-2 py-1">{r.service}</td>
              <td className="px-2 py-1">{r.operation}</td>
              <td className="px-2 py-1 text-right">{r.count.toLocaleString('en-US')}</td>
              <td className="px-2 py-1 text-right">{formatNs(r.totalNs)}</td>
              <td className="px-2 py-1 text-right">{formatNs(r.selfNs)}</td>
              <td className="px-2 py-1 text-right">{formatNs(r.avgNs)}</td>
              <td className="px-2 py-1 text-right">{formatNs(r.maxNs)}</td>
              <td className={`px-2 py-1 text-right ${r.errors ? 'text-red-700 dark:text-red-400' : ''}`}>{r.errors}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {overview.statsTruncated && (
        <p className="p-2 text-xs text-slate-500">
          Showing the {overview.stats.length} operations with the most self time.
        </p>
      )}
    </div>
  );
}
