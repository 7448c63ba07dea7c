'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { parseTraceIdInput } from '@/lib/traces/trace-id-input';

export type CompareWithProps = { traceId: string };

/** From a waterfall to the comparison of this trace (A) with another (B). */
export function CompareWith({ traceId }: CompareWithProps) {
  const router = useRouter();
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        const r = parseTraceIdInput(other);
        if ('error' in r) return setError(r.error);
        router.push(`/traces/compare?a=${traceId}&b=${r.traceId}`);
      }}
    >
      <input
        aria-label="Compare with trace id"
        aria-invalid={error !== null}
        title={error ?? undefined}
        value={other}
        onChange={(e) => {
          setOther(e.target.value);
          setError(null);
        }}
        placeholder="Compare with trace id…"
        className={`w-48 rounded border bg-white px-2 py-1 font-mono text-xs dark:bg-slate-950 ${error ? 'border-red-500' : 'border-slate-200 dark:border-slate-700'}`}
      />
      {error && (
        <span role="alert" className="max-w-xs text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </form>
  );
}
