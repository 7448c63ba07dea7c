import { Suspense } from 'react';
import { getConfig } from '@/lib/config';
import type { DashboardDef } from '@/lib/dashboards/types';
import { AlertList } from '@/components/overview/alert-list';
import { DashboardSkeleton } from './dashboard-skeleton';
import { DashboardView } from './dashboard-view';

export type DashboardPageProps = { dashboard: DashboardDef };

/** A dashboard route: the range settings from the server's config, the view in the browser. */
export function DashboardPage({ dashboard }: DashboardPageProps) {
  const cfg = getConfig();
  const settings = { maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 };
  return (
    <Suspense fallback={<DashboardSkeleton panels={dashboard.panels.length} />}>
      <div className="mx-auto mb-3 max-w-[1800px] empty:hidden">
        <AlertList page={dashboard.id} title="Alerts on this page" />
      </div>
      <DashboardView dashboard={dashboard} settings={settings} />
    </Suspense>
  );
}
