import type { AnyValue, Attribute } from '../model';
import type { RawSpan } from './types';
import { WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_VARINT } from './wire';
import { Writer } from './wire-writer';

/**
 * Protobuf encoders: a Span (how the embedded store keeps spans that arrived as JSON; spans that
 * arrived as protobuf are kept as the bytes they came in), the export response with its
 * partial_success, and google.rpc.Status for error bodies.
 */

export function encodeAnyValue(w: Writer, v: AnyValue): void {
  switch (v.type) {
    case 'string':
      w.tag(1, WIRE_LEN).string(v.value);
      return;
    case 'bool':
      w.tag(2, WIRE_VARINT).uint(v.value ? 1 : 0);
      return;
    case 'int':
      w.tag(3, WIRE_VARINT).int64(BigInt(v.value));
      return;
    case 'double':
      w.tag(4, WIRE_I64).double(typeof v.value === 'number' ? v.value : Number(v.value));
      return;
    case 'array':
      w.message(5, (a) => {
        for (const item of v.value) a.message(1, (x) => encodeAnyValue(x, item));
      });
      return;
    case 'kvlist':
      w.message(6, (k) => {
        for (const kv of v.value) k.message(1, (x) => keyValue(x, kv));
      });
      return;
    case 'bytes':
      w.tag(7, WIRE_LEN).bytes(Buffer.from(v.value, 'base64'));
      return;
    case 'empty':
      return;
  }
}

function keyValue(w: Writer, kv: Attribute): void {
  w.tag(1, WIRE_LEN).string(kv.key);
  w.message(2, (x) => encodeAnyValue(x, kv.value));
}

function attrs(w: Writer, field: number, list: Attribute[]): void {
  for (const kv of list) w.message(field, (x) => keyValue(x, kv));
}

export function encodeSpan(s: RawSpan): Uint8Array {
  const w = new Writer();
  w.tag(1, WIRE_LEN).bytes(s.traceId);
  w.tag(2, WIRE_LEN).bytes(s.spanId);
  if (s.traceState) w.tag(3, WIRE_LEN).string(s.traceState);
  if (s.parentSpanId.length) w.tag(4, WIRE_LEN).bytes(s.parentSpanId);
  w.tag(5, WIRE_LEN).string(s.name);
  if (s.kind) w.tag(6, WIRE_VARINT).uint(s.kind);
  w.tag(7, WIRE_I64).fixed64(s.startNs);
  w.tag(8, WIRE_I64).fixed64(s.endNs);
  attrs(w, 9, s.attributes);
  if (s.droppedAttributesCount) w.tag(10, WIRE_VARINT).uint(s.droppedAttributesCount);
  for (const e of s.events) {
    w.message(11, (x) => {
      x.tag(1, WIRE_I64).fixed64(e.timeNs);
      x.tag(2, WIRE_LEN).string(e.name);
      attrs(x, 3, e.attributes);
      if (e.droppedAttributesCount) x.tag(4, WIRE_VARINT).uint(e.droppedAttributesCount);
    });
  }
  if (s.droppedEventsCount) w.tag(12, WIRE_VARINT).uint(s.droppedEventsCount);
  for (const l of s.links) {
    w.message(13, (x) => {
      x.tag(1, WIRE_LEN).bytes(l.traceId);
      x.tag(2, WIRE_LEN).bytes(l.spanId);
      if (l.traceState) x.tag(3, WIRE_LEN).string(l.traceState);
      attrs(x, 4, l.attributes);
      if (l.droppedAttributesCount) x.tag(5, WIRE_VARINT).uint(l.droppedAttributesCount);
      if (l.flags) x.tag(6, WIRE_I32).fixed32(l.flags);
    });
  }
  if (s.droppedLinksCount) w.tag(14, WIRE_VARINT).uint(s.droppedLinksCount);
  if (s.statusCode || s.statusMessage) {
    w.message(15, (x) => {
      if (s.statusMessage) x.tag(2, WIRE_LEN).string(s.statusMessage);
      if (s.statusCode) x.tag(3, WIRE_VARINT).uint(s.statusCode);
    });
  }
  if (s.flags) w.tag(16, WIRE_I32).fixed32(s.flags);
  return w.finish();
}

/** ExportTraceServiceResponse; partial_success only when something was rejected. */
export function encodeExportResponse(rejectedSpans: number, errorMessage: string): Uint8Array {
  const w = new Writer();
  if (rejectedSpans > 0 || errorMessage) {
    w.message(1, (p) => {
      if (rejectedSpans > 0) p.tag(1, WIRE_VARINT).uint(rejectedSpans);
      if (errorMessage) p.tag(2, WIRE_LEN).string(errorMessage);
    });
  }
  return w.finish();
}

/** google.rpc.Status (code = a gRPC status code, message), without details. */
export function encodeRpcStatus(code: number, message: string): Uint8Array {
  const w = new Writer();
  if (code) w.tag(1, WIRE_VARINT).uint(code);
  if (message) w.tag(2, WIRE_LEN).string(message);
  return w.finish();
}
