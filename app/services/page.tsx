import type { Metadata } from 'next';
import { AnswersBoundary, PrefetchedQueries } from '@/components/dashboard/prefetched-queries';
import { ServiceMap } from '@/components/services/service-map';
import { pageAnswers } from '@/lib/server/prefetch';
import { serviceMapPrefetch } from '@/lib/server/trace-prefetch';
import { toSearchParams } from '@/lib/url/view-state';

export const metadata: Metadata = { title: 'Service map' };
export const dynamic = 'force-dynamic';

const skeleton = <div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />;

/** `/services`: the map of the range is computed by the server as the request arrives and sent with the page. */
export default async function ServicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const entries = await pageAnswers(serviceMapPrefetch(toSearchParams(await searchParams)));
  return (
    <PrefetchedQueries entries={entries}>
      <AnswersBoundary fallback={skeleton}>
        <ServiceMap />
      </AnswersBoundary>
    </PrefetchedQueries>
  );
}
