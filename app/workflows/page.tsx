import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { DashboardSkeleton } from '@/components/dashboard/dashboard-skeleton';
import { getConfig } from '@/lib/config';
import { workflowsDashboard } from '@/lib/dashboards/workflows';
import { preloadPanels } from '@/lib/server/preload-panels';
import { requestAnchorMs } from '@/lib/server/request-anchor';

export const metadata: Metadata = { title: 'Workflow latency' };
export const dynamic = 'force-dynamic';

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WorkflowsPage({ searchParams }: PageProps) {
  const cfg = getConfig();
  const settings = { maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 };
  preloadPanels(workflowsDashboard, await searchParams, settings, requestAnchorMs());
  return (
    <Suspense fallback={<DashboardSkeleton panels={workflowsDashboard.panels.length} />}>
      <DashboardView
        dashboard={workflowsDashboard}
        settings={settings}
      />
    </Suspense>
  );
}
