import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Explore } from '@/components/explore/explore';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Explore' };
export const dynamic = 'force-dynamic';

export default function ExplorePage() {
  const cfg = getConfig();
  const settings = { maxDataPoints: cfg.maxDataPoints, scrapeIntervalSec: cfg.scrapeIntervalMs / 1000 };
  return (
    <Suspense fallback={<div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
      <Explore settings={settings} />
    </Suspense>
  );
}
