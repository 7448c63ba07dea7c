import type { Metadata } from 'next';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { agentsDashboard } from '@/lib/dashboards/agents';

export const metadata: Metadata = { title: 'Agent core' };
export const dynamic = 'force-dynamic';

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <DashboardPage dashboard={agentsDashboard} searchParams={searchParams} />;
}
