'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTimeAnchor } from '@/components/hooks/time-anchor';
import { useCarry } from '@/components/hooks/use-carry';
import { formatValue } from '@/lib/format/units';
import { SLO_TILES, sloState, type SloState } from '@/lib/overview/slo';
import { instantOptions, promKeys, targetsOptions } from '@/lib/queries/prom';
import { useServerAnswers } from '@/components/dashboard/prefetched-queries';
import { AlertList } from './alert-list';
import { LoadError } from '@/components/shell/load-error';
import { ApiError } from '@/lib/queries/fetch-json';

const TILE: Record<SloState, string> = {
  green: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/50',
  amber: 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/50',
  red: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/50',
  nodata: 'border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900',
};

const SERVICES = ['orchestrator', 'agent-core', 'llm-service'];

/** What a card says when its answer failed: an outage in plain words, anything else as the API said it. */
function notAnswering(error: Error | null): string {
  const status = error instanceof ApiError ? error.status : 0;
  return status === 502 || status === 503 || status === 504
    ? 'Prometheus is not answering'
    : `could not be read: ${error?.message ?? 'unknown error'}`;
}

/** `/`: are Shannon's services up, are its SLOs met, what is firing. */
export function Overview() {
  const { anchorMs } = useTimeAnchor();
  const carry = useCarry();
  const anchorSec = Math.floor(anchorMs / 1000);
  // On a full page load the server fetched these: rendered with the page.
  useServerAnswers([promKeys.targets(anchorMs), ...SLO_TILES.map((t) => promKeys.instant(t.expr, anchorSec))]);
  // A Prometheus that just started lists no targets until its discovery runs, then each as
  // "unknown" until its first scrape: ask again until every one has been scraped.
  const targets = useQuery({
    ...targetsOptions(anchorMs),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.targets.length === 0 || q.state.data.targets.some((t) => t.health === 'unknown'))
        ? 3000
        : false,
  });
  const tiles = useQueries({ queries: SLO_TILES.map((t) => instantOptions(t.expr, anchorSec)) });
  return (
    <div className="mx-auto max-w-[1800px] space-y-4">
      <h1 className="text-xl font-semibold">Shannon overview</h1>
      <section
        aria-labelledby="services-title"
        data-testid="targets"
        data-state={targets.isPending ? 'loading' : targets.error ? 'error' : 'ready'}
      >
        <h2 id="services-title" className="mb-2 text-sm font-semibold">
          Services (Prometheus scrape targets)
        </h2>
        {targets.error && (
          <LoadError
            what="Targets could not load"
            message={targets.error.message}
            onRetry={() => void targets.refetch()}
          />
        )}
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          {SERVICES.map((job) => {
            const ts = targets.data?.targets.filter((t) => t.job === job) ?? [];
            const up = ts.filter((t) => t.health === 'up').length;
            const unscraped = ts.filter((t) => t.health === 'unknown').length;
            const state = targets.isPending
              ? 'loading'
              : targets.error
                ? 'unanswered'
                : ts.length === 0
                  ? 'missing'
                  : up === ts.length
                    ? 'up'
                    : up + unscraped === ts.length
                      ? 'unscraped'
                      : 'down';
            return (
              <div
                key={job}
                data-testid="target"
                data-job={job}
                data-health={state}
                className={`rounded-lg border p-3 text-sm ${state === 'up' ? TILE.green : state === 'loading' || state === 'unscraped' || state === 'unanswered' ? TILE.nodata : TILE.red}`}
              >
                <p className="font-medium">{job}</p>
                <p className="text-xs">
                  {state === 'loading'
                    ? 'checking…'
                    : state === 'unanswered'
                      ? notAnswering(targets.error)
                      : state === 'unscraped'
                        ? `${up} of ${ts.length} up; Prometheus has not scraped the rest yet…`
                        : state === 'missing'
                          ? targets.data?.targets.length === 0
                            ? 'Prometheus has not discovered its targets yet…'
                            : 'not a scrape target of this Prometheus'
                          : `${up} of ${ts.length} up`}
                  {ts.find((t) => t.lastError)?.lastError ? ` · ${ts.find((t) => t.lastError)!.lastError}` : ''}
                </p>
              </div>
            );
          })}
        </div>
      </section>
      <section aria-labelledby="slo-title">
        <h2 id="slo-title" className="mb-2 text-sm font-semibold">
          SLOs now (last 5 minutes)
        </h2>
        <div className="grid grid-cols-2 gap-2 md:grid-cols-4 xl:grid-cols-7">
          {SLO_TILES.map((t, i) => {
            const r = tiles[i]!;
            const v = r.data?.series[0]?.value ?? null;
            const st = r.isPending ? 'nodata' : sloState(t, v);
            return (
              <Link
                key={t.id}
                href={carry(t.href)}
                data-testid="slo-tile"
                data-slo={t.id}
                data-state={r.isPending ? 'loading' : r.error ? 'error' : st}
                className={`rounded-lg border p-3 text-sm hover:shadow ${TILE[st]}`}
              >
                <p className="text-xs text-slate-600 dark:text-slate-300">{t.label}</p>
                <p className="text-lg font-semibold">
                  {r.isPending ? '…' : r.error ? 'unknown' : v === null ? 'no data' : formatValue(v, t.unit)}
                </p>
                <p className="text-xs text-slate-500">{r.error ? notAnswering(r.error) : `target ${t.target}`}</p>
              </Link>
            );
          })}
        </div>
      </section>
      <AlertList />
    </div>
  );
}
