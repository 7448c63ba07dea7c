/** Builders for OTLP/JSON export requests in tests (the shapes of the OTLP JSON encoding). */
export type JsonSpanInit = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startMs: number;
  durMs: number;
  kind?: number;
  status?: number;
  attributes?: Record<string, string | number | boolean>;
};

export function jsonAttrs(attrs: Record<string, string | number | boolean>) {
  return Object.entries(attrs).map(([key, v]) => ({
    key,
    value:
      typeof v === 'string'
        ? { stringValue: v }
        : typeof v === 'boolean'
          ? { boolValue: v }
          : Number.isInteger(v)
            ? { intValue: String(v) }
            : { doubleValue: v },
  }));
}

export function jsonSpan(s: JsonSpanInit) {
  const start = BigInt(Math.round(s.startMs * 1000)) * 1000n;
  const end = start + BigInt(Math.round(s.durMs * 1e6));
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
    name: s.name,
    kind: s.kind ?? 1,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: end.toString(),
    attributes: jsonAttrs(s.attributes ?? {}),
    status: s.status ? { code: s.status } : {},
  };
}

export function jsonExport(service: string, spans: JsonSpanInit[], resource: Record<string, string> = {}) {
  return {
    resourceSpans: [
      {
        resource: { attributes: jsonAttrs({ 'service.name': service, ...resource }) },
        scopeSpans: [{ scope: { name: 'test', version: '1.0.0' }, spans: spans.map(jsonSpan) }],
      },
    ],
  };
}
