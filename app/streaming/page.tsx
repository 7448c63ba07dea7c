import type { Metadata } from 'next';
import { DashboardPage } from '@/components/dashboard/dashboard-page';
import { streamingDashboard } from '@/lib/dashboards/streaming';

export const metadata: Metadata = { title: 'Streaming' };
export const dynamic = 'force-dynamic';

export default function Page() {
  return <DashboardPage dashboard={streamingDashboard} />;
}
