import type { Metadata } from 'next';
import { DashboardPage } from '@/components/dashboard/dashboard-page';
import { memoryDashboard } from '@/lib/dashboards/memory';

export const metadata: Metadata = { title: 'Memory' };
export const dynamic = 'force-dynamic';

export default function Page() {
  return <DashboardPage dashboard={memoryDashboard} />;
}
