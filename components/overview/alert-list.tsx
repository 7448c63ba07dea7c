'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTimeAnchor } from '@/components/hooks/time-anchor';
import { useCarry } from '@/components/hooks/use-carry';
import { alertsOptions, promKeys } from '@/lib/queries/prom';
import { useServerAnswers } from '@/components/dashboard/prefetched-queries';
import { useTimeZone } from '@/components/hooks/time-zone';
import { formatTime } from '@/lib/format/units';
import { LoadError } from '@/components/shell/load-error';

export type AlertListProps = { page?: string; title?: string };

const STATE = {
  firing: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  pending: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  inactive: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200',
} as const;

const PAGES: Record<string, string> = {
  policy: '/policy',
  workflows: '/workflows',
  overview: '/',
  streaming: '/streaming',
  memory: '/memory',
  agents: '/agents',
  llm: '/llm',
};

/** Alert rules from Prometheus: firing and pending first; a rule whose metric does not exist says "no data". */
export function AlertList({ page, title = 'Alerts' }: AlertListProps) {
  const { anchorMs } = useTimeAnchor();
  const timeZone = useTimeZone();
  const carry = useCarry();
  // On a dashboard's full page load the server fetched them: rendered with the page.
  useServerAnswers([promKeys.alerts(anchorMs)]);
  // Prometheus evaluates rules every 15 s: an alert that starts firing shows up without a reload.
  const q = useQuery({ ...alertsOptions(anchorMs), refetchInterval: 15_000 });
  const rules = (q.data?.rules ?? []).filter((r) => !page || r.page === page);
  const active = rules.filter((r) => r.state !== 'inactive');
  if (page && q.isSuccess && active.length === 0) return null;
  return (
    <section
      data-testid="alerts"
      data-state={q.isPending ? 'loading' : q.error ? 'error' : 'ready'}
      aria-labelledby={`alerts-${page ?? 'all'}`}
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={`alerts-${page ?? 'all'}`} className="mb-2 text-sm font-semibold">
        {title}{' '}
        {q.data && (
          <span className="font-normal text-slate-500">
            ({active.length} firing or pending of {rules.length} rules)
          </span>
        )}
      </h2>
      {q.isPending && <div className="skeleton h-16 rounded bg-slate-100 dark:bg-slate-800" />}
      {q.error && <LoadError what="Alerts could not load" message={q.error.message} onRetry={() => void q.refetch()} />}
      {q.data && rules.length === 0 && (
        <p className="text-xs text-slate-500">
          Prometheus has no alerting rules loaded. The demo loads scripts/stack/shannon-slo.rules.yml.
        </p>
      )}
      <ul className="space-y-1">
        {(page ? active : rules).map((r) => (
          <li
            key={`${r.group}/${r.name}`}
            data-testid="alert-rule"
            data-name={r.name}
            data-state={r.noData ? 'nodata' : r.state}
            className="flex flex-wrap items-baseline gap-2 text-xs"
          >
            <span
              className={`rounded px-1.5 py-0.5 font-medium ${r.noData ? 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300' : STATE[r.state]}`}
            >
              {r.noData ? 'no data' : r.state}
            </span>
            <span className="font-medium">{r.name}</span>
            <span className="text-slate-600 dark:text-slate-300">{r.summary}</span>
            {r.noData && <span className="text-slate-500">({r.requires} is not exported by this deployment)</span>}
            {r.activeAt && (
              <span className="text-slate-500">since {formatTime(Date.parse(r.activeAt), 0, timeZone)}</span>
            )}
            {r.health !== 'ok' && r.lastError && (
              <span className="text-red-700 dark:text-red-400">rule error: {r.lastError}</span>
            )}
            {!page && PAGES[r.page] && (
              <Link href={carry(PAGES[r.page]!)} className="text-indigo-700 underline dark:text-indigo-300">
                {r.page}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
