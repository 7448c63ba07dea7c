import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FileTrace } from '@/components/traces/file-trace';

export const metadata: Metadata = { title: 'Open a trace file' };

export default function TraceFilePage() {
  return (
    <Suspense fallback={null}>
      <FileTrace />
    </Suspense>
  );
}
