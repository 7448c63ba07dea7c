'use client';

import Link from 'next/link';
import { useTimeZone } from '@/components/hooks/time-zone';
import { formatDateTime, zoneOffsetLabel } from '@/lib/format/time-zone';
import type { TraceSummaryRow } from '@/lib/queries/trace-search';
import { formatNs } from '@/lib/traces/view/ticks';
import type { TraceSort } from '@/lib/traces/model';

export type ResultsTableProps = {
  traces: TraceSummaryRow[];
  /** The order the server gave them in: the whole result set sorted (a header asks for another). */
  sort: TraceSort;
  onSort: (sort: TraceSort) => void;
};

/** Each sortable column: the order a first click asks for, and the one a second click asks for. */
const COLS: { key: string; label: string; numeric: boolean; orders?: [TraceSort, TraceSort?] }[] = [
  { key: 'root', label: 'Trace', numeric: false },
  { key: 'start', label: 'Start', numeric: false, orders: ['newest', 'oldest'] },
  { key: 'duration', label: 'Duration', numeric: true, orders: ['longest', 'shortest'] },
  { key: 'spans', label: 'Spans', numeric: true, orders: ['most-spans'] },
  { key: 'errors', label: 'Errors', numeric: true, orders: ['most-errors'] },
];
const ASCENDING: readonly TraceSort[] = ['oldest', 'shortest'];

/** The matching traces in the order the server sorted the whole result set (newest first by default). */
export function ResultsTable({ traces, sort, onSort }: ResultsTableProps) {
  const timeZone = useTimeZone();
  const startMs = (t: TraceSummaryRow) => Number(BigInt(t.startNs) / 1_000_000n);
  const zone = zoneOffsetLabel(timeZone, traces[0] ? startMs(traces[0]) : 0);
  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table data-testid="trace-results" className="w-full text-sm">
        <thead className="bg-slate-50 text-xs dark:bg-slate-800">
          <tr>
            {COLS.map((c) => {
              const label = c.key === 'start' ? `${c.label} (${zone})` : c.label;
              const active = c.orders?.includes(sort) ?? false;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (ASCENDING.includes(sort) ? 'ascending' : 'descending') : undefined}
                  className={`px-2 py-1.5 ${c.numeric ? 'text-right' : 'text-left'}`}
                >
                  {c.orders ? (
                    <button
                      type="button"
                      data-testid={`sort-${c.key}`}
                      title="Sort every matching trace (the server orders them all)"
                      onClick={() =>
                        onSort(active && c.orders![1] && sort === c.orders![0] ? c.orders![1] : c.orders![0])
                      }
                    >
                      {label} {active ? (ASCENDING.includes(sort) ? '▴' : '▾') : ''}
                    </button>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
            <th scope="col" className="px-2 py-1.5 text-left">
              Services
            </th>
          </tr>
        </thead>
        <tbody>
          {traces.map((t) => (
            <tr
              key={t.traceId}
              data-testid="trace-result"
              data-trace-id={t.traceId}
              className="border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60"
            >
              <td className="px-2 py-1.5">
                <Link
                  href={`/traces/${t.traceId}`}
                  className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {t.rootService}: {t.rootName}
                </Link>
                <div className="font-mono text-[11px] text-slate-500">{t.traceId}</div>
              </td>
              <td className="whitespace-nowrap px-2 py-1.5 text-xs" data-testid="trace-start">
                {formatDateTime(startMs(t), timeZone, true)}
              </td>
              <td className="px-2 py-1.5 text-right">{formatNs(Number(t.durationNs))}</td>
              <td className="px-2 py-1.5 text-right">{t.spanCount.toLocaleString('en-US')}</td>
              <td
                className={`px-2 py-1.5 text-right ${t.errorCount ? 'font-medium text-red-700 dark:text-red-400' : ''}`}
              >
                {t.errorCount}
              </td>
              <td className="px-2 py-1.5 text-xs">
                {t.services.map((s) => `${s.service} (${s.spanCount})`).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
