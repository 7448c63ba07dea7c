import type { Attribute } from '../model';
import { decodeKeyValue } from './decode-proto';
import { type Reader, WIRE_I64, WIRE_LEN } from './wire';

/**
 * Parts of a stored span's protobuf body, read without building the whole span: what the
 * waterfall's index adds to a skeleton, and the few attributes the service map looks for.
 */

/**
 * What the waterfall's index needs from a stored span beyond its indexed columns: attributes and
 * event times and names. Skips everything else; stored bodies were validated at ingest.
 */
export function decodeSpanExtras(r: Reader): { attributes: Attribute[]; events: { timeNs: bigint; name: string }[] } {
  const attributes: Attribute[] = [];
  const events: { timeNs: bigint; name: string }[] = [];
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 9 && w === WIRE_LEN) attributes.push(decodeKeyValue(r.sub(), 0));
    else if (f === 11 && w === WIRE_LEN) {
      const e = r.sub();
      let timeNs = 0n;
      let name = '';
      while (!e.done()) {
        const [ef, ew] = e.tag();
        if (ef === 1 && ew === WIRE_I64) timeNs = e.fixed64();
        else if (ef === 2 && ew === WIRE_LEN) name = e.string();
        else e.skip(ew);
      }
      events.push({ timeNs, name });
    } else r.skip(w);
  }
  return { attributes, events };
}

/**
 * Only the string attributes of a stored span whose keys are in `keys`: what the service map reads
 * of thousands of spans (peer.service, db.system, …), without decoding the others or the events.
 */
export function decodeSpanStrings(r: Reader, keys: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f !== 9 || w !== WIRE_LEN) {
      r.skip(w);
      continue;
    }
    const kv = r.sub();
    let key: string | null = null;
    while (!kv.done()) {
      const [kf, kw] = kv.tag();
      if (kf === 1 && kw === WIRE_LEN) {
        key = kv.string();
        if (!keys.has(key)) break;
      } else if (kf === 2 && kw === WIRE_LEN && key !== null) {
        const v = kv.sub();
        while (!v.done()) {
          const [vf, vw] = v.tag();
          if (vf === 1 && vw === WIRE_LEN) out.set(key, v.string());
          else v.skip(vw);
        }
      } else kv.skip(kw);
    }
  }
  return out;
}
