import type { Metadata } from 'next';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { workflowsDashboard } from '@/lib/dashboards/workflows';

export const metadata: Metadata = { title: 'Workflow latency' };
export const dynamic = 'force-dynamic';

export default function WorkflowsPage({ searchParams }: { searchParams: SearchParams }) {
  return <DashboardPage dashboard={workflowsDashboard} searchParams={searchParams} />;
}
