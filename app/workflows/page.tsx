import type { Metadata } from 'next';
import { DashboardPage } from '@/components/dashboard/dashboard-page';
import { workflowsDashboard } from '@/lib/dashboards/workflows';

export const metadata: Metadata = { title: 'Workflow latency' };
export const dynamic = 'force-dynamic';

export default function WorkflowsPage() {
  return <DashboardPage dashboard={workflowsDashboard} />;
}
