'use client';

import { useQueries } from '@tanstack/react-query';
import { useSort } from '@/components/hooks/use-sort';
import { LoadError } from '@/components/shell/load-error';
import { formatValue, type Unit } from '@/lib/format/units';
import { instantOptions } from '@/lib/queries/prom';

export type InstantTableProps = { queries: string[]; atSec: number; unit: Unit };

type Row = { query: string; labels: Record<string, string>; value: number | null };

/** Each query's value at one instant (the range's end): a row per series, its labels as columns, sortable. */
export function InstantTable({ queries, atSec, unit }: InstantTableProps) {
  const results = useQueries({ queries: queries.map((q) => instantOptions(q, atSec)) });
  const rows: Row[] = results.flatMap((r, i) =>
    (r.data?.series ?? []).map((s) => ({ query: String.fromCharCode(65 + i), labels: s.labels, value: s.value })),
  );
  const labels = [...new Set(rows.flatMap((r) => Object.keys(r.labels)))].sort((a, b) =>
    a === '__name__' ? -1 : b === '__name__' ? 1 : a.localeCompare(b),
  );
  const { sorted, header } = useSort<Row, string>(rows, 'value', (r, k) =>
    k === 'value' ? (r.value ?? -Infinity) : k === 'query' ? r.query : (r.labels[k] ?? ''),
  );
  const failed = results.map((r, i) => [r.error, i] as const).filter(([e]) => e);
  const warnings = [...new Set(results.flatMap((r) => r.data?.warnings ?? []))];
  return (
    <section
      data-testid="explore-table"
      data-state={results.some((r) => r.isPending) ? 'loading' : failed.length ? 'error' : 'ready'}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-sm font-semibold">
        Values at {new Date(atSec * 1000).toISOString().replace('T', ' ').slice(0, 19)} UTC
      </h2>
      {failed.map(([e, i]) => (
        <LoadError
          key={i}
          what={`Query ${String.fromCharCode(65 + i)} failed`}
          message={e!.message}
          onRetry={() => void results[i]!.refetch()}
        />
      ))}
      {warnings.length > 0 && (
        <p className="text-xs text-amber-700 dark:text-amber-300">Prometheus: {warnings.join('; ')}</p>
      )}
      {results.some((r) => r.isPending) && <div className="skeleton h-24 rounded bg-slate-100 dark:bg-slate-800" />}
      {!results.some((r) => r.isPending) && rows.length === 0 && failed.length === 0 && (
        <p className="text-sm text-slate-500">No series at this instant.</p>
      )}
      {rows.length > 0 && (
        <div className="max-h-[32rem] overflow-auto">
          <table className="w-full text-xs">
            <thead className="sticky top-0 bg-white text-slate-500 dark:bg-slate-900">
              <tr>
                {queries.length > 1 && header('query', 'Query', false)}
                {labels.map((l) => header(l, l, false))}
                {header('value', 'Value', true)}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r, k) => (
                <tr key={k} data-testid="explore-row" className="border-t border-slate-100 dark:border-slate-800">
                  {queries.length > 1 && <td className="px-2 py-1">{r.query}</td>}
                  {labels.map((l) => (
                    <td key={l} className="break-all px-2 py-1">
                      {r.labels[l] ?? ''}
                    </td>
                  ))}
                  <td className="px-2 py-1 text-right font-mono" data-testid="explore-value">
                    {formatValue(r.value, unit)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
