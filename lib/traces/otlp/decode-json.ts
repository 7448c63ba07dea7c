import type { AnyValue, Attribute } from '../model';
import { MAX_VALUE_DEPTH, finite } from './decode-proto';
import type { RawEvent, RawExport, RawLink, RawResourceSpans, RawScopeSpans, RawSpan } from './types';
import { DecodeError } from './wire';

/**
 * OTLP/JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding): the protobuf JSON
 * mapping with OTLP's rules: trace and span ids as hex (not base64), enums as integers (names are
 * accepted too, as protobuf JSON parsers do), int64 as a string or a number, lowerCamelCase keys
 * (the proto's snake_case names are accepted), unknown fields ignored. A field of the wrong JSON
 * type makes the payload undecodable, as it would for a protobuf JSON parser.
 */

type Obj = Record<string, unknown>;
const EMPTY = new Uint8Array(0);

function field(o: Obj, camel: string, snake?: string): unknown {
  const v = o[camel];
  if (v !== undefined) return v;
  return snake ? o[snake] : undefined;
}

function obj(v: unknown, path: string): Obj | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new DecodeError(`${path}: expected an object`);
  return v as Obj;
}

function arr(v: unknown, path: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new DecodeError(`${path}: expected an array`);
  return v;
}

function str(v: unknown, path: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new DecodeError(`${path}: expected a string`);
  return v;
}

function u32(v: unknown, path: string): number {
  if (v === undefined || v === null) return 0;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw new DecodeError(`${path}: expected an unsigned 32-bit integer`);
  return n;
}

function int64(v: unknown, path: string, unsigned: boolean): bigint {
  if (v === undefined || v === null) return 0n;
  let b: bigint;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) b = BigInt(v);
  else if (typeof v === 'number' && Number.isInteger(v)) b = BigInt(v);
  else throw new DecodeError(`${path}: expected a 64-bit integer (a string or a number)`);
  const ok = unsigned ? b >= 0n && b < 1n << 64n : b >= -(1n << 63n) && b < 1n << 63n;
  if (!ok) throw new DecodeError(`${path}: out of the 64-bit range`);
  return b;
}

function enumValue(v: unknown, path: string, names: readonly string[]): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'string') {
    const i = names.indexOf(v);
    if (i >= 0) return i;
  }
  throw new DecodeError(`${path}: expected an enum as an integer`);
}

const HEX = /^[0-9a-fA-F]*$/;
function hexId(v: unknown, path: string): Uint8Array {
  const s = str(v, path);
  if (s === '') return EMPTY;
  if (s.length % 2 !== 0 || !HEX.test(s)) throw new DecodeError(`${path}: expected hex, got "${s.slice(0, 40)}"`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Standard base64 with padding, also from the URL-safe alphabet (no Buffer: this runs in browsers too). */
function normalizeBase64(s: string): string {
  const t = s.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  return t + '='.repeat((4 - (t.length % 4)) % 4);
}

const KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
];
const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

export function decodeExportJson(text: string): RawExport {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    throw new DecodeError(`body is not JSON: ${(e as Error).message}`);
  }
  const o = obj(root, 'request');
  if (!o) throw new DecodeError('request: expected an object');
  return {
    resourceSpans: arr(field(o, 'resourceSpans', 'resource_spans'), 'resourceSpans').map((rs, i) =>
      resourceSpans(rs, `resourceSpans[${i}]`),
    ),
  };
}

function resourceSpans(v: unknown, path: string): RawResourceSpans {
  const o = obj(v, path) ?? {};
  const res = obj(field(o, 'resource'), `${path}.resource`) ?? {};
  return {
    resource: {
      attributes: attributes(res.attributes, `${path}.resource.attributes`, 0),
      droppedAttributesCount: u32(
        field(res, 'droppedAttributesCount', 'dropped_attributes_count'),
        `${path}.resource.droppedAttributesCount`,
      ),
    },
    schemaUrl: str(field(o, 'schemaUrl', 'schema_url'), `${path}.schemaUrl`),
    scopeSpans: arr(field(o, 'scopeSpans', 'scope_spans'), `${path}.scopeSpans`).map((ss, i) =>
      scopeSpans(ss, `${path}.scopeSpans[${i}]`),
    ),
  };
}

function scopeSpans(v: unknown, path: string): RawScopeSpans {
  const o = obj(v, path) ?? {};
  const sc = obj(field(o, 'scope'), `${path}.scope`) ?? {};
  return {
    scope: {
      name: str(sc.name, `${path}.scope.name`),
      version: str(sc.version, `${path}.scope.version`),
      attributes: attributes(sc.attributes, `${path}.scope.attributes`, 0),
      droppedAttributesCount: u32(
        field(sc, 'droppedAttributesCount', 'dropped_attributes_count'),
        `${path}.scope.droppedAttributesCount`,
      ),
    },
    schemaUrl: str(field(o, 'schemaUrl', 'schema_url'), `${path}.schemaUrl`),
    spans: arr(o.spans, `${path}.spans`).map((s, i) => span(s, `${path}.spans[${i}]`)),
  };
}

function span(v: unknown, path: string): RawSpan {
  const o = obj(v, path) ?? {};
  const status = obj(o.status, `${path}.status`) ?? {};
  return {
    traceId: hexId(field(o, 'traceId', 'trace_id'), `${path}.traceId`),
    spanId: hexId(field(o, 'spanId', 'span_id'), `${path}.spanId`),
    parentSpanId: hexId(field(o, 'parentSpanId', 'parent_span_id'), `${path}.parentSpanId`),
    traceState: str(field(o, 'traceState', 'trace_state'), `${path}.traceState`),
    flags: u32(o.flags, `${path}.flags`),
    name: str(o.name, `${path}.name`),
    kind: enumValue(o.kind, `${path}.kind`, KIND_NAMES),
    startNs: int64(field(o, 'startTimeUnixNano', 'start_time_unix_nano'), `${path}.startTimeUnixNano`, true),
    endNs: int64(field(o, 'endTimeUnixNano', 'end_time_unix_nano'), `${path}.endTimeUnixNano`, true),
    attributes: attributes(o.attributes, `${path}.attributes`, 0),
    droppedAttributesCount: u32(
      field(o, 'droppedAttributesCount', 'dropped_attributes_count'),
      `${path}.droppedAttributesCount`,
    ),
    events: arr(o.events, `${path}.events`).map((e, i) => event(e, `${path}.events[${i}]`)),
    droppedEventsCount: u32(field(o, 'droppedEventsCount', 'dropped_events_count'), `${path}.droppedEventsCount`),
    links: arr(o.links, `${path}.links`).map((l, i) => link(l, `${path}.links[${i}]`)),
    droppedLinksCount: u32(field(o, 'droppedLinksCount', 'dropped_links_count'), `${path}.droppedLinksCount`),
    statusCode: enumValue(status.code, `${path}.status.code`, STATUS_NAMES),
    statusMessage: str(status.message, `${path}.status.message`),
  };
}

function event(v: unknown, path: string): RawEvent {
  const o = obj(v, path) ?? {};
  return {
    timeNs: int64(field(o, 'timeUnixNano', 'time_unix_nano'), `${path}.timeUnixNano`, true),
    name: str(o.name, `${path}.name`),
    attributes: attributes(o.attributes, `${path}.attributes`, 0),
    droppedAttributesCount: u32(
      field(o, 'droppedAttributesCount', 'dropped_attributes_count'),
      `${path}.droppedAttributesCount`,
    ),
  };
}

function link(v: unknown, path: string): RawLink {
  const o = obj(v, path) ?? {};
  return {
    traceId: hexId(field(o, 'traceId', 'trace_id'), `${path}.traceId`),
    spanId: hexId(field(o, 'spanId', 'span_id'), `${path}.spanId`),
    traceState: str(field(o, 'traceState', 'trace_state'), `${path}.traceState`),
    flags: u32(o.flags, `${path}.flags`),
    attributes: attributes(o.attributes, `${path}.attributes`, 0),
    droppedAttributesCount: u32(
      field(o, 'droppedAttributesCount', 'dropped_attributes_count'),
      `${path}.droppedAttributesCount`,
    ),
  };
}

function attributes(v: unknown, path: string, depth: number): Attribute[] {
  return arr(v, path).map((kv, i) => keyValue(kv, `${path}[${i}]`, depth));
}

function keyValue(v: unknown, path: string, depth: number): Attribute {
  const o = obj(v, path) ?? {};
  return { key: str(o.key, `${path}.key`), value: anyValue(o.value, `${path}.value`, depth + 1) };
}

function anyValue(v: unknown, path: string, depth: number): AnyValue {
  if (depth > MAX_VALUE_DEPTH)
    throw new DecodeError(`${path}: attribute value nested deeper than ${MAX_VALUE_DEPTH} levels`);
  const o = obj(v, path);
  if (!o) return { type: 'empty' };
  let x: unknown;
  if ((x = field(o, 'stringValue', 'string_value')) !== undefined) return { type: 'string', value: str(x, path) };
  if ((x = field(o, 'boolValue', 'bool_value')) !== undefined) {
    if (typeof x !== 'boolean') throw new DecodeError(`${path}.boolValue: expected a boolean`);
    return { type: 'bool', value: x };
  }
  if ((x = field(o, 'intValue', 'int_value')) !== undefined)
    return { type: 'int', value: int64(x, `${path}.intValue`, false).toString() };
  if ((x = field(o, 'doubleValue', 'double_value')) !== undefined) {
    if (typeof x === 'number') return { type: 'double', value: x };
    if (x === 'NaN' || x === 'Infinity' || x === '-Infinity') return { type: 'double', value: x };
    if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)))
      return { type: 'double', value: finite(Number(x)) };
    throw new DecodeError(`${path}.doubleValue: expected a number`);
  }
  if ((x = field(o, 'arrayValue', 'array_value')) !== undefined) {
    const a = obj(x, `${path}.arrayValue`) ?? {};
    return {
      type: 'array',
      value: arr(a.values, `${path}.arrayValue.values`).map((e, i) =>
        anyValue(e, `${path}.arrayValue.values[${i}]`, depth + 1),
      ),
    };
  }
  if ((x = field(o, 'kvlistValue', 'kvlist_value')) !== undefined) {
    const k = obj(x, `${path}.kvlistValue`) ?? {};
    return { type: 'kvlist', value: attributes(k.values, `${path}.kvlistValue.values`, depth) };
  }
  if ((x = field(o, 'bytesValue', 'bytes_value')) !== undefined) {
    const s = str(x, `${path}.bytesValue`);
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s)) throw new DecodeError(`${path}.bytesValue: expected base64`);
    return { type: 'bytes', value: normalizeBase64(s) };
  }
  return { type: 'empty' };
}
