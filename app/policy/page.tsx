import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { CanaryVerdict } from '@/components/policy/canary-verdict';
import { policyDashboard } from '@/lib/dashboards/policy';

export const metadata: Metadata = { title: 'Policy canary' };
export const dynamic = 'force-dynamic';

export default function PolicyPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="space-y-3">
      <Suspense fallback={<div className="skeleton h-48 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
        <div className="mx-auto max-w-[1800px]">
          <CanaryVerdict />
        </div>
      </Suspense>
      <DashboardPage dashboard={policyDashboard} searchParams={searchParams} />
    </div>
  );
}
