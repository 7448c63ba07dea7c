'use client';

import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type Annotation, type AnnotationKind, DETECTORS } from '@/lib/annotations/detect';
import { annotationQueries } from '@/lib/annotations/queries';
import type { AnnotationSource } from '@/lib/annotations/sources';
import { promKeys, rangeQueryOptions } from '@/lib/queries/prom';
import type { PlannedRange } from './types';

const NONE: AnnotationSource[] = [];

/** The query keys of a page's annotations over a range (for the server's answers). */
export function annotationKeys(sources: readonly AnnotationSource[] | undefined, range: PlannedRange) {
  return annotationQueries(sources ?? NONE, range).map((q) => promKeys.range(q));
}

/**
 * A page's annotations over its range, newest last. They are a bonus: a source that fails is left
 * out (and named in `failed`), never failing a panel.
 */
export function useAnnotations(
  sources: readonly AnnotationSource[] | undefined,
  range: PlannedRange,
): { annotations: Annotation[]; failed: AnnotationKind[]; pending: boolean } {
  const queries = useMemo(() => annotationQueries(sources ?? NONE, range), [sources, range]);
  const results = useQueries({
    queries: queries.map((q) => ({ ...rangeQueryOptions(q), placeholderData: keepPreviousData })),
  });
  // Cheap (a few series of a few hundred points): worked out on each render.
  const annotations = queries
    .flatMap((q, i) => {
      const data = results[i]?.data;
      return data ? DETECTORS[q.kind](data, sources?.[i]?.name) : [];
    })
    .sort((a, b) => a.t - b.t);
  return {
    annotations,
    failed: queries.filter((_, i) => results[i]?.error).map((q) => q.kind),
    pending: results.some((r) => r.isPending),
  };
}
