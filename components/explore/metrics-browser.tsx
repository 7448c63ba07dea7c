'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod/mini';
import { LoadError } from '@/components/shell/load-error';
import { focusInPlace, Popover } from '@/components/shell/popover';
import { metadataOf } from '@/lib/explore/metadata';
import { fetchJson } from '@/lib/queries/fetch-json';

export type MetricsBrowserProps = { onInsert: (metric: string) => void };

const namesSchema = z.object({ values: z.array(z.string()) });
const metadataSchema = z.object({
  metadata: z.record(z.string(), z.array(z.object({ type: z.string(), help: z.string() }))),
});
const labelsSchema = z.object({ names: z.array(z.string()) });

/** Every metric Prometheus has, searchable, with its TYPE and HELP and its labels; one click puts it in the editor. */
export function MetricsBrowser({ onInsert }: MetricsBrowserProps) {
  return (
    <Popover label="Metrics" title="Metrics in Prometheus" testId="explore-metrics" align="left" width="w-[32rem]">
      {(close) => <MetricList onInsert={(m) => (onInsert(m), close())} />}
    </Popover>
  );
}

function MetricList({ onInsert }: MetricsBrowserProps) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const names = useQuery({
    queryKey: ['explore', 'metric-names'],
    queryFn: ({ signal }) => fetchJson('/api/prom/labels/__name__/values', namesSchema, signal),
    staleTime: 30_000,
  });
  const meta = useQuery({
    queryKey: ['explore', 'metadata'],
    queryFn: ({ signal }) => fetchJson('/api/prom/metadata', metadataSchema, signal),
    staleTime: 30_000,
  });
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (names.data?.values ?? []).filter((n) => words.every((w) => n.toLowerCase().includes(w)));
  return (
    <div className="text-sm">
      <input
        ref={focusInPlace}
        type="search"
        aria-label="Search metrics"
        placeholder={`Search ${names.data?.values.length ?? ''} metrics…`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="mb-2 w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
      />
      {names.isPending && <div className="skeleton h-24 rounded bg-slate-100 dark:bg-slate-800" />}
      {names.error && (
        <LoadError
          what="The metrics could not load"
          message={names.error.message}
          onRetry={() => void names.refetch()}
        />
      )}
      {names.data && shown.length === 0 && <p className="text-xs text-slate-500">No metric name holds “{text}”.</p>}
      <ul className="max-h-96 overflow-y-auto" data-testid="metric-list">
        {shown.slice(0, 300).map((n) => {
          const m = metadataOf(meta.data?.metadata, n);
          return (
            <li
              key={n}
              data-testid="metric-item"
              data-metric={n}
              className="border-b border-slate-100 py-1 dark:border-slate-800"
            >
              <div className="flex items-start gap-2">
                <button
                  type="button"
                  aria-expanded={open === n}
                  onClick={() => setOpen(open === n ? null : n)}
                  className="min-w-0 flex-1 text-left"
                >
                  <span className="font-mono text-xs">{n}</span>
                  {m && <span className="ml-2 text-[10px] uppercase text-slate-500">{m.type}</span>}
                  {m && <span className="block truncate text-xs text-slate-500">{m.help}</span>}
                </button>
                <button
                  type="button"
                  onClick={() => onInsert(n)}
                  className="shrink-0 rounded border border-slate-300 px-2 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
                >
                  Insert
                </button>
              </div>
              {open === n && <MetricLabels metric={n} />}
            </li>
          );
        })}
      </ul>
      {shown.length > 300 && <p className="text-xs text-slate-500">{shown.length - 300} more: narrow the search.</p>}
    </div>
  );
}

function MetricLabels({ metric }: { metric: string }) {
  const q = useQuery({
    queryKey: ['explore', 'labels', metric],
    queryFn: ({ signal }) =>
      fetchJson(`/api/prom/labels?${new URLSearchParams({ 'match[]': metric })}`, labelsSchema, signal),
    staleTime: 30_000,
  });
  if (q.isPending) return <p className="text-xs text-slate-500">Loading its labels…</p>;
  if (q.error)
    return <LoadError what="Its labels could not load" message={q.error.message} onRetry={() => void q.refetch()} />;
  const labels = q.data.names.filter((l) => l !== '__name__');
  return (
    <p data-testid="metric-labels" className="mt-1 text-xs text-slate-600 dark:text-slate-300">
      Labels: {labels.length ? labels.join(', ') : 'none'}
    </p>
  );
}
