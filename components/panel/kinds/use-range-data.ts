'use client';

import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useServerAnswers } from '@/components/dashboard/prefetched-queries';
import { panelExprs } from '@/lib/dashboards/panel-queries';
import type { QueryPanelDef } from '@/lib/dashboards/types';
import type { CompactMatrixResponse } from '@/lib/queries/prom';
import { promKeys, rangeQueryOptions } from '@/lib/queries/prom';
import type { PanelData, PanelContext } from './types';

export type RangeData = {
  queries: string[];
  /** Every query's answer, once all have one. */
  results: CompactMatrixResponse[] | null;
  error?: string;
  warnings: string[];
  fetching: boolean;
  retry: () => void;
};

/**
 * A panel's range queries with the page's variables and range. On a full page load it waits for
 * the server's answers (the panel is drawn in the page's HTML); otherwise it fetches. `extraKeys`
 * are other server answers the panel reads (its exemplars).
 */
export function useRangeData(
  def: QueryPanelDef,
  ctx: PanelContext,
  extraKeys: readonly (readonly unknown[])[] = [],
): RangeData {
  const { vars, range } = ctx;
  const queries = useMemo(() => panelExprs(def, vars, range), [def, vars, range]);
  useServerAnswers([
    ...queries.map((query) => promKeys.range({ query, start: range.start, end: range.end, step: range.step })),
    ...extraKeys,
  ]);
  const results = useQueries({
    queries: queries.map((query) => ({
      ...rangeQueryOptions({ query, start: range.start, end: range.end, step: range.step }),
      placeholderData: keepPreviousData,
    })),
  });
  const error = results.find((r) => r.error)?.error;
  const all = results.every((r) => r.data !== undefined) ? results.map((r) => r.data as CompactMatrixResponse) : null;
  return {
    queries,
    results: error ? null : all,
    ...(error ? { error: error.message } : {}),
    warnings: [...new Set(results.flatMap((r) => r.data?.warnings ?? []))],
    fetching: results.some((r) => r.isFetching),
    retry: () => results.forEach((r) => r.error && r.refetch()),
  };
}

/** The frame's data from range data and what the kind made of it (null while loading). */
export function fromRange<T>(
  r: RangeData,
  value: T | null,
  empty: (v: T) => boolean,
  extra: Partial<PanelData<T>> = {},
): PanelData<T> {
  const state = r.error ? 'error' : value === null ? 'loading' : empty(value) ? 'empty' : 'ready';
  return {
    state,
    value: state === 'ready' ? value : null,
    queries: r.queries,
    warnings: r.warnings,
    fetching: r.fetching,
    retry: r.retry,
    ...(r.error ? { error: r.error } : {}),
    ...extra,
  };
}
