import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { dashboardStore } from '@/lib/server/dashboards';

export const dynamic = 'force-dynamic';

type Params = Promise<{ uid: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const d = dashboardStore().get((await params).uid);
  return { title: d?.title ?? 'Dashboard not found' };
}

/** A saved dashboard, drawn as the built-in pages are: its view state (range, variables, …) in the URL. */
export default async function SavedDashboardPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const d = dashboardStore().get((await params).uid);
  if (!d) notFound();
  return <DashboardPage dashboard={d.def} searchParams={searchParams} />;
}
