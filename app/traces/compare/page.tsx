import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TraceCompare } from '@/components/traces/trace-compare';

export const metadata: Metadata = { title: 'Compare traces' };

export default function TraceComparePage() {
  return (
    <Suspense fallback={<div className="skeleton h-64 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
      <TraceCompare />
    </Suspense>
  );
}
