/**
 * An OTLP/JSON file (an export request, as `Download OTLP JSON` writes it or as collectors dump
 * it) read into the console's model, in the browser: no store involved. One file may hold several
 * traces; each comes back whole.
 */
import { buildTrace, hex, toModelSpan } from './convert';
import type { Resource, Scope, Span, Trace } from './model';
import { decodeExportJson } from './otlp/decode-json';

export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export function tracesFromOtlpJson(text: string): Trace[] {
  const req = decodeExportJson(text);
  const byTrace = new Map<string, { spans: Span[]; resources: Trace['resources'] }>();
  let origin = 0;
  for (const rs of req.resourceSpans) {
    const svc = rs.resource.attributes.find((a) => a.key === 'service.name');
    const service = svc && svc.value.type === 'string' && svc.value.value ? svc.value.value : 'unknown_service';
    const resource: Resource = { ...rs.resource, schemaUrl: rs.schemaUrl };
    for (const ss of rs.scopeSpans) {
      const scope: Scope = { ...ss.scope, schemaUrl: ss.schemaUrl };
      const rid = String(origin++);
      for (const raw of ss.spans) {
        if (raw.traceId.length !== 16 || raw.spanId.length !== 8) continue;
        const id = hex(raw.traceId);
        let t = byTrace.get(id);
        if (!t) {
          t = { spans: [], resources: {} };
          byTrace.set(id, t);
        }
        t.resources[rid] ??= { resource, scope };
        t.spans.push(toModelSpan(raw, service, rid));
      }
    }
  }
  return [...byTrace]
    .map(([id, t]) => buildTrace(id, t.spans, t.resources))
    .sort((a, b) => b.spans.length - a.spans.length);
}
