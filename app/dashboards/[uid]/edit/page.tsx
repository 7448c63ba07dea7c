import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DashboardEditor } from '@/components/dashboard/editor/dashboard-editor';
import { getConfig } from '@/lib/config';
import { dashboardStore } from '@/lib/server/dashboards';

export const dynamic = 'force-dynamic';

type Params = Promise<{ uid: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const d = dashboardStore().get((await params).uid);
  return { title: d ? `Edit ${d.title}` : 'Dashboard not found' };
}

/** The editor on a saved dashboard's latest version (editors only: lib/auth/access.ts). */
export default async function EditDashboardPage({ params }: { params: Params }) {
  const d = dashboardStore().get((await params).uid);
  if (!d) notFound();
  const cfg = getConfig();
  return (
    <DashboardEditor
      initial={d.def}
      uid={d.uid}
      version={d.version}
      tags={d.tags}
      settings={{ maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 }}
    />
  );
}
