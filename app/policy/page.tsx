import type { Metadata } from 'next';
import { DashboardPage, type SearchParams } from '@/components/dashboard/dashboard-page';
import { AnswersBoundary } from '@/components/dashboard/prefetched-queries';
import { CanaryVerdict, VerdictSkeleton } from '@/components/policy/canary-verdict';
import { policyDashboard } from '@/lib/dashboards/policy';
import { canaryPrefetch } from '@/lib/server/prefetch';

export const metadata: Metadata = { title: 'Policy canary' };
export const dynamic = 'force-dynamic';

export default function PolicyPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage
      dashboard={policyDashboard}
      searchParams={searchParams}
      prefetch={canaryPrefetch}
      header={
        <div className="mx-auto mb-3 max-w-[1800px]">
          <AnswersBoundary fallback={<VerdictSkeleton />}>
            <CanaryVerdict />
          </AnswersBoundary>
        </div>
      }
    />
  );
}
