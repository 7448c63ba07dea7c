import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AnalyzeView } from '@/components/traces/analyze-view';

export const metadata: Metadata = { title: 'Why is it slow?' };

export default function AnalyzePage() {
  return (
    <Suspense fallback={<div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
      <AnalyzeView />
    </Suspense>
  );
}
