import { WIRE_LEN } from './wire';

/** Protocol Buffers encoding: a byte buffer that grows, with the field writers OTLP needs. */
const utf8e = new TextEncoder();

export class Writer {
  private buf = new Uint8Array(256);
  private len = 0;

  private ensure(n: number) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  uint(v: number): this {
    this.ensure(10);
    while (v > 127) {
      this.buf[this.len++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
    return this;
  }

  int64(v: bigint): this {
    let u = BigInt.asUintN(64, v);
    this.ensure(10);
    while (u > 127n) {
      this.buf[this.len++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    this.buf[this.len++] = Number(u);
    return this;
  }

  tag(field: number, wire: number): this {
    return this.uint(field * 8 + wire);
  }

  fixed64(v: bigint): this {
    this.ensure(8);
    const u = BigInt.asUintN(64, v);
    new DataView(this.buf.buffer).setBigUint64(this.len, u, true);
    this.len += 8;
    return this;
  }

  fixed32(v: number): this {
    this.ensure(4);
    new DataView(this.buf.buffer).setUint32(this.len, v >>> 0, true);
    this.len += 4;
    return this;
  }

  double(v: number): this {
    this.ensure(8);
    new DataView(this.buf.buffer).setFloat64(this.len, v, true);
    this.len += 8;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.uint(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  string(s: string): this {
    return this.bytes(utf8e.encode(s));
  }

  /** A nested message written by fn, length-prefixed. */
  message(field: number, fn: (w: Writer) => void): this {
    const inner = new Writer();
    fn(inner);
    this.tag(field, WIRE_LEN);
    return this.bytes(inner.finish());
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
