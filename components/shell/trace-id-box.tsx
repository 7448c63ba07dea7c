'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { isTypingTarget } from '@/components/hooks/keys';
import { parseTraceIdInput } from '@/lib/traces/trace-id-input';

/** Paste a trace id, a traceparent or an X-Trace-ID value and go straight to the trace; `/` focuses it. */
export function TraceIdBox() {
  const router = useRouter();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form
      role="search"
      aria-label="Open a trace by id"
      className="relative"
      onSubmit={(e) => {
        e.preventDefault();
        const r = parseTraceIdInput(value);
        if ('error' in r) {
          setError(r.error);
          return;
        }
        setError(null);
        setValue('');
        router.push(`/traces/${r.traceId}${r.spanId ? `?span=${r.spanId}` : ''}`);
      }}
    >
      <input
        ref={input}
        aria-label="Trace id"
        aria-invalid={error !== null}
        aria-describedby={error ? 'trace-id-error' : undefined}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        placeholder="Trace id / traceparent"
        className="w-56 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
      />
      {error && (
        <p
          id="trace-id-error"
          role="alert"
          className="absolute right-0 top-full z-40 mt-1 w-80 rounded border border-red-200 bg-white p-2 text-xs text-red-700 shadow dark:border-red-900 dark:bg-slate-900 dark:text-red-300"
        >
          {error}
        </p>
      )}
    </form>
  );
}
