import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import type { DashboardDef } from '@/lib/dashboards/types';
import { dashboardPrefetch, pageAnswers } from '@/lib/server/prefetch';
import type { Prefetched } from '@/lib/queries/prefetched';
import { redirect } from 'next/navigation';
import { toSearchParams, withOpeningDefaults } from '@/lib/url/view-state';
import { AlertList } from '@/components/overview/alert-list';
import { BUILT_IN } from '@/lib/dashboards/built-in';
import { DashboardActions } from './dashboard-actions';
import { DashboardView } from './dashboard-view';
import { AnswersBoundary, PrefetchedQueries } from './prefetched-queries';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
export type DashboardPageProps = {
  dashboard: DashboardDef;
  searchParams: SearchParams;
  /** Shown above the panels, inside the page's prefetched data (e.g. the policy verdict). */
  header?: ReactNode;
  /** More answers to start on the server for `header`. */
  prefetch?: (search: URLSearchParams, anchorMs: number) => Prefetched[];
  /** The page's path: a URL without a range goes on to the dashboard's own default range there. */
  path?: string;
};

/**
 * A dashboard route. On a full page load the server starts every panel's queries at once and
 * renders the panels with their answers (waiting up to PAGE_DATA_WAIT, then streaming); after a
 * navigation inside the app the panels fetch for themselves.
 */
export async function DashboardPage({ dashboard, searchParams, header, prefetch, path }: DashboardPageProps) {
  const cfg = getConfig();
  const settings = { maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 };
  const search = toSearchParams(await searchParams);
  const opening = path ? withOpeningDefaults(search, dashboard) : null;
  if (opening) redirect(`${path}?${opening}`);
  const entries = await pageAnswers((anchorMs, later) => [
    ...(prefetch?.(search, anchorMs) ?? []),
    ...dashboardPrefetch(dashboard, search, anchorMs, settings, later),
  ]);
  // No Suspense boundary around the whole: what waits for an answer has its own
  // (AnswersBoundary), and a page whose answers are all at hand arrives in one piece.
  const shipped = BUILT_IN.some((b) => b.def === dashboard);
  return (
    <PrefetchedQueries entries={entries}>
      {shipped && <DashboardActions builtIn={dashboard.id} />}
      {header}
      <div className="mx-auto mb-3 max-w-[1800px] empty:hidden">
        {/* Nothing shows until the alerts are known (most of the time none concern this page). */}
        <AnswersBoundary fallback={<div hidden data-testid="alerts" data-state="loading" />}>
          <AlertList page={dashboard.id} title="Alerts on this page" />
        </AnswersBoundary>
      </div>
      <DashboardView dashboard={dashboard} settings={settings} />
    </PrefetchedQueries>
  );
}
