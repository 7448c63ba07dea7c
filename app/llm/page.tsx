import type { Metadata } from 'next';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { llmDashboard } from '@/lib/dashboards/llm';

export const metadata: Metadata = { title: 'LLM service' };
export const dynamic = 'force-dynamic';

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <DashboardPage dashboard={llmDashboard} searchParams={searchParams} />;
}
