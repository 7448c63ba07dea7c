import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { DashboardSkeleton } from '@/components/dashboard/dashboard-skeleton';
import { getConfig } from '@/lib/config';
import { workflowsDashboard } from '@/lib/dashboards/workflows';

export const metadata: Metadata = { title: 'Workflow latency' };
export const dynamic = 'force-dynamic';

export default function WorkflowsPage() {
  const cfg = getConfig();
  const settings = { maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 };
  return (
    <Suspense fallback={<DashboardSkeleton panels={workflowsDashboard.panels.length} />}>
      <DashboardView
        dashboard={workflowsDashboard}
        settings={settings}
      />
    </Suspense>
  );
}
