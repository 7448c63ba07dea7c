/**
 * Protocol Buffers wire format, just what OTLP needs: a bounds-checked reader over one buffer
 * (the writer is in wire-writer.ts). Written by hand rather than generated: the decoder is the ingest hot
 * path, and every malformed byte must become a DecodeError naming where it went wrong, never a
 * crash or a silent wrong value (https://protobuf.dev/programming-guides/encoding/).
 */

export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * UTF-8 bytes to a string. Attribute keys and values are mostly short ASCII, where building the
 * string directly is several times faster than TextDecoder; anything else goes to TextDecoder.
 */
export function utf8Slice(buf: Uint8Array, s: number, e: number): string {
  if (e - s <= 64) {
    let out = '';
    for (let i = s; i < e; i++) {
      const c = buf[i] as number;
      if (c > 127) return utf8.decode(buf.subarray(s, e));
      out += String.fromCharCode(c);
    }
    return out;
  }
  return utf8.decode(buf.subarray(s, e));
}

export class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    public end = buf.length,
  ) {
    this.pos = start;
  }

  /**
   * Steps into a length-delimited field without allocating a Reader: the end becomes the
   * field's end; returns the outer end for leave().
   */
  enter(): number {
    const len = this.uint();
    if (len > this.end - this.pos) throw new DecodeError(`length ${len} runs past the end of the message`);
    const outer = this.end;
    this.end = this.pos + len;
    return outer;
  }

  /** Leaves a field entered with enter(): continues after it, within the outer end. */
  leave(outer: number): void {
    this.pos = this.end;
    this.end = outer;
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  /** A varint up to 2^53 as a number (lengths, tags, enums, counts). */
  uint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new DecodeError('truncated varint');
      const b = this.buf[this.pos++] as number;
      result += (b & 0x7f) * mul;
      if (b < 0x80) {
        if (result > Number.MAX_SAFE_INTEGER) throw new DecodeError('varint too large');
        return result;
      }
      mul *= 128;
    }
    throw new DecodeError('varint longer than 10 bytes');
  }

  /** A varint as a signed 64-bit integer (int64 two's complement), exact. */
  int64(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new DecodeError('truncated varint');
      const b = this.buf[this.pos++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asIntN(64, result);
      shift += 7n;
    }
    throw new DecodeError('varint longer than 10 bytes');
  }

  fixed64(): bigint {
    if (this.pos + 8 > this.end) throw new DecodeError('truncated fixed64');
    const lo = this.u32At(this.pos);
    const hi = this.u32At(this.pos + 4);
    this.pos += 8;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  fixed32(): number {
    if (this.pos + 4 > this.end) throw new DecodeError('truncated fixed32');
    const v = this.u32At(this.pos);
    this.pos += 4;
    return v;
  }

  double(): number {
    if (this.pos + 8 > this.end) throw new DecodeError('truncated double');
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
    this.pos += 8;
    return v;
  }

  /** A length-delimited field: returns [start, end) within the buffer. */
  span(): [number, number] {
    const len = this.uint();
    const start = this.pos;
    if (len > this.end - start) throw new DecodeError(`length ${len} runs past the end of the message`);
    this.pos = start + len;
    return [start, start + len];
  }

  bytes(): Uint8Array {
    const [s, e] = this.span();
    return this.buf.subarray(s, e);
  }

  string(): string {
    const [s, e] = this.span();
    return utf8Slice(this.buf, s, e);
  }

  /** An int64 varint as a decimal string; numbers below 2^49 skip BigInt (the common case). */
  int64String(): string {
    const start = this.pos;
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 7; i++) {
      if (this.pos >= this.end) throw new DecodeError('truncated varint');
      const b = this.buf[this.pos++] as number;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return String(result);
      mul *= 128;
    }
    this.pos = start;
    return this.int64().toString();
  }

  sub(): Reader {
    const [s, e] = this.span();
    return new Reader(this.buf, s, e);
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.uint64Skip();
        return;
      case WIRE_I64:
        if (this.pos + 8 > this.end) throw new DecodeError('truncated fixed64');
        this.pos += 8;
        return;
      case WIRE_LEN:
        this.span();
        return;
      case WIRE_I32:
        if (this.pos + 4 > this.end) throw new DecodeError('truncated fixed32');
        this.pos += 4;
        return;
      default:
        throw new DecodeError(`unsupported wire type ${wireType}`);
    }
  }

  /** The wire type of the tag last read by field(). */
  wire = 0;

  /** Reads a field tag without allocating: returns the field number, sets `wire`. */
  field(): number {
    const t = this.uint();
    const f = Math.floor(t / 8);
    if (f === 0) throw new DecodeError('field number 0');
    this.wire = t & 7;
    return f;
  }

  /** Reads a field tag; returns [fieldNumber, wireType]. */
  tag(): [number, number] {
    const t = this.uint();
    const field = Math.floor(t / 8);
    if (field === 0) throw new DecodeError('field number 0');
    return [field, t & 7];
  }

  private uint64Skip(): void {
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new DecodeError('truncated varint');
      if ((this.buf[this.pos++] as number) < 0x80) return;
    }
    throw new DecodeError('varint longer than 10 bytes');
  }

  private u32At(p: number): number {
    const b = this.buf;
    return (
      ((b[p] as number) | ((b[p + 1] as number) << 8) | ((b[p + 2] as number) << 16)) + (b[p + 3] as number) * 0x1000000
    );
  }
}

/** Checks the wire type of a known field; a mismatch is a malformed message. */
export function expectWire(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw new DecodeError(`${what}: wire type ${actual}, expected ${expected}`);
}
