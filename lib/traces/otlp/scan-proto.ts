import { MAX_VALUE_DEPTH, decodeResource, decodeScope } from './decode-proto';
import type { IngestExport, IngestScopeSpans, IngestSpan } from './types';
import { kvHash } from '../store/bloom';
import { DecodeError, Reader, WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_VARINT, expectWire } from './wire';

/**
 * Hashes of every KeyValue scanned (for the store's Bloom filters), for a whole request in one
 * typed array: spans keep their [kvStart, kvEnd) range, so no array is allocated per span.
 */
export class HashSink {
  buf = new Uint32Array(4096);
  n = 0;
  push(h: number) {
    if (this.n === this.buf.length) {
      const next = new Uint32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = h;
  }
}
let sink = new HashSink();

/**
 * The ingest path's protobuf decoder: it checks every byte of the request exactly as the full
 * decoder would (so whatever is stored decodes later) but allocates only what the store indexes:
 * ids, name, kind, times, status and the span's own bytes. Attributes, events and links are
 * walked, not built; they stay in the stored bytes.
 */

const EMPTY = new Uint8Array(0);

export function scanExportRequest(buf: Uint8Array): IngestExport {
  sink = new HashSink();
  const r = new Reader(buf);
  const resourceSpans: IngestExport['resourceSpans'] = [];
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f !== 1) {
      r.skip(w);
      continue;
    }
    expectWire(w, WIRE_LEN, 'resource_spans');
    const rs = r.sub();
    const entry: IngestExport['resourceSpans'][number] = {
      resource: { attributes: [], droppedAttributesCount: 0 },
      schemaUrl: '',
      scopeSpans: [],
    };
    while (!rs.done()) {
      const [rf, rw] = rs.tag();
      if (rf === 1 && rw === WIRE_LEN) entry.resource = decodeResource(rs.sub());
      else if (rf === 2 && rw === WIRE_LEN) entry.scopeSpans.push(scanScopeSpans(rs.sub()));
      else if (rf === 3 && rw === WIRE_LEN) entry.schemaUrl = rs.string();
      else if (rf <= 3) throw new DecodeError(`ResourceSpans field ${rf}: wrong wire type ${rw}`);
      else rs.skip(rw);
    }
    resourceSpans.push(entry);
  }
  return { resourceSpans, kvHashes: sink.buf.subarray(0, sink.n) };
}

function scanScopeSpans(r: Reader): IngestScopeSpans {
  const out: IngestScopeSpans = {
    scope: { name: '', version: '', attributes: [], droppedAttributesCount: 0 },
    schemaUrl: '',
    spans: [],
  };
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 1 && w === WIRE_LEN) out.scope = decodeScope(r.sub());
    else if (f === 2 && w === WIRE_LEN) {
      const sub = r.sub();
      const start = sub.pos;
      out.spans.push(scanSpan(sub, sub.buf.subarray(start, sub.end)));
    } else if (f === 3 && w === WIRE_LEN) out.schemaUrl = r.string();
    else if (f <= 3) throw new DecodeError(`ScopeSpans field ${f}: wrong wire type ${w}`);
    else r.skip(w);
  }
  return out;
}

/** Scans one Span message (exported for the JSON path, which scans the span it encoded). */
export function scanSpan(r: Reader, body: Uint8Array, into: HashSink = sink): IngestSpan {
  sink = into;
  const s: IngestSpan = {
    traceId: EMPTY,
    spanId: EMPTY,
    parentSpanId: EMPTY,
    name: '',
    kind: 0,
    startNs: 0n,
    endNs: 0n,
    statusCode: 0,
    body,
    kvStart: sink.n,
    kvEnd: 0,
  };
  while (!r.done()) {
    const f = r.field();
    const w = r.wire;
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
        r.span();
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
        checkKeyValue(r, 0);
        break;
      case 11:
        expectWire(w, WIRE_LEN, 'Span.events');
        checkMessage(r, EVENT, 'Span.Event');
        break;
      case 13:
        expectWire(w, WIRE_LEN, 'Span.links');
        checkMessage(r, LINK, 'Span.Link');
        break;
      case 10:
      case 12:
      case 14:
        expectWire(w, WIRE_VARINT, `Span field ${f}`);
        r.uint();
        break;
      case 15: {
        expectWire(w, WIRE_LEN, 'Span.status');
        const st = r.sub();
        while (!st.done()) {
          const sf = st.field();
          const sw = st.wire;
          if (sf === 3 && sw === WIRE_VARINT) s.statusCode = st.uint();
          else st.skip(sw);
        }
        break;
      }
      case 16:
        expectWire(w, WIRE_I32, 'Span.flags');
        r.fixed32();
        break;
      default:
        r.skip(w);
    }
  }
  s.kvEnd = sink.n;
  return s;
}

/** Known fields of Event and Link: wire type, and whether the field holds KeyValues. */
const EVENT: Record<number, number> = { 1: WIRE_I64, 2: WIRE_LEN, 3: -1, 4: WIRE_VARINT };
const LINK: Record<number, number> = { 1: WIRE_LEN, 2: WIRE_LEN, 3: WIRE_LEN, 4: -1, 5: WIRE_VARINT, 6: WIRE_I32 };

/** The check* functions enter the length-delimited field at r.pos and leave it when done. */
function checkMessage(r: Reader, fields: Record<number, number>, what: string): void {
  const outer = r.enter();
  while (!r.done()) {
    const f = r.field();
    const w = r.wire;
    const want = fields[f];
    if (want === undefined) r.skip(w);
    else if (want === -1) {
      expectWire(w, WIRE_LEN, `${what} attributes`);
      checkKeyValue(r, 0);
    } else {
      if (w !== want) throw new DecodeError(`${what} field ${f}: wrong wire type ${w}`);
      r.skip(w);
    }
  }
  r.leave(outer);
}

function checkKeyValue(r: Reader, depth: number): void {
  const outer = r.enter();
  sink.push(kvHash(r.buf, r.pos, r.end));
  while (!r.done()) {
    const f = r.field();
    const w = r.wire;
    if (f === 1 && w === WIRE_LEN) r.span();
    else if (f === 2 && w === WIRE_LEN) checkAnyValue(r, depth + 1);
    else if (f <= 2) throw new DecodeError(`KeyValue field ${f}: wrong wire type ${w}`);
    else r.skip(w);
  }
  r.leave(outer);
}

const ANY: Record<number, number> = { 1: WIRE_LEN, 2: WIRE_VARINT, 3: WIRE_VARINT, 4: WIRE_I64, 7: WIRE_LEN };

function checkAnyValue(r: Reader, depth: number): void {
  if (depth > MAX_VALUE_DEPTH) throw new DecodeError(`attribute value nested deeper than ${MAX_VALUE_DEPTH} levels`);
  const outer = r.enter();
  while (!r.done()) {
    const f = r.field();
    const w = r.wire;
    if (f === 5 || f === 6) {
      expectWire(w, WIRE_LEN, f === 5 ? 'AnyValue.array_value' : 'AnyValue.kvlist_value');
      const list = r.enter();
      while (!r.done()) {
        const xf = r.field();
        const xw = r.wire;
        if (xf === 1 && xw === WIRE_LEN) {
          if (f === 5) checkAnyValue(r, depth + 1);
          else checkKeyValue(r, depth);
        } else r.skip(xw);
      }
      r.leave(list);
      continue;
    }
    const want = ANY[f];
    if (want !== undefined && w !== want) throw new DecodeError(`AnyValue field ${f}: wrong wire type ${w}`);
    r.skip(w);
  }
  r.leave(outer);
}
