import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { StoredTrace } from '@/components/waterfall/stored-trace';
import { ROWS_PAGE, traceKeys } from '@/lib/queries/traces';
import { currentPrincipal } from '@/lib/auth/server';
import { redactFor } from '@/lib/server/redaction';
import { preparedTrace, traceWindow } from '@/lib/server/trace-views';
import { traceStore } from '@/lib/server/traces';
import { parseTraceIdInput } from '@/lib/traces/trace-id-input';
import { overviewOf } from '@/lib/traces/view/prepare';
import { pageView, parseTracePage } from '@/lib/url/trace-view';
import { toSearchParams } from '@/lib/url/view-state';

export const metadata: Metadata = { title: 'Trace' };

type Props = {
  params: Promise<{ traceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The first rows, the overview and the selected span are fetched here and rendered into the HTML,
 * so the waterfall paints before its scripts load and the browser makes no request to start.
 * Any failure is left to the browser, which shows it with a retry.
 */
async function prefetch(id: string, search: URLSearchParams): Promise<QueryClient> {
  const qc = new QueryClient();
  try {
    const pt = await preparedTrace(id);
    const { state } = parseTracePage(search);
    const view = pageView(state);
    const focus = state.span ?? '';
    qc.setQueryData(traceKeys.overview(id), overviewOf(pt));
    const meta = await traceWindow(id, view, 0, 1, focus);
    qc.setQueryData(traceKeys.rows(id, view, 0, 1, focus), meta);
    const pages = new Set([0, meta.focusRow === null ? 0 : Math.floor(meta.focusRow / ROWS_PAGE)]);
    for (const p of pages)
      qc.setQueryData(
        traceKeys.rows(id, view, p * ROWS_PAGE, ROWS_PAGE),
        await traceWindow(id, view, p * ROWS_PAGE, ROWS_PAGE),
      );
    const selected = state.span ?? pt.overview.root?.spanId;
    const detail = selected ? await traceStore().span(id, selected) : null;
    if (selected && detail) qc.setQueryData(traceKeys.span(id, selected), redactFor(await currentPrincipal(), detail));
  } catch {
    // The browser asks again and shows what went wrong.
  }
  return qc;
}

export default async function TracePage({ params, searchParams }: Props) {
  const { traceId } = await params;
  // Next hands the segment over decoded; the console server passes malformed percent-encoding
  // through as typed, so this is the text someone pasted.
  const parsed = parseTraceIdInput(traceId);
  if ('error' in parsed) notFound();
  const id = parsed.traceId;
  if (id !== traceId || parsed.spanId) {
    // A traceparent (or an upper-case id): the canonical URL, with the span it names selected.
    const sp = toSearchParams(await searchParams);
    if (parsed.spanId && !sp.has('span')) sp.set('span', parsed.spanId);
    redirect(`/traces/${id}${sp.size ? `?${sp}` : ''}`);
  }
  const sp = toSearchParams(await searchParams);
  const qc = await prefetch(id, sp);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <Suspense fallback={<div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
        <StoredTrace traceId={id} />
      </Suspense>
    </HydrationBoundary>
  );
}
