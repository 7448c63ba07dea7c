/**
 * What the slow requests have in common (issue 17): for every attribute value seen, the share of
 * slow traces and of baseline traces that carry it, ranked by how strongly it leans toward the
 * slow group. The lean is a two-proportion z statistic; with many values compared at once, a
 * value is called confident only past z ≥ 3.29 (p < 0.001 two-sided), when both groups hold
 * enough traces, and when the value is common to the slow requests: carried by at least 10 % of
 * them and by 5 or more (a value seen in one or two slow traces explains nothing, and the normal
 * approximation does not hold for it).
 */
export type AttrLean = {
  key: string;
  value: string;
  /** traces carrying it, in each group */
  slow: number;
  base: number;
  slowShare: number;
  baseShare: number;
  /** two-proportion z: positive leans slow */
  z: number;
  confident: boolean;
};

export type AttrComparison = {
  leans: AttrLean[];
  slowTraces: number;
  baseTraces: number;
  /** a group holds fewer traces than `minTraces`: nothing is called confident */
  tooFew: boolean;
};

export const CONFIDENT_Z = 3.29;
export const SEP = '\u0000';
export const pairOf = (key: string, value: string) => `${key}${SEP}${value}`;

/** Each trace's attribute values as `key\0value` strings (pairOf), in the slow group and the baseline. */
export function compareAttributes(
  slow: readonly ReadonlySet<string>[],
  base: readonly ReadonlySet<string>[],
  opts: { minTraces?: number; limit?: number } = {},
): AttrComparison {
  const minTraces = opts.minTraces ?? 20;
  const count = (sets: readonly ReadonlySet<string>[]) => {
    const m = new Map<string, number>();
    for (const s of sets) for (const p of s) m.set(p, (m.get(p) ?? 0) + 1);
    return m;
  };
  const cs = count(slow);
  const cb = count(base);
  const nS = slow.length;
  const nB = base.length;
  const tooFew = nS < minTraces || nB < minTraces;
  const leans: AttrLean[] = [];
  for (const pair of new Set([...cs.keys(), ...cb.keys()])) {
    const a = cs.get(pair) ?? 0;
    const b = cb.get(pair) ?? 0;
    const pS = nS ? a / nS : 0;
    const pB = nB ? b / nB : 0;
    const pooled = nS + nB ? (a + b) / (nS + nB) : 0;
    const se = Math.sqrt(pooled * (1 - pooled) * (nS ? 1 / nS : 0) + pooled * (1 - pooled) * (nB ? 1 / nB : 0));
    const z = se > 0 ? (pS - pB) / se : 0;
    const [key, value] = pair.split(SEP) as [string, string];
    leans.push({
      key,
      value,
      slow: a,
      base: b,
      slowShare: pS,
      baseShare: pB,
      z,
      confident: !tooFew && z >= CONFIDENT_Z && a >= 5 && pS >= 0.1,
    });
  }
  leans.sort((x, y) => y.z - x.z || y.slowShare - x.slowShare || x.key.localeCompare(y.key));
  return { leans: leans.slice(0, opts.limit ?? 200), slowTraces: nS, baseTraces: nB, tooFew };
}
