import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import type { DashboardDef } from '@/lib/dashboards/types';
import { dashboardPrefetch, settledWithin, withSettled } from '@/lib/server/prefetch';
import type { Prefetched } from '@/lib/queries/prefetched';
import { requestAnchorMs } from '@/lib/server/request-anchor';
import { toSearchParams } from '@/lib/url/view-state';
import { AlertList } from '@/components/overview/alert-list';
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
};

/**
 * A dashboard route. On a full page load the server starts every panel's queries at once and
 * renders the panels with their answers (waiting up to PAGE_DATA_WAIT before streaming); after a navigation inside the app (an RSC request) the
 * browser's own "now" differs from the server's, so the panels fetch for themselves.
 */
export async function DashboardPage({ dashboard, searchParams, header, prefetch }: DashboardPageProps) {
  const cfg = getConfig();
  const settings = { maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 };
  const navigation = (await headers()).has('rsc');
  const search = toSearchParams(await searchParams);
  const started = navigation ? [] : [...(prefetch?.(search, requestAnchorMs()) ?? []), ...dashboardPrefetch(dashboard, search, requestAnchorMs(), settings)];
  // A short wait for the answers: when Prometheus is quick the page arrives whole, every panel
  // drawn in the first paint (streamed panels are revealed by React in batches, 300 ms apart);
  // when it is slow, the page streams with skeletons and each panel follows as it settles.
  await settledWithin(started.map((e) => e.promise), cfg.pageDataWaitMs);
  const entries = withSettled(started);
  // No Suspense boundary around the whole: what waits for an answer has its own
  // (AnswersBoundary), and a page whose answers are all at hand arrives in one piece.
  return (
    <PrefetchedQueries entries={entries}>
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
