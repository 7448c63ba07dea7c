/**
 * Span ids as 8-byte records in one Uint8Array with an open-addressing hash over them: a million
 * ids cost 8 MB and a lookup a few array reads, where a Map of hex strings costs ~100 MB and GC.
 * Hex strings are made only for the spans someone looks at.
 */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function idHex(bytes: Uint8Array, i: number): string {
  let s = '';
  for (let k = i * 8; k < i * 8 + 8; k++) s += HEX_BYTE[bytes[k]!];
  return s;
}

/** Writes a 16-hex id into `out` at record `i`; false when it is not 16 hex digits. */
export function writeHexId(hex: string, out: Uint8Array, i: number): boolean {
  if (!/^[0-9a-fA-F]{16}$/.test(hex)) return false;
  for (let k = 0; k < 8; k++) out[i * 8 + k] = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
  return true;
}

function mix(a: number, b: number): number {
  return (Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ (b >>> 15)) >>> 0;
}

/** Open addressing over the ids, read as two 32-bit words each (the arrays are 8-byte records at offset 0). */
export type IdHash = { table: Int32Array; mask: number; words: Int32Array };

export function words(ids: Uint8Array): Int32Array {
  return new Int32Array(ids.buffer, ids.byteOffset, ids.length >> 2);
}

export function newIdHash(ids: Uint8Array, capacityFor: number): IdHash {
  let size = 16;
  while (size < capacityFor * 2) size *= 2;
  return { table: new Int32Array(size), mask: size - 1, words: words(ids) };
}

/** Index of the span whose id is words k*2, k*2+1 of `key`, or -1. */
export function findId(h: IdHash, key: Int32Array, k: number): number {
  const a = key[2 * k]!;
  const b = key[2 * k + 1]!;
  const w = h.words;
  for (let slot = mix(a, b) & h.mask; ; slot = (slot + 1) & h.mask) {
    const v = h.table[slot]!;
    if (v === 0) return -1;
    if (w[2 * v - 2] === a && w[2 * v - 1] === b) return v - 1;
  }
}

/** Adds span i; returns the index already holding that id, or -1 when it was new. */
export function addId(h: IdHash, i: number): number {
  const w = h.words;
  const a = w[2 * i]!;
  const b = w[2 * i + 1]!;
  for (let slot = mix(a, b) & h.mask; ; slot = (slot + 1) & h.mask) {
    const v = h.table[slot]!;
    if (v === 0) {
      h.table[slot] = i + 1;
      return -1;
    }
    if (w[2 * v - 2] === a && w[2 * v - 1] === b) return v - 1;
  }
}

const probe = new Uint8Array(8);
const probeWords = words(probe);
/** Index of the span with this hex id, or -1. */
export function findHexId(h: IdHash, hex: string): number {
  return writeHexId(hex, probe, 0) ? findId(h, probeWords, 0) : -1;
}
