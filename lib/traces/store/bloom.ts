/**
 * A small Bloom filter per trace group (the spans of one trace in one export) over the protobuf
 * bytes of every KeyValue in those spans. Attribute search tests a group's filter before reading
 * its spans, so a rare tag costs a pass over the groups' filters instead of over every span.
 * False positives only cost a check of that group's spans; there are no false negatives for the
 * KeyValues the scanner sees.
 */

const PROBES = 4;

/** FNV-1a over bytes [s, e). */
export function kvHash(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) {
    h ^= buf[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function second(h: number): number {
  return (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0) | 1;
}

/**
 * A filter over the hashes in the given ranges of `hashes`, sized for their count (about 10 bits
 * each, a power of two from 512 to 65,536 bits).
 */
export function makeBloom(hashes: Uint32Array, ranges: readonly (readonly [number, number])[]): Buffer {
  let n = 0;
  for (const [s, e] of ranges) n += e - s;
  let bits = 512;
  while (bits < n * 10 && bits < 65_536) bits *= 2;
  const mask = bits - 1;
  const out = Buffer.alloc(bits / 8);
  for (const [s, e] of ranges) {
    for (let i = s; i < e; i++) {
      const h = hashes[i] as number;
      const h2 = second(h);
      for (let k = 0; k < PROBES; k++) {
        const bit = ((h + Math.imul(k, h2)) >>> 0) & mask;
        out[bit >>> 3] = (out[bit >>> 3] as number) | (1 << (bit & 7));
      }
    }
  }
  return out;
}

export function bloomHas(bloom: Uint8Array, h: number): boolean {
  const mask = bloom.length * 8 - 1;
  const h2 = second(h);
  for (let k = 0; k < PROBES; k++) {
    const bit = ((h + Math.imul(k, h2)) >>> 0) & mask;
    if (((bloom[bit >>> 3] as number) & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
