import type { AnyValue, Attribute } from '../model';
import type { RawEvent, RawLink, RawResource, RawScope, RawSpan } from './types';
import { DecodeError, Reader, WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_VARINT, expectWire } from './wire';

/**
 * OTLP trace messages (opentelemetry/proto/trace/v1) from protobuf bytes, fully built: a stored
 * span when it is read back, and the resource and scope at ingest (scan-proto.ts walks the rest).
 * Field numbers from opentelemetry-proto trace.proto, common.proto and resource.proto. Unknown
 * fields are skipped, as protobuf requires. Nesting of AnyValue is capped so a hostile payload
 * cannot exhaust the stack.
 */

const EMPTY = new Uint8Array(0);
export const MAX_VALUE_DEPTH = 32;

export function decodeResource(r: Reader): RawResource {
  const attributes: Attribute[] = [];
  let droppedAttributesCount = 0;
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 1 && w === WIRE_LEN) attributes.push(decodeKeyValue(r.sub(), 0));
    else if (f === 2 && w === WIRE_VARINT) droppedAttributesCount = r.uint();
    else r.skip(w);
  }
  return { attributes, droppedAttributesCount };
}

export function decodeScope(r: Reader): RawScope {
  const s: RawScope = { name: '', version: '', attributes: [], droppedAttributesCount: 0 };
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 1 && w === WIRE_LEN) s.name = r.string();
    else if (f === 2 && w === WIRE_LEN) s.version = r.string();
    else if (f === 3 && w === WIRE_LEN) s.attributes.push(decodeKeyValue(r.sub(), 0));
    else if (f === 4 && w === WIRE_VARINT) s.droppedAttributesCount = r.uint();
    else r.skip(w);
  }
  return s;
}

export function decodeSpan(r: Reader): RawSpan {
  const s: RawSpan = {
    traceId: EMPTY,
    spanId: EMPTY,
    parentSpanId: EMPTY,
    traceState: '',
    flags: 0,
    name: '',
    kind: 0,
    startNs: 0n,
    endNs: 0n,
    attributes: [],
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    statusCode: 0,
    statusMessage: '',
  };
  while (!r.done()) {
    const [f, w] = r.tag();
    switch (f) {
      case 1:
        expectWire(w, WIRE_LEN, 'Span.trace_id');
        s.traceId = r.bytes();
        break;
      case 2:
        expectWire(w, WIRE_LEN, 'Span.span_id');
        s.spanId = r.bytes();
        break;
      case 3:
        expectWire(w, WIRE_LEN, 'Span.trace_state');
        s.traceState = r.string();
        break;
      case 4:
        expectWire(w, WIRE_LEN, 'Span.parent_span_id');
        s.parentSpanId = r.bytes();
        break;
      case 5:
        expectWire(w, WIRE_LEN, 'Span.name');
        s.name = r.string();
        break;
      case 6:
        expectWire(w, WIRE_VARINT, 'Span.kind');
        s.kind = r.uint();
        break;
      case 7:
        expectWire(w, WIRE_I64, 'Span.start_time_unix_nano');
        s.startNs = r.fixed64();
        break;
      case 8:
        expectWire(w, WIRE_I64, 'Span.end_time_unix_nano');
        s.endNs = r.fixed64();
        break;
      case 9:
        expectWire(w, WIRE_LEN, 'Span.attributes');
        s.attributes.push(decodeKeyValue(r.sub(), 0));
        break;
      case 10:
        expectWire(w, WIRE_VARINT, 'Span.dropped_attributes_count');
        s.droppedAttributesCount = r.uint();
        break;
      case 11:
        expectWire(w, WIRE_LEN, 'Span.events');
        s.events.push(decodeEvent(r.sub()));
        break;
      case 12:
        expectWire(w, WIRE_VARINT, 'Span.dropped_events_count');
        s.droppedEventsCount = r.uint();
        break;
      case 13:
        expectWire(w, WIRE_LEN, 'Span.links');
        s.links.push(decodeLink(r.sub()));
        break;
      case 14:
        expectWire(w, WIRE_VARINT, 'Span.dropped_links_count');
        s.droppedLinksCount = r.uint();
        break;
      case 15:
        expectWire(w, WIRE_LEN, 'Span.status');
        decodeStatus(r.sub(), s);
        break;
      case 16:
        expectWire(w, WIRE_I32, 'Span.flags');
        s.flags = r.fixed32();
        break;
      default:
        r.skip(w);
    }
  }
  return s;
}

function decodeStatus(r: Reader, s: RawSpan) {
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 2 && w === WIRE_LEN) s.statusMessage = r.string();
    else if (f === 3 && w === WIRE_VARINT) s.statusCode = r.uint();
    else r.skip(w);
  }
}

function decodeEvent(r: Reader): RawEvent {
  const e: RawEvent = { timeNs: 0n, name: '', attributes: [], droppedAttributesCount: 0 };
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 1 && w === WIRE_I64) e.timeNs = r.fixed64();
    else if (f === 2 && w === WIRE_LEN) e.name = r.string();
    else if (f === 3 && w === WIRE_LEN) e.attributes.push(decodeKeyValue(r.sub(), 0));
    else if (f === 4 && w === WIRE_VARINT) e.droppedAttributesCount = r.uint();
    else if (f <= 4) throw new DecodeError(`Span.Event field ${f}: wrong wire type ${w}`);
    else r.skip(w);
  }
  return e;
}

function decodeLink(r: Reader): RawLink {
  const l: RawLink = {
    traceId: EMPTY,
    spanId: EMPTY,
    traceState: '',
    flags: 0,
    attributes: [],
    droppedAttributesCount: 0,
  };
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 1 && w === WIRE_LEN) l.traceId = r.bytes();
    else if (f === 2 && w === WIRE_LEN) l.spanId = r.bytes();
    else if (f === 3 && w === WIRE_LEN) l.traceState = r.string();
    else if (f === 4 && w === WIRE_LEN) l.attributes.push(decodeKeyValue(r.sub(), 0));
    else if (f === 5 && w === WIRE_VARINT) l.droppedAttributesCount = r.uint();
    else if (f === 6 && w === WIRE_I32) l.flags = r.fixed32();
    else if (f <= 6) throw new DecodeError(`Span.Link field ${f}: wrong wire type ${w}`);
    else r.skip(w);
  }
  return l;
}

export function decodeKeyValue(r: Reader, depth: number): Attribute {
  let key = '';
  let value: AnyValue = { type: 'empty' };
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 1 && w === WIRE_LEN) key = r.string();
    else if (f === 2 && w === WIRE_LEN) value = decodeAnyValue(r.sub(), depth + 1);
    else if (f <= 2) throw new DecodeError(`KeyValue field ${f}: wrong wire type ${w}`);
    else r.skip(w);
  }
  return { key, value };
}

function decodeAnyValue(r: Reader, depth: number): AnyValue {
  if (depth > MAX_VALUE_DEPTH) throw new DecodeError(`attribute value nested deeper than ${MAX_VALUE_DEPTH} levels`);
  let v: AnyValue = { type: 'empty' };
  while (!r.done()) {
    const [f, w] = r.tag();
    switch (f) {
      case 1:
        expectWire(w, WIRE_LEN, 'AnyValue.string_value');
        v = { type: 'string', value: r.string() };
        break;
      case 2:
        expectWire(w, WIRE_VARINT, 'AnyValue.bool_value');
        v = { type: 'bool', value: r.uint() !== 0 };
        break;
      case 3:
        expectWire(w, WIRE_VARINT, 'AnyValue.int_value');
        v = { type: 'int', value: r.int64String() };
        break;
      case 4:
        expectWire(w, WIRE_I64, 'AnyValue.double_value');
        v = { type: 'double', value: finite(r.double()) };
        break;
      case 5: {
        expectWire(w, WIRE_LEN, 'AnyValue.array_value');
        const a = r.sub();
        const values: AnyValue[] = [];
        while (!a.done()) {
          const [af, aw] = a.tag();
          if (af === 1 && aw === WIRE_LEN) values.push(decodeAnyValue(a.sub(), depth + 1));
          else a.skip(aw);
        }
        v = { type: 'array', value: values };
        break;
      }
      case 6: {
        expectWire(w, WIRE_LEN, 'AnyValue.kvlist_value');
        const k = r.sub();
        const values: Attribute[] = [];
        while (!k.done()) {
          const [kf, kw] = k.tag();
          // Same depth: nesting is counted once per AnyValue, as the JSON decoder counts it.
          if (kf === 1 && kw === WIRE_LEN) values.push(decodeKeyValue(k.sub(), depth));
          else k.skip(kw);
        }
        v = { type: 'kvlist', value: values };
        break;
      }
      case 7:
        expectWire(w, WIRE_LEN, 'AnyValue.bytes_value');
        v = { type: 'bytes', value: Buffer.from(r.bytes()).toString('base64') };
        break;
      default:
        r.skip(w);
    }
  }
  return v;
}

export function finite(n: number): number | string {
  return Number.isFinite(n) ? n : String(n);
}
