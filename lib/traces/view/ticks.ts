/** Ruler ticks for a time window in ns: about `target` round steps (1, 2, 5 × 10^k ns). */
export function timeTicks(fromNs: number, toNs: number, target = 6): number[] {
  const span = toNs - fromNs;
  if (!(span > 0)) return [fromNs];
  const raw = span / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const out: number[] = [];
  for (let t = Math.ceil(fromNs / step) * step; t <= toNs + step * 1e-9; t += step) out.push(t);
  return out;
}

/** A duration in ns as people read it: 850 µs, 12.5 ms, 1.25 s. */
export function formatNs(ns: number): string {
  const abs = Math.abs(ns);
  if (abs === 0) return '0 ms';
  if (abs < 1e3) return `${+ns.toFixed(0)} ns`;
  if (abs < 1e6) return `${+(ns / 1e3).toPrecision(3)} µs`;
  if (abs < 1e9) return `${+(ns / 1e6).toPrecision(3)} ms`;
  if (abs < 60e9) return `${+(ns / 1e9).toPrecision(3)} s`;
  return `${+(ns / 60e9).toPrecision(3)} min`;
}
