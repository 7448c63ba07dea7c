import type { Span, Trace } from '../traces/model';
import { flameLayout } from '../traces/view/flame';
import { overviewOf, prepareTrace } from '../traces/view/prepare';
import { buildTraceIndex, skeletonOf } from '../traces/view/trace-index';
import { computeView, viewKey, windowOf, type ComputedView } from '../traces/view/window';
import { ApiError } from './fetch-json';
import type { TraceSource } from './traces';

/** A waterfall source that runs the same pure functions in the browser, over a trace from a file. */
export function localTraceSource(trace: Trace, key: string): TraceSource {
  const pt = prepareTrace(buildTraceIndex(trace.traceId, trace.spans.map(skeletonOf)));
  const spans = new Map<string, Span>(trace.spans.map((s) => [s.spanId, s]));
  const views = new Map<string, ComputedView>();
  return {
    key,
    overview: async () => overviewOf(pt),
    rows: async (view, offset, limit, focus) => {
      const k = viewKey(view);
      let cv = views.get(k);
      if (!cv) {
        cv = computeView(pt, view);
        views.set(k, cv);
        if (views.size > 8) views.delete(views.keys().next().value as string);
      }
      return windowOf(pt, view, cv, offset, limit, focus || undefined);
    },
    flame: async (zoom) => {
      const dur = Math.max(pt.ix.durationNs, 1);
      return flameLayout(pt, zoom ? [zoom[0] * dur, zoom[1] * dur] : [0, dur]);
    },
    span: async (spanId) => {
      const s = spans.get(spanId);
      if (!s) throw new ApiError(404, 'not_found', `span ${spanId} is not in this file`);
      const origin = trace.resources[s.resourceId]!;
      return { span: s, resource: origin.resource, scope: origin.scope };
    },
  };
}
