import { randomBytes } from 'node:crypto';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Reader } from '../lib/traces/otlp/wire';

/**
 * OTLP payloads for receiver tests. Valid protobuf comes from the OpenTelemetry SDK's own
 * serializer (a real encoder, not ours); deliberately invalid spans are written by hand as JSON.
 */

/** A valid protobuf export of `n` spans in one new trace: a root and n-1 children. */
export function sdkProtobufExport(
  service: string,
  n: number,
  attrs: Record<string, string | number | boolean | string[]> = {},
): { body: Buffer; traceId: string } {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('payloads');
  const t0 = Date.now() - 1000;
  const root = tracer.startSpan('root', { startTime: t0, attributes: attrs }, ROOT_CONTEXT);
  const ctx = trace.setSpan(ROOT_CONTEXT, root);
  for (let i = 1; i < n; i++) tracer.startSpan(`child-${i}`, { startTime: t0 + i }, ctx).end(t0 + i + 1);
  root.end(t0 + n + 5);
  const bytes = ProtobufTraceSerializer.serializeRequest(exporter.getFinishedSpans());
  if (!bytes) throw new Error('the SDK serializer returned nothing');
  return { body: Buffer.from(bytes), traceId: root.spanContext().traceId };
}

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** An OTLP/JSON export with one span per entry; fields can be overridden to make them invalid. */
export function jsonExportOf(service: string, spans: Record<string, unknown>[]) {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [{ scope: { name: 'e2e' }, spans }],
      },
    ],
  };
}

export function jsonSpan(traceId: string, over: Record<string, unknown> = {}) {
  const start = BigInt(Date.now() - 500) * 1_000_000n;
  return {
    traceId,
    spanId: hex(8),
    name: 'op',
    kind: 1,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + 1_000_000n),
    ...over,
  };
}

/** Decodes ExportTraceServiceResponse.partial_success (or google.rpc.Status when `status`). */
export function decodeResponse(buf: Uint8Array): { rejected: number; message: string } {
  const out = { rejected: 0, message: '' };
  const r = new Reader(buf);
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 1 && w === 2) {
      const p = r.sub();
      while (!p.done()) {
        const [pf, pw] = p.tag();
        if (pf === 1 && pw === 0) out.rejected = p.uint();
        else if (pf === 2 && pw === 2) out.message = p.string();
        else p.skip(pw);
      }
    } else r.skip(w);
  }
  return out;
}

export function decodeStatus(buf: Uint8Array): { code: number; message: string } {
  const out = { code: 0, message: '' };
  const r = new Reader(buf);
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 1 && w === 0) out.code = r.uint();
    else if (f === 2 && w === 2) out.message = r.string();
    else r.skip(w);
  }
  return out;
}

export async function post(url: string, body: Buffer | string, headers: Record<string, string>) {
  const res = await fetch(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers,
  });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, buf, text: buf.toString('utf8') };
}
