import { renderQuery } from '../prometheus/template';
import type { RangeParams } from '../queries/prom';
import type { AnnotationSource } from './sources';

/** The range query each annotation source runs over a dashboard's range (the panels' grid). */
export function annotationQueries(
  sources: readonly AnnotationSource[],
  range: { start: number; end: number; step: number; rateInterval: number },
): (RangeParams & { kind: AnnotationSource['kind'] })[] {
  return sources.map((s) => ({
    kind: s.kind,
    query: renderQuery(s.expr, {
      variables: {},
      rateIntervalSec: range.rateInterval,
      rangeSec: range.end - range.start,
    }),
    start: range.start,
    end: range.end,
    step: range.step,
  }));
}
