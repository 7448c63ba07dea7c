import {
  SPAN_KINDS,
  STATUS_CODES,
  type Span,
  type SpanKind,
  type StatusCode,
  type Trace,
  type TraceWarning,
} from './model';
import type { RawSpan } from './otlp/types';

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Lower-case hex of an id (no Buffer: the model is also built in browsers, from files). */
export function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX_BYTE[b[i]!];
  return s;
}

export function kindName(k: number): SpanKind {
  return SPAN_KINDS[k] ?? 'unspecified';
}

export function statusName(c: number): StatusCode {
  return STATUS_CODES[c] ?? 'unset';
}

/** A decoded OTLP span in the console's model. */
export function toModelSpan(s: RawSpan, service: string, resourceId: string): Span {
  const span: Span = {
    traceId: hex(s.traceId),
    spanId: hex(s.spanId),
    traceState: s.traceState,
    flags: s.flags,
    name: s.name,
    kind: kindName(s.kind),
    service,
    startNs: s.startNs.toString(),
    endNs: s.endNs.toString(),
    durationNs: (s.endNs - s.startNs).toString(),
    attributes: s.attributes,
    droppedAttributesCount: s.droppedAttributesCount,
    events: s.events.map((e) => ({
      timeNs: e.timeNs.toString(),
      name: e.name,
      attributes: e.attributes,
      droppedAttributesCount: e.droppedAttributesCount,
    })),
    droppedEventsCount: s.droppedEventsCount,
    links: s.links.map((l) => ({
      traceId: hex(l.traceId),
      spanId: hex(l.spanId),
      traceState: l.traceState,
      flags: l.flags,
      attributes: l.attributes,
      droppedAttributesCount: l.droppedAttributesCount,
    })),
    droppedLinksCount: s.droppedLinksCount,
    status: { code: statusName(s.statusCode), message: s.statusMessage },
    resourceId,
  };
  if (s.parentSpanId.length) span.parentSpanId = hex(s.parentSpanId);
  return span;
}

/**
 * Warnings a reader of the trace needs: a parent that never arrived, and clock skew, i.e. a child
 * in another service that starts before its parent or ends after it (the two hosts' clocks
 * disagree; within one service the SDK's clock is shared, so an overhang there is real).
 */
export function traceWarnings(spans: Span[]): TraceWarning[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const out: TraceWarning[] = [];
  for (const s of spans) {
    if (!s.parentSpanId) continue;
    const p = byId.get(s.parentSpanId);
    if (!p) {
      out.push({
        kind: 'missing-parent',
        spanId: s.spanId,
        parentSpanId: s.parentSpanId,
        message: `parent span ${s.parentSpanId} of "${s.name}" is not in the trace`,
      });
      continue;
    }
    if (p.service === s.service) continue;
    const early = BigInt(p.startNs) - BigInt(s.startNs);
    const late = BigInt(s.endNs) - BigInt(p.endNs);
    const skew = early > 0n ? early : late > 0n ? late : 0n;
    if (skew > 0n) {
      const how = early > 0n ? 'starts before' : 'ends after';
      out.push({
        kind: 'clock-skew',
        spanId: s.spanId,
        parentSpanId: p.spanId,
        skewNs: (early > 0n ? -early : late).toString(),
        message: `"${s.name}" (${s.service}) ${how} its parent "${p.name}" (${p.service}) by ${formatNs(skew)}: the two services' clocks disagree`,
      });
    }
  }
  return out;
}

function formatNs(ns: bigint): string {
  const ms = Number(ns) / 1e6;
  return ms >= 1 ? `${ms.toFixed(ms >= 100 ? 0 : 2)} ms` : `${(Number(ns) / 1e3).toFixed(1)} µs`;
}

/** Assemble a trace from its spans: ordered by start time, bounds and warnings computed. */
export function buildTrace(traceId: string, spans: Span[], resources: Trace['resources']): Trace {
  spans.sort((a, b) => {
    const d = BigInt(a.startNs) - BigInt(b.startNs);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  });
  let start: bigint | null = null;
  let end: bigint | null = null;
  for (const s of spans) {
    const st = BigInt(s.startNs);
    const en = BigInt(s.endNs);
    if (start === null || st < start) start = st;
    if (end === null || en > end) end = en;
  }
  const s0 = start ?? 0n;
  const e0 = end ?? 0n;
  return {
    traceId,
    startNs: s0.toString(),
    endNs: e0.toString(),
    durationNs: (e0 - s0).toString(),
    spans,
    resources,
    warnings: traceWarnings(spans),
  };
}
