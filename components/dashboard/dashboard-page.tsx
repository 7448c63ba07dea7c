import { Suspense } from 'react';
import { getConfig } from '@/lib/config';
import type { DashboardDef } from '@/lib/dashboards/types';
import { DashboardSkeleton } from './dashboard-skeleton';
import { DashboardView } from './dashboard-view';

export type DashboardPageProps = { dashboard: DashboardDef };

/** A dashboard route: the range settings from the server's config, the view in the browser. */
export function DashboardPage({ dashboard }: DashboardPageProps) {
  const cfg = getConfig();
  const settings = { maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 };
  return (
    <Suspense fallback={<DashboardSkeleton panels={dashboard.panels.length} />}>
      <DashboardView dashboard={dashboard} settings={settings} />
    </Suspense>
  );
}
