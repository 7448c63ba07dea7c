import { headers } from 'next/headers';
import { type ReactNode, Suspense } from 'react';
import { getConfig } from '@/lib/config';
import type { DashboardDef } from '@/lib/dashboards/types';
import { dashboardPrefetch } from '@/lib/server/prefetch';
import type { Prefetched } from '@/lib/queries/prefetched';
import { requestAnchorMs } from '@/lib/server/request-anchor';
import { toSearchParams } from '@/lib/url/view-state';
import { AlertList } from '@/components/overview/alert-list';
import { DashboardSkeleton } from './dashboard-skeleton';
import { DashboardView } from './dashboard-view';
import { PrefetchedQueries } from './prefetched-queries';

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
 * streams the answers with the page; after a navigation inside the app (an RSC request) the
 * browser's own "now" differs from the server's, so the panels fetch for themselves.
 */
export async function DashboardPage({ dashboard, searchParams, header, prefetch }: DashboardPageProps) {
  const cfg = getConfig();
  const settings = { maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 };
  const navigation = (await headers()).has('rsc');
  const search = toSearchParams(await searchParams);
  const entries = navigation ? [] : [...(prefetch?.(search, requestAnchorMs()) ?? []), ...dashboardPrefetch(dashboard, search, requestAnchorMs(), settings)];
  return (
    <Suspense fallback={<DashboardSkeleton panels={dashboard.panels.length} />}>
      <PrefetchedQueries entries={entries}>
        {header}
        <div className="mx-auto mb-3 max-w-[1800px] empty:hidden">
          <AlertList page={dashboard.id} title="Alerts on this page" />
        </div>
        <DashboardView dashboard={dashboard} settings={settings} />
      </PrefetchedQueries>
    </Suspense>
  );
}
