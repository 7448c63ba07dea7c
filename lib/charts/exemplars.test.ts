import { describe, expect, it } from 'vitest';
import { thinExemplars } from './exemplars';

const ex = (t: number, value: number, id = `${t}-${value}`) => ({ traceId: id, value, t, labels: {} });

describe('thinExemplars', () => {
  it('keeps one exemplar per time step and value band: the slowest', () => {
    const out = thinExemplars(
      [ex(1000, 0.1), ex(1500, 0.12), ex(1200, 0.95), ex(1900, 1.0, 'slowest'), ex(2500, 0.11)],
      1000,
      1000,
    );
    // step [1000,2000): 0.1 and 0.12 share band 1 (0.1–0.2) → 0.12; 0.95 and 1.0 share band 9 → 1.0; step [2000,3000): 0.11.
    expect(out.map((e) => e.value)).toEqual([0.12, 1.0, 0.11]);
    expect(out.find((e) => e.traceId === 'slowest')).toBeTruthy();
  });

  it('always keeps the slowest even among thousands in one step', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ex(1000 + (i % 900), 0.5 + (i % 7) / 100));
    many.push(ex(1400, 9.5, 'max'));
    const out = thinExemplars(many, 1000, 1000);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out.some((e) => e.traceId === 'max')).toBe(true);
  });

  it('returns nothing for nothing', () => {
    expect(thinExemplars([], 0, 1000)).toEqual([]);
  });
});
