import type { Metadata } from 'next';
import { DashboardPage } from '@/components/dashboard/dashboard-page';
import { agentsDashboard } from '@/lib/dashboards/agents';

export const metadata: Metadata = { title: 'Agent core' };
export const dynamic = 'force-dynamic';

export default function Page() {
  return <DashboardPage dashboard={agentsDashboard} />;
}
