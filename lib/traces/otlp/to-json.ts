/**
 * A trace in the console's model back to OTLP/JSON (the protobuf JSON mapping with hex ids and
 * int64 as strings), so that a downloaded trace opens in any OTLP tool, and in this console.
 */
import { SPAN_KINDS, STATUS_CODES, type AnyValue, type Attribute, type Trace } from '../model';

type Json = Record<string, unknown>;

function anyValueJson(v: AnyValue): Json {
  switch (v.type) {
    case 'string':
      return { stringValue: v.value };
    case 'bool':
      return { boolValue: v.value };
    case 'int':
      return { intValue: v.value };
    case 'double':
      return { doubleValue: v.value };
    case 'bytes':
      return { bytesValue: v.value };
    case 'array':
      return { arrayValue: { values: v.value.map(anyValueJson) } };
    case 'kvlist':
      return { kvlistValue: { values: attrsJson(v.value) } };
    default:
      return {};
  }
}

function attrsJson(attrs: Attribute[]): Json[] {
  return attrs.map((a) => ({ key: a.key, value: anyValueJson(a.value) }));
}

export function traceToOtlpJson(trace: Trace): Json {
  const byResource = new Map<string, Trace['spans']>();
  for (const s of trace.spans) {
    const list = byResource.get(s.resourceId) ?? [];
    list.push(s);
    byResource.set(s.resourceId, list);
  }
  const resourceSpans = [...byResource].map(([rid, spans]) => {
    const origin = trace.resources[rid];
    return {
      resource: {
        attributes: attrsJson(origin?.resource.attributes ?? []),
        droppedAttributesCount: origin?.resource.droppedAttributesCount ?? 0,
      },
      schemaUrl: origin?.resource.schemaUrl ?? '',
      scopeSpans: [
        {
          scope: {
            name: origin?.scope.name ?? '',
            version: origin?.scope.version ?? '',
            attributes: attrsJson(origin?.scope.attributes ?? []),
            droppedAttributesCount: origin?.scope.droppedAttributesCount ?? 0,
          },
          schemaUrl: origin?.scope.schemaUrl ?? '',
          spans: spans.map((s) => ({
            traceId: s.traceId,
            spanId: s.spanId,
            ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
            traceState: s.traceState,
            flags: s.flags,
            name: s.name,
            kind: Math.max(0, SPAN_KINDS.indexOf(s.kind)),
            startTimeUnixNano: s.startNs,
            endTimeUnixNano: s.endNs,
            attributes: attrsJson(s.attributes),
            droppedAttributesCount: s.droppedAttributesCount,
            events: s.events.map((e) => ({
              timeUnixNano: e.timeNs,
              name: e.name,
              attributes: attrsJson(e.attributes),
              droppedAttributesCount: e.droppedAttributesCount,
            })),
            droppedEventsCount: s.droppedEventsCount,
            links: s.links.map((l) => ({
              traceId: l.traceId,
              spanId: l.spanId,
              traceState: l.traceState,
              flags: l.flags,
              attributes: attrsJson(l.attributes),
              droppedAttributesCount: l.droppedAttributesCount,
            })),
            droppedLinksCount: s.droppedLinksCount,
            status: { code: Math.max(0, STATUS_CODES.indexOf(s.status.code)), message: s.status.message },
          })),
        },
      ],
    };
  });
  return { resourceSpans };
}
