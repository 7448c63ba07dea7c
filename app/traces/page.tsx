import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TraceSearch } from '@/components/traces/trace-search';

export const metadata: Metadata = { title: 'Traces' };

export default function TracesPage() {
  return (
    <Suspense fallback={<div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
      <TraceSearch />
    </Suspense>
  );
}
