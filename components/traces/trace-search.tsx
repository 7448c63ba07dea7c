'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTimeAnchor } from '@/components/hooks/time-anchor';
import { traceSearchOptions } from '@/lib/queries/trace-search';
import { parseTraceSearch } from '@/lib/traces/search';
import type { TraceSort } from '@/lib/traces/model';
import { ResultsScatter } from './results-scatter';
import { ResultsTable } from './results-table';
import { SearchForm, type SearchFields } from './search-form';
import { LoadError } from '@/components/shell/load-error';

const FIELDS = ['service', 'operation', 'minDuration', 'maxDuration', 'tags', 'limit'] as const;
const SORT_WORDS: Record<TraceSort, string> = {
  newest: 'newest',
  oldest: 'oldest',
  longest: 'longest',
  shortest: 'shortest',
  'most-spans': 'with the most spans',
  'most-errors': 'with the most errors',
};

export type TraceSearchProps = {
  /** Its URL keys carry this prefix (Explore's trace pane: `t_service`, …); none on /traces. */
  prefix?: string;
  /** The range to search in, when not the page's own `from` / `to` (Explore's right pane). */
  range?: { from: string; to: string };
  /** One column (a pane beside another): the form above the results. */
  compact?: boolean;
  /** where the range comes from, said under the form's button */
  rangeNote?: string;
};

/** The search's own parameters: the prefixed keys without their prefix, and the range. */
function ownParams(all: URLSearchParams, prefix: string, range?: { from: string; to: string }): URLSearchParams {
  if (!prefix && !range) return all;
  const own = new URLSearchParams();
  for (const [k, v] of all) if (k.startsWith(prefix)) own.append(k.slice(prefix.length), v);
  if (range) {
    own.set('from', range.from);
    own.set('to', range.to);
  }
  return own;
}

/** The analysis of the same search (its filters and range; not its limit or sort). */
function analyzeParams(own: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of ['service', 'operation', 'tags', 'minDuration', 'maxDuration', 'from', 'to']) {
    const v = own.get(k);
    if (v) out.set(k, v);
  }
  return out;
}

/** /traces: the search form, and the results as a duration scatter and a sortable table. */
export function TraceSearch({ prefix = '', range, compact = false, rangeNote }: TraceSearchProps) {
  const params = useSearchParams();
  const pathname = usePathname();
  const { anchorMs, bump } = useTimeAnchor();
  const full = params.toString();
  const raw = ownParams(new URLSearchParams(full), prefix, range).toString();
  const own = new URLSearchParams(raw);
  const parsed = parseTraceSearch(new URLSearchParams(raw), anchorMs);
  const q = useQuery({ ...traceSearchOptions(raw, anchorMs), enabled: !('error' in parsed) });
  const initial = Object.fromEntries(FIELDS.map((k) => [k, own.get(k) ?? ''])) as SearchFields;
  const sort = 'error' in parsed ? 'newest' : (parsed.search.sort ?? 'newest');
  const onSort = (next: TraceSort) => {
    const sp = new URLSearchParams(full);
    if (next === 'newest') sp.delete(`${prefix}sort`);
    else sp.set(`${prefix}sort`, next);
    window.history.pushState(null, '', `${pathname}?${sp}`);
  };
  // A search the form refused: the results of the last one are hidden (they are not of what it says).
  const [refused, setRefused] = useState<string | null>(null);
  const stale = refused === raw;
  const onSearch = (f: SearchFields) => {
    setRefused(null);
    const sp = new URLSearchParams(full);
    for (const k of FIELDS) {
      if (f[k].trim()) sp.set(`${prefix}${k}`, f[k].trim());
      else sp.delete(`${prefix}${k}`);
    }
    window.history.pushState(null, '', `${pathname}?${sp}`);
    bump();
  };
  const state =
    'error' in parsed
      ? 'error'
      : stale
        ? 'invalid'
        : q.isPending
          ? 'loading'
          : q.error
            ? 'error'
            : q.data.traces.length === 0
              ? 'empty'
              : 'ready';
  return (
    <div className={compact ? 'space-y-3' : 'grid gap-4 lg:grid-cols-[18rem_1fr]'}>
      <div className="space-y-2">
        <SearchForm
          key={raw}
          initial={initial}
          onSearch={onSearch}
          onInvalid={() => setRefused(raw)}
          {...(rangeNote ? { rangeNote } : {})}
        />
        {!compact && (
          <Link
            href="/traces/file"
            className="block text-center text-xs text-indigo-700 underline dark:text-indigo-300"
          >
            Open a trace file from disk
          </Link>
        )}
      </div>
      <section
        data-testid="trace-search"
        data-state={state}
        aria-busy={state === 'loading'}
        className="min-w-0 space-y-3"
      >
        {'error' in parsed && (
          <p
            role="alert"
            className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            This search cannot run: {parsed.error}. Fix it in the form.
          </p>
        )}
        {state === 'invalid' && (
          <p className="rounded border border-slate-200 p-3 text-sm text-slate-500 dark:border-slate-800">
            Fix the search in the form to see its traces.
          </p>
        )}
        {state === 'loading' && <div className="skeleton h-80 rounded-lg bg-slate-200 dark:bg-slate-800" />}
        {q.error && !stale && (
          <LoadError
            variant="block"
            what="The search failed"
            message={q.error.message}
            onRetry={() => void q.refetch()}
          />
        )}
        {state === 'empty' && (
          <div className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-900">
            <p className="font-medium">No traces match</p>
            <p className="mt-1 text-xs">
              Nothing in the store matches these filters in this time range. Widen the range in the header, lower the
              minimum duration or remove a tag.
            </p>
          </div>
        )}
        {state === 'ready' && q.data && (
          <>
            <p className="text-xs text-slate-500" aria-live="polite" data-testid="result-count">
              {q.data.matched !== undefined
                ? `The ${q.data.traces.length.toLocaleString('en-US')} ${SORT_WORDS[sort]} of ${q.data.matched.toLocaleString('en-US')}${q.data.capped ? '+' : ''} matching traces${q.data.capped ? ` (sorted among the newest ${q.data.matched.toLocaleString('en-US')}; narrow the search to sort them all)` : ''}`
                : `${q.data.traces.length} trace${q.data.traces.length === 1 ? '' : 's'}${
                    q.data.traces.length >= q.data.limit
                      ? ` (the newest ${q.data.limit}; raise the limit or sort by a column to see others)`
                      : ''
                  }`}
            </p>
            {!compact && (
              <Link
                data-testid="analyze-link"
                href={`/traces/analyze?${analyzeParams(own)}`}
                className="text-xs text-indigo-700 underline dark:text-indigo-300"
              >
                Why are some of these slow? Compare the slowest tenth with the rest
              </Link>
            )}
            <ResultsScatter traces={q.data.traces} />
            <ResultsTable traces={q.data.traces} sort={sort} onSort={onSort} />
          </>
        )}
      </section>
    </div>
  );
}
