import type { Metadata } from 'next';
import { AnswersBoundary, PrefetchedQueries } from '@/components/dashboard/prefetched-queries';
import { Overview } from '@/components/overview/overview';
import { overviewPrefetch, pageAnswers } from '@/lib/server/prefetch';

export const metadata: Metadata = { title: 'Overview' };
export const dynamic = 'force-dynamic';

/** `/`: its targets, SLO tiles and alerts are fetched by the server and rendered with the page. */
export default async function Home() {
  const entries = await pageAnswers(overviewPrefetch);
  return (
    <PrefetchedQueries entries={entries}>
      <AnswersBoundary fallback={<div className="skeleton h-64 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
        <Overview />
      </AnswersBoundary>
    </PrefetchedQueries>
  );
}
