import { describe, expect, it } from 'vitest';
import { compareAttributes, pairOf } from './attributes';

/** A deterministic stream of numbers in [0, 1). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function traces(n: number, planted: number, seed: number) {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const s = new Set<string>();
    s.add(pairOf('collection', r() < planted ? 'kb-large' : 'kb-small'));
    s.add(pairOf('model', r() < 0.5 ? 'gpt-4o' : 'claude'));
    s.add(pairOf('tenant', `t${Math.floor(r() * 4)}`));
    return s;
  });
}

describe('what the slow requests have in common', () => {
  it('finds a planted value first and calls it confident; uniform attributes are not', () => {
    const c = compareAttributes(traces(200, 0.9, 1), traces(1800, 0.1, 2));
    expect(c.tooFew).toBe(false);
    expect(c.leans[0]).toMatchObject({ key: 'collection', value: 'kb-large', confident: true });
    expect(c.leans[0]!.slowShare).toBeGreaterThan(0.8);
    expect(c.leans[0]!.baseShare).toBeLessThan(0.2);
    for (const l of c.leans.filter((x) => x.key !== 'collection'))
      expect(l.confident, `${l.key}=${l.value}`).toBe(false);
  });

  it('names nothing with confidence when nothing was planted', () => {
    const c = compareAttributes(traces(200, 0.3, 3), traces(1800, 0.3, 4));
    expect(c.leans.filter((l) => l.confident)).toEqual([]);
  });

  it('says "too few" below the minimum traces per group, and calls nothing confident', () => {
    const c = compareAttributes(traces(5, 1, 5), traces(500, 0, 6));
    expect(c.tooFew).toBe(true);
    expect(c.leans[0]).toMatchObject({ key: 'collection', value: 'kb-large', confident: false });
  });
});
