import type { Metadata } from 'next';
import { Suspense } from 'react';
import { StoredTrace } from '@/components/waterfall/stored-trace';
import { normalizeTraceId } from '@/lib/traces/search';

export const metadata: Metadata = { title: 'Trace' };

export default async function TracePage({ params }: { params: Promise<{ traceId: string }> }) {
  const { traceId } = await params;
  const id = normalizeTraceId(decodeURIComponent(traceId));
  if (!id) {
    return (
      <div role="alert" className="mx-auto mt-10 max-w-xl rounded-lg border border-red-200 bg-white p-4 text-sm dark:border-red-900 dark:bg-slate-900">
        <p className="font-medium text-red-700 dark:text-red-400">Not a trace id</p>
        <p className="mt-1">&quot;{traceId.slice(0, 80)}&quot; is not a trace id: expected 32 hex digits (or a W3C traceparent).</p>
      </div>
    );
  }
  return (
    <Suspense fallback={<div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
      <StoredTrace traceId={id} />
    </Suspense>
  );
}
