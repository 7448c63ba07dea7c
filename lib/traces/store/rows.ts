import type { AnyValue, Attribute } from '../model';
import { encodeSpan } from '../otlp/encode';
import { HashSink, scanSpan } from '../otlp/scan-proto';
import type { IngestExport, IngestSpan, RawExport } from '../otlp/types';
import { Reader } from '../otlp/wire';

/**
 * From a decoded export request to the rows the embedded store writes, with OTLP's validation:
 * a span with a bad id length or an end before its start is rejected (counted in
 * partial_success), the others are kept.
 */

export type Origin = {
  /** identity of the resource + scope pair (their JSON), deduplicated by the store */
  key: string;
  service: string;
  body: string;
  tags: string;
};

export type SpanRow = {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentId: Uint8Array | null;
  origin: number;
  service: string;
  name: string;
  kind: number;
  startNs: bigint;
  durNs: bigint;
  status: number;
  body: Uint8Array;
  kvStart: number;
  kvEnd: number;
};

export type Rows = { origins: Origin[]; spans: SpanRow[]; rejected: number; reasons: string[]; kvHashes: Uint32Array };

/** Attribute values longer than this are stored but not searchable by tag. */
export const MAX_TAG_VALUE = 256;
const MAX_REASONS = 5;
const INT64_MAX = (1n << 63n) - 1n;

/** The searchable text form of a scalar attribute value; undefined for values not indexed. */
export function tagValue(v: AnyValue): string | undefined {
  switch (v.type) {
    case 'string':
      return v.value.length <= MAX_TAG_VALUE ? v.value : undefined;
    case 'bool':
      return String(v.value);
    case 'int':
      return v.value;
    case 'double':
      return String(v.value);
    default:
      return undefined;
  }
}

/** One `key=value` entry of a tags column; newlines and backslashes escaped so entries never blend. */
export function tagEntry(key: string, value: string): string {
  return `\n${esc(key)}=${esc(value)}\n`;
}

function esc(s: string): string {
  return s.includes('\\') || s.includes('\n') ? s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') : s;
}

export function tagsText(attrs: Attribute[]): string {
  let out = '\n';
  for (const a of attrs) {
    if (a.key.length > MAX_TAG_VALUE) continue;
    const v = tagValue(a.value);
    if (v !== undefined) out += `${esc(a.key)}=${esc(v)}\n`;
  }
  return out;
}

function isZero(b: Uint8Array): boolean {
  for (const x of b) if (x !== 0) return false;
  return true;
}

/** Why a span cannot be stored, or null when it is valid. */
export function invalidReason(s: IngestSpan): string | null {
  if (s.traceId.length !== 16) return `trace_id must be 16 bytes, got ${s.traceId.length}`;
  if (isZero(s.traceId)) return 'trace_id is all zeroes';
  if (s.spanId.length !== 8) return `span_id must be 8 bytes, got ${s.spanId.length}`;
  if (isZero(s.spanId)) return 'span_id is all zeroes';
  if (s.parentSpanId.length !== 0 && s.parentSpanId.length !== 8)
    return `parent_span_id must be empty or 8 bytes, got ${s.parentSpanId.length}`;
  if (s.startNs === 0n) return 'start_time_unix_nano is not set';
  if (s.endNs < s.startNs) return 'end_time_unix_nano is before start_time_unix_nano';
  if (s.endNs > INT64_MAX) return 'end_time_unix_nano is beyond the year 2262';
  return null;
}

/** A fully decoded export (from OTLP/JSON, or built in code) in the ingest form: each span encoded to protobuf for storage. */
export function rawToIngest(req: RawExport): IngestExport {
  const sink = new HashSink();
  const resourceSpans: IngestExport['resourceSpans'] = req.resourceSpans.map((rs) => ({
    resource: rs.resource,
    schemaUrl: rs.schemaUrl,
    scopeSpans: rs.scopeSpans.map((ss) => ({
      scope: ss.scope,
      schemaUrl: ss.schemaUrl,
      spans: ss.spans.map((x) => {
        const body = encodeSpan(x);
        // Scanned like a protobuf export, so both paths index exactly the same bytes.
        return scanSpan(new Reader(body), body, sink);
      }),
    })),
  }));
  return { resourceSpans, kvHashes: sink.buf.subarray(0, sink.n) };
}

export function toRows(req: IngestExport, originId: (o: Origin) => number): Rows {
  const spans: SpanRow[] = [];
  const origins: Origin[] = [];
  const reasons: string[] = [];
  let rejected = 0;
  req.resourceSpans.forEach((rs, i) => {
    const svcAttr = rs.resource.attributes.find((a) => a.key === 'service.name');
    const service =
      svcAttr && svcAttr.value.type === 'string' && svcAttr.value.value ? svcAttr.value.value : 'unknown_service';
    const resourceTags = tagsText(rs.resource.attributes);
    rs.scopeSpans.forEach((ss, j) => {
      const body = JSON.stringify({
        resource: { ...rs.resource, schemaUrl: rs.schemaUrl },
        scope: { ...ss.scope, schemaUrl: ss.schemaUrl },
      });
      const origin: Origin = { key: body, service, body, tags: resourceTags };
      let id = -1;
      ss.spans.forEach((s, k) => {
        const reason = invalidReason(s);
        if (reason) {
          rejected++;
          if (reasons.length < MAX_REASONS) reasons.push(`resourceSpans[${i}].scopeSpans[${j}].spans[${k}]: ${reason}`);
          return;
        }
        if (id < 0) {
          origins.push(origin);
          id = originId(origin);
        }
        spans.push({
          traceId: s.traceId,
          spanId: s.spanId,
          parentId: s.parentSpanId.length ? s.parentSpanId : null,
          origin: id,
          service,
          name: s.name,
          kind: s.kind,
          startNs: s.startNs,
          durNs: s.endNs - s.startNs,
          status: s.statusCode,
          body: s.body,
          kvStart: s.kvStart,
          kvEnd: s.kvEnd,
        });
      });
    });
  });
  return { origins, spans, rejected, reasons, kvHashes: req.kvHashes };
}

export function rejectionMessage(rows: Rows): string {
  if (rows.rejected === 0) return '';
  const more = rows.rejected > rows.reasons.length ? ` (and ${rows.rejected - rows.reasons.length} more)` : '';
  return `${rows.rejected} span(s) rejected: ${rows.reasons.join('; ')}${more}`;
}
