import type { Metadata } from 'next';
import { DashboardEditor } from '@/components/dashboard/editor/dashboard-editor';
import type { DashboardDef } from '@/lib/dashboards/types';
import { getConfig } from '@/lib/config';
import { copySource } from '@/lib/server/dashboards';

export const metadata: Metadata = { title: 'New dashboard' };
export const dynamic = 'force-dynamic';

const EMPTY: DashboardDef = {
  id: 'dashboard',
  version: 1,
  title: 'New dashboard',
  description: '',
  variables: [],
  panels: [],
};

/**
 * The editor on a dashboard not saved yet: empty, or `?copy=<id>` ("Save as" of a built-in page or a
 * provisioned dashboard, which stays as it is).
 */
export default async function NewDashboardPage({ searchParams }: { searchParams: Promise<{ copy?: string }> }) {
  const { copy } = await searchParams;
  const src = copy ? copySource(copy) : undefined;
  const initial = src ? { ...src, title: `${src.title} (copy)`.slice(0, 200) } : EMPTY;
  const cfg = getConfig();
  return (
    <div className="space-y-2">
      {copy && !src && (
        <p role="alert" className="mx-auto max-w-[1800px] text-sm text-amber-800 dark:text-amber-200">
          There is no built-in or provisioned dashboard “{copy.slice(0, 60)}” to copy: starting from an empty one.
        </p>
      )}
      <DashboardEditor
        initial={initial}
        uid={null}
        version={null}
        tags={[]}
        settings={{ maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 }}
      />
    </div>
  );
}
