import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DashboardActions } from '@/components/dashboard/dashboard-actions';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { dashboardStore, provisionedOne } from '@/lib/server/dashboards';

export const dynamic = 'force-dynamic';

type Params = Promise<{ uid: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { uid } = await params;
  return { title: provisionedOne(uid)?.def.title ?? dashboardStore().get(uid)?.title ?? 'Dashboard not found' };
}

/** A whole number ≥ 1 from the URL's `version`, else none (the latest). */
function versionOf(v: string | string[] | undefined): number | undefined {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** A provisioned dashboard, or a saved one (`?version=N`: an older one), drawn as the built-in pages are: its view state in the URL. */
export default async function SavedDashboardPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { uid } = await params;
  const file = provisionedOne(uid);
  if (file)
    return (
      <DashboardPage
        dashboard={file.def}
        searchParams={searchParams}
        path={`/dashboards/${encodeURIComponent(uid)}`}
        header={<DashboardActions provisioned={{ uid, file: file.file }} />}
      />
    );
  const latest = dashboardStore().get(uid);
  if (!latest) notFound();
  const version = versionOf((await searchParams).version);
  const d = version ? dashboardStore().get(uid, version) : latest;
  if (!d) notFound();
  return (
    <DashboardPage
      dashboard={d.def}
      searchParams={searchParams}
      path={`/dashboards/${encodeURIComponent(uid)}`}
      header={<DashboardActions saved={{ uid, version: version ?? latest.version, latest: latest.version }} />}
    />
  );
}
