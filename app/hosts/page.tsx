import type { Metadata } from 'next';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { hostsDashboard } from '@/lib/dashboards/hosts';

export const metadata: Metadata = { title: 'Hosts' };
export const dynamic = 'force-dynamic';

export default function HostsPage({ searchParams }: { searchParams: SearchParams }) {
  return <DashboardPage dashboard={hostsDashboard} searchParams={searchParams} />;
}
