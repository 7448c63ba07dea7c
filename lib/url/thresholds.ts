/** Canary thresholds in the URL: one parameter per threshold; a bad value falls back with a notice. */
import { DEFAULT_THRESHOLDS, type Thresholds } from '../stats/canary';

const RANGES: Record<keyof Thresholds, [number, number]> = {
  denyPass: [0, 1],
  denyFail: [0, 1],
  errorPass: [0, 1],
  errorFail: [0, 1],
  latencyPass: [0, 10],
  latencyFail: [0, 10],
  p95Pass: [1, 100],
  p95Fail: [1, 100],
  cachePass: [0, 1],
  cacheFail: [0, 1],
  scorePass: [0, 100],
  scoreMarginal: [0, 100],
  minEvaluations: [1, 1e9],
};

export function parseThresholds(sp: URLSearchParams): { thresholds: Thresholds; notices: string[] } {
  const t: Thresholds = { ...DEFAULT_THRESHOLDS };
  const notices: string[] = [];
  for (const key of Object.keys(RANGES) as (keyof Thresholds)[]) {
    const raw = sp.get(key);
    if (raw === null || raw === '') continue;
    const v = Number(raw);
    const [lo, hi] = RANGES[key];
    if (!Number.isFinite(v) || v < lo || v > hi)
      notices.push(`Ignored ${key}="${raw.slice(0, 20)}": use a number from ${lo} to ${hi}.`);
    else t[key] = v;
  }
  for (const [p, f] of [
    ['denyPass', 'denyFail'],
    ['errorPass', 'errorFail'],
    ['latencyPass', 'latencyFail'],
    ['p95Pass', 'p95Fail'],
    ['cachePass', 'cacheFail'],
    ['scoreMarginal', 'scorePass'],
  ] as const) {
    if (t[p] > t[f]) {
      notices.push(`Ignored ${p}=${t[p]} above ${f}=${t[f]}: defaults used for both.`);
      t[p] = DEFAULT_THRESHOLDS[p];
      t[f] = DEFAULT_THRESHOLDS[f];
    }
  }
  return { thresholds: t, notices };
}
