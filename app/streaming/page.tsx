import type { Metadata } from 'next';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { streamingDashboard } from '@/lib/dashboards/streaming';

export const metadata: Metadata = { title: 'Streaming' };
export const dynamic = 'force-dynamic';

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <DashboardPage dashboard={streamingDashboard} searchParams={searchParams} />;
}
