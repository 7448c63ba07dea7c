import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ServiceMap } from '@/components/services/service-map';

export const metadata: Metadata = { title: 'Service map' };

export default function ServicesPage() {
  return (
    <Suspense fallback={<div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />}>
      <ServiceMap />
    </Suspense>
  );
}
