'use client';

import { useQueries } from '@tanstack/react-query';
import { LoadError } from '@/components/shell/load-error';
import { rangeQueryOptions } from '@/lib/queries/prom';

export type RawJsonProps = { queries: string[]; range: { start: number; end: number; step: number } };

/** A JSON view shows at most this many characters per query (a 24-hour answer can be megabytes). */
const MAX_CHARS = 200_000;

/** Each query's answer as the console's API gave it (the compact grid the graph draws), as JSON. */
export function RawJson({ queries, range }: RawJsonProps) {
  const results = useQueries({
    queries: queries.map((query) => rangeQueryOptions({ query, start: range.start, end: range.end, step: range.step })),
  });
  return (
    <section data-testid="explore-json" className="space-y-2">
      {results.map((r, i) => {
        const text = r.data ? JSON.stringify(r.data, null, 2) : '';
        return (
          <div
            key={i}
            className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 className="mb-1 text-sm font-semibold">
              {String.fromCharCode(65 + i)}{' '}
              <span className="font-mono text-xs font-normal text-slate-500">
                GET /api/prom/query_range (start {range.start}, end {range.end}, step {range.step}s)
              </span>
            </h2>
            {r.isPending && <div className="skeleton h-24 rounded bg-slate-100 dark:bg-slate-800" />}
            {r.error && (
              <LoadError what="The query failed" message={r.error.message} onRetry={() => void r.refetch()} />
            )}
            {r.data && (
              <pre
                data-testid="explore-json-text"
                className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all text-xs"
              >
                {text.length > MAX_CHARS
                  ? `${text.slice(0, MAX_CHARS)}\n… (${text.length.toLocaleString('en-US')} characters in all)`
                  : text}
              </pre>
            )}
          </div>
        );
      })}
    </section>
  );
}
