/**
 * The waterfall's skeleton of a trace group, packed at ingest beside the group (ADR 0005): what
 * the index needs of each span in 44 bytes, so that opening a million-span trace reads fifty
 * blobs instead of a million rows.
 *
 *   u32 count, u32 offset of the string table
 *   count × { span id 8, parent id 8 (zeros: none), start ns i64, duration ns i64,
 *             rowid − lo u32, kind u8, flags u8 (1 = has parent, 2 = error), service u16, name u32 }
 *   (every multi-byte field 4-aligned within the record, read through 32-bit views)
 *   string table: JSON array of the names and services the records point into
 */
import type { SkeletonColumns } from '../model';
import { addId, newIdHash, words } from '../view/span-ids';

const HEAD = 8;
const REC = 44;

export type SkeletonSpan = {
  spanId: Uint8Array;
  parentId: Uint8Array | null;
  name: string;
  service: string;
  kind: number;
  status: number;
  startNs: bigint;
  durNs: bigint;
};

export function packSkeleton(spans: SkeletonSpan[], rowids: number[], lo: number): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const at = (s: string) => {
    let k = index.get(s);
    if (k === undefined) index.set(s, (k = strings.push(s) - 1));
    return k;
  };
  const body = Buffer.alloc(HEAD + spans.length * REC);
  spans.forEach((s, i) => {
    const o = HEAD + i * REC;
    body.set(s.spanId.subarray(0, 8), o);
    if (s.parentId && s.parentId.length === 8) body.set(s.parentId, o + 8);
    body.writeBigInt64LE(s.startNs, o + 16);
    body.writeBigInt64LE(s.durNs, o + 24);
    body.writeUInt32LE(rowids[i]! - lo, o + 32);
    body.writeUInt8(s.kind & 0xff, o + 36);
    body.writeUInt8((s.parentId && s.parentId.length ? 1 : 0) | (s.status === 2 ? 2 : 0), o + 37);
    body.writeUInt16LE(at(s.service), o + 38);
    body.writeUInt32LE(at(s.name), o + 40);
  });
  body.writeUInt32LE(spans.length, 0);
  body.writeUInt32LE(body.length, 4);
  return Buffer.concat([body, Buffer.from(JSON.stringify(strings))]);
}

/**
 * Unpack a trace's groups (in rowid order) into columns: ids hashed, a span re-sent in a later
 * export kept once, spans below `minRowid` (removed by retention) left out.
 */
export function unpackSkeletons(groups: { skel: Uint8Array; lo: number }[], minRowid: number): SkeletonColumns | null {
  let total = 0;
  for (const g of groups)
    total +=
      g.skel.length >= HEAD ? new DataView(g.skel.buffer, g.skel.byteOffset, g.skel.byteLength).getUint32(0, true) : 0;
  if (total === 0) return null;
  const first = new DataView(groups[0]!.skel.buffer, groups[0]!.skel.byteOffset, groups[0]!.skel.byteLength);
  const baseHi = first.getInt32(HEAD + 20, true);
  const baseLo = first.getUint32(HEAD + 16, true);
  const c: SkeletonColumns = {
    baseNs: (BigInt(baseHi) << 32n) + BigInt(baseLo),
    n: 0,
    ids: new Uint8Array(total * 8),
    pids: new Uint8Array(total * 8),
    hasParent: new Uint8Array(total),
    hash: undefined,
    strings: [],
    name: new Int32Array(total),
    service: new Int32Array(total),
    start: new Float64Array(total),
    dur: new Float64Array(total),
    error: new Uint8Array(total),
    kind: new Uint8Array(total),
    refs: new Float64Array(total),
  };
  const global = new Map<string, number>();
  const utf8 = new TextDecoder();
  // Locals, not property reads of `c`, in the loop that runs a million times.
  const { ids, pids, hasParent, start, dur, kind, error, service, name } = c;
  const refs = c.refs!;
  const hash = newIdHash(ids, total);
  c.hash = hash;
  const ids32 = words(ids);
  const pids32 = words(pids);
  let n = 0;
  for (const g of groups) {
    if (g.skel.length < HEAD) continue;
    // An aligned copy, so that the records can be read through 32-bit views.
    const b = new Uint8Array(g.skel.length + ((4 - (g.skel.length % 4)) % 4));
    b.set(g.skel);
    const u32 = new Uint32Array(b.buffer);
    const i32 = new Int32Array(b.buffer);
    const count = u32[0]!;
    const tableAt = u32[1]!;
    const local = (JSON.parse(utf8.decode(b.subarray(tableAt, g.skel.length))) as string[]).map((s) => {
      let k = global.get(s);
      if (k === undefined) global.set(s, (k = c.strings.push(s) - 1));
      return k;
    });
    for (let r = 0; r < count; r++) {
      const o = HEAD + r * REC;
      const w = o >> 2;
      const rowid = g.lo + u32[w + 8]!;
      if (rowid < minRowid) continue;
      ids32[2 * n] = i32[w]!;
      ids32[2 * n + 1] = i32[w + 1]!;
      if (addId(hash, n) >= 0) continue; // seen in an earlier export: keep the first
      const flags = b[o + 37]!;
      if (flags & 1) {
        pids32[2 * n] = i32[w + 2]!;
        pids32[2 * n + 1] = i32[w + 3]!;
        hasParent[n] = 1;
      }
      // Offsets from the base in doubles, from the two 32-bit halves: exact within 104 days.
      start[n] = (i32[w + 5]! - baseHi) * 4294967296 + (u32[w + 4]! - baseLo);
      dur[n] = i32[w + 7]! * 4294967296 + u32[w + 6]!;
      kind[n] = b[o + 36]!;
      error[n] = flags & 2 ? 1 : 0;
      service[n] = local[b[o + 38]! | (b[o + 39]! << 8)]!;
      name[n] = local[u32[w + 10]!]!;
      refs[n] = rowid;
      n++;
    }
  }
  if (n === 0) return null;
  c.n = n;
  if (n < total) {
    c.ids = c.ids.subarray(0, n * 8);
    c.pids = c.pids.subarray(0, n * 8);
    c.hasParent = c.hasParent.subarray(0, n);
    c.name = c.name.subarray(0, n);
    c.service = c.service.subarray(0, n);
    c.start = c.start.subarray(0, n);
    c.dur = c.dur.subarray(0, n);
    c.error = c.error.subarray(0, n);
    c.kind = c.kind.subarray(0, n);
    c.refs = c.refs!.subarray(0, n);
  }
  return c;
}
