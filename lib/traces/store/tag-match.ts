import type { AnyValue } from '../model';
import { WIRE_LEN } from '../otlp/wire';
import { Writer } from '../otlp/wire-writer';
import { encodeAnyValue } from '../otlp/encode';

/**
 * Attribute search without an attribute index: a tag `key=value` is matched by looking for the
 * protobuf encoding of that KeyValue inside the stored span bytes (SQLite's instr on a BLOB).
 * The query's value is untyped text, so every type it could have been sent as is tried:
 * string, and also int, double or bool when the text reads as one. Encoders write KeyValue as
 * key then value with minimal varints (the SDKs and ours do); events' attributes match too, as
 * Jaeger matches log fields.
 */
export function tagPatterns(key: string, value: string): Buffer[] {
  const values: AnyValue[] = [{ type: 'string', value }];
  if (/^-?\d+$/.test(value)) {
    const n = BigInt(value);
    if (n >= -(1n << 63n) && n < 1n << 63n) values.push({ type: 'int', value: n.toString() });
  }
  if (value.trim() !== '' && Number.isFinite(Number(value))) values.push({ type: 'double', value: Number(value) });
  if (value === 'true' || value === 'false') values.push({ type: 'bool', value: value === 'true' });
  return values.map((v) => {
    const w = new Writer();
    w.tag(1, WIRE_LEN).string(key);
    w.message(2, (x) => encodeAnyValue(x, v));
    return Buffer.from(w.finish());
  });
}
