import type { Metadata } from 'next';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { memoryDashboard } from '@/lib/dashboards/memory';

export const metadata: Metadata = { title: 'Memory' };
export const dynamic = 'force-dynamic';

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <DashboardPage dashboard={memoryDashboard} searchParams={searchParams} />;
}
