'use client';

import Link from 'next/link';
import { useSort } from '@/components/hooks/use-sort';
import { useTimeZone } from '@/components/hooks/time-zone';
import { formatDateTime, zoneOffsetLabel } from '@/lib/format/time-zone';
import type { TraceSummaryRow } from '@/lib/queries/traces';
import { formatNs } from '@/lib/traces/view/ticks';

export type ResultsTableProps = { traces: TraceSummaryRow[] };

type Key = 'root' | 'start' | 'duration' | 'spans' | 'errors';
const COLS: [Key, string, boolean][] = [
  ['root', 'Trace', false],
  ['start', 'Start', false],
  ['duration', 'Duration', true],
  ['spans', 'Spans', true],
  ['errors', 'Errors', true],
];

function value(t: TraceSummaryRow, k: Key): number | string {
  switch (k) {
    case 'root':
      return `${t.rootService} ${t.rootName}`;
    case 'start':
      return Number(BigInt(t.startNs) / 1000n);
    case 'duration':
      return Number(t.durationNs);
    case 'spans':
      return t.spanCount;
    default:
      return t.errorCount;
  }
}

/** The matching traces, newest first until a column header says otherwise. */
export function ResultsTable({ traces }: ResultsTableProps) {
  const { sorted: rows, header } = useSort(traces, 'start' as Key, value);
  const timeZone = useTimeZone();
  const startMs = (t: TraceSummaryRow) => Number(BigInt(t.startNs) / 1_000_000n);
  const zone = zoneOffsetLabel(timeZone, traces[0] ? startMs(traces[0]) : 0);
  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table data-testid="trace-results" className="w-full text-sm">
        <thead className="bg-slate-50 text-xs dark:bg-slate-800">
          <tr>
            {COLS.map(([k, label, num]) => header(k, k === 'start' ? `${label} (${zone})` : label, num, 'px-2 py-1.5'))}
            <th scope="col" className="px-2 py-1.5 text-left">
              Services
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
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
