import type { Metadata } from 'next';
import { DashboardPage } from '@/components/dashboard/dashboard-page';
import { llmDashboard } from '@/lib/dashboards/llm';

export const metadata: Metadata = { title: 'LLM service' };
export const dynamic = 'force-dynamic';

export default function Page() {
  return <DashboardPage dashboard={llmDashboard} />;
}
