import 'server-only';
import { type ChoicesRequest, resultLines } from '../dashboards/variables';
import { instantQuery, labelValues, promClient } from './prom';
import { processSlot } from './process';

/**
 * What the PromQL editor completes from (label names, series, metric metadata), asked of
 * Prometheus through the console and kept for a short while: a person typing asks the same
 * things many times a second, and these change slowly.
 */
export const META_TTL_MS = 30_000;
const MAX_ENTRIES = 500;
/** Series a completion answer carries at most (a selector matching more is cut, and says so). */
export const MAX_SERIES = 10_000;

function cached<T>(key: string, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
  const cache = processSlot('metaCache', () => new Map());
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < META_TTL_MS) return hit.answer as Promise<T>;
  const answer = load();
  cache.set(key, { at: now, answer });
  // A failure is not kept, nor an answer not worth keeping: the next keystroke asks again.
  const drop = () => cache.get(key)?.answer === answer && cache.delete(key);
  answer.then((v) => keep(v) || drop(), drop);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return answer;
}

/** Whole minutes, so that requests a few seconds apart share an answer. */
const minute = (t?: number) => (t === undefined ? '' : String(Math.floor(t / 60)));

export function labelNames(match: readonly string[], start?: number, end?: number) {
  return cached(`labels|${match.join('\u0000')}|${minute(start)}|${minute(end)}`, async () => {
    const r = await promClient().labelNames(match, start, end);
    return { names: r.data, warnings: r.warnings };
  });
}

export function series(match: readonly string[], start?: number, end?: number) {
  return cached(`series|${match.join('\u0000')}|${minute(start)}|${minute(end)}`, async () => {
    const r = await promClient().series(match, start, end);
    const cut = r.data.length > MAX_SERIES;
    return {
      series: cut ? r.data.slice(0, MAX_SERIES) : r.data,
      warnings: cut
        ? [...r.warnings, `only the first ${MAX_SERIES} of ${r.data.length} series are listed`]
        : r.warnings,
    };
  });
}

export function metadata(metric?: string) {
  return cached(
    `metadata|${metric ?? ''}`,
    async () => {
      const r = await promClient().metadata(metric);
      return { metadata: r.data, warnings: r.warnings };
    },
    // A Prometheus that has not scraped yet knows no metadata: that is not kept.
    (v) => Object.keys(v.metadata).length > 0,
  );
}

/** A query laid out by Prometheus's formatter (not kept: it is asked once per click). */
export async function formatQuery(query: string, signal?: AbortSignal) {
  const r = await promClient().formatQuery(query, signal);
  return { query: r.data, warnings: r.warnings };
}

/** A variable's choices as the browser asks them (lib/queries/prom.ts variableChoicesOptions). */
export async function variableChoices(r: ChoicesRequest, start: number, end: number, signal?: AbortSignal) {
  const match = r.source ? [r.source] : [];
  if (r.from === 'names') {
    const d = await labelNames(match, start, end);
    return { values: d.names, warnings: d.warnings };
  }
  if (r.from === 'result') {
    const d = await instantQuery(r.source, end, signal);
    return { values: resultLines(d.series), warnings: d.warnings };
  }
  return labelValues(r.label, match, start, end, signal);
}
