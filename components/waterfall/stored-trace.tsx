'use client';

import { useMemo } from 'react';
import { remoteTraceSource } from '@/lib/queries/traces';
import { CompareWith } from './compare-with';
import { TraceView } from './trace-view';

export type StoredTraceProps = { traceId: string };

/** A trace from the console's store. */
export function StoredTrace({ traceId }: StoredTraceProps) {
  const source = useMemo(() => remoteTraceSource(traceId), [traceId]);
  return (
    <TraceView
      source={source}
      actions={
        <>
          <CompareWith traceId={traceId} />
          <a
            href={`/api/traces/${traceId}/otlp`}
            download={`trace-${traceId}.otlp.json`}
            className="rounded border border-slate-200 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Download OTLP JSON
          </a>
        </>
      }
    />
  );
}
