/**
 * Intervals and tests the canary verdict uses, written from their textbook definitions:
 * Wilson score interval, Newcombe's hybrid score interval for a difference of proportions,
 * a normal interval for a difference of means, chi-square homogeneity with its survival function.
 */

export const Z95 = 1.959963984540054;

export type Interval = { estimate: number; lo: number; hi: number };

/** Wilson score interval for x successes in n trials; null when n = 0. */
export function wilson(x: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  const p = x / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
  return { estimate: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/** Newcombe's hybrid score interval (method 10) for p2 − p1. */
export function proportionDiff(x1: number, n1: number, x2: number, n2: number, z = Z95): Interval | null {
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  if (!a || !b) return null;
  const d = b.estimate - a.estimate;
  const lo = d - Math.sqrt((b.estimate - b.lo) ** 2 + (a.hi - a.estimate) ** 2);
  const hi = d + Math.sqrt((b.hi - b.estimate) ** 2 + (a.estimate - a.lo) ** 2);
  return { estimate: d, lo, hi };
}

/** m2 − m1 with a normal (Welch, large-sample) interval; null without two observations on each side. */
export function meanDiff(
  m1: number,
  v1: number,
  n1: number,
  m2: number,
  v2: number,
  n2: number,
  z = Z95,
): Interval | null {
  if (n1 < 2 || n2 < 2) return null;
  const se = Math.sqrt(v1 / n1 + v2 / n2);
  const d = m2 - m1;
  return { estimate: d, lo: d - z * se, hi: d + z * se };
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9). */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const xx = x - 1;
  let a = c[0]!;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized upper incomplete gamma Q(s, x): series for x < s + 1, continued fraction beyond. */
function gammaQ(s: number, x: number): number {
  if (x <= 0) return 1;
  if (x < s + 1) {
    let sum = 1 / s;
    let term = sum;
    for (let k = 1; k < 1000; k++) {
      term *= x / (s + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(-x + s * Math.log(x) - lnGamma(s));
  }
  // Lentz's method for the continued fraction.
  let b = x + 1 - s;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(-x + s * Math.log(x) - lnGamma(s)) * h;
}

/** P(X ≥ x) for X ~ χ²(df). */
export function chiSquareSf(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

export type ChiSquare = { statistic: number; df: number; p: number; cells: number };

/**
 * Chi-square test of homogeneity for two rows of bucket counts. Adjacent buckets are merged until
 * every merged cell expects at least 5 observations in both rows (the usual validity rule); null
 * when fewer than two cells remain.
 */
export function chiSquareHomogeneity(a: number[], b: number[]): ChiSquare | null {
  const na = a.reduce((s, x) => s + x, 0);
  const nb = b.reduce((s, x) => s + x, 0);
  const n = na + nb;
  if (na === 0 || nb === 0) return null;
  const cells: [number, number][] = [];
  let ca = 0;
  let cb = 0;
  for (let i = 0; i < a.length; i++) {
    ca += a[i]!;
    cb += b[i]!;
    const col = ca + cb;
    if ((col * na) / n >= 5 && (col * nb) / n >= 5) {
      cells.push([ca, cb]);
      ca = 0;
      cb = 0;
    }
  }
  if (ca + cb > 0) {
    if (cells.length) {
      const last = cells[cells.length - 1]!;
      last[0] += ca;
      last[1] += cb;
    } else cells.push([ca, cb]);
  }
  if (cells.length < 2) return null;
  let stat = 0;
  for (const [xa, xb] of cells) {
    const col = xa + xb;
    const ea = (col * na) / n;
    const eb = (col * nb) / n;
    stat += (xa - ea) ** 2 / ea + (xb - eb) ** 2 / eb;
  }
  const df = cells.length - 1;
  return { statistic: stat, df, p: chiSquareSf(stat, df), cells: cells.length };
}
