import type { Metadata } from 'next';
import { AnswersBoundary, PrefetchedQueries } from '@/components/dashboard/prefetched-queries';
import { AnalyzeView } from '@/components/traces/analyze-view';
import { pageAnswers } from '@/lib/server/prefetch';
import { analyzePrefetch, pageRedacts } from '@/lib/server/trace-prefetch';
import { toSearchParams } from '@/lib/url/view-state';

export const metadata: Metadata = { title: 'Why is it slow?' };
export const dynamic = 'force-dynamic';

const skeleton = <div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />;

/** `/traces/analyze`: the analysis the URL asks for is started by the server as the request arrives and sent with the page. */
export default async function AnalyzePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const entries = await pageAnswers(analyzePrefetch(toSearchParams(await searchParams), await pageRedacts()));
  return (
    <PrefetchedQueries entries={entries}>
      <AnswersBoundary fallback={skeleton}>
        <AnalyzeView />
      </AnswersBoundary>
    </PrefetchedQueries>
  );
}
