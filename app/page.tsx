import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Overview } from '@/components/overview/overview';

export const metadata: Metadata = { title: 'Overview' };
export const dynamic = 'force-dynamic';

export default function Home() {
  return (
    <Suspense fallback={<div className="skeleton h-64 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
      <Overview />
    </Suspense>
  );
}
