import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEFT_OFF } from './left-off';

/**
 * Every metric Shannon exports (../shared/shannon/METRICS.md) is on a page of the console, or
 * deliberately left off with its reason (lib/dashboards/left-off.ts, listed in the README).
 */
const METRICS_MD = path.resolve(import.meta.dirname, '../../../shared/shannon/METRICS.md');
const PREFIXES = ['openai_compat', 'agent_core', 'llm_service', 'shannon', 'llm'];

/** The metric names of METRICS.md's tables, with its `a_total / _b_total` shorthand spelled out. */
export function metricNames(md: string): string[] {
  const names = new Set<string>();
  for (const line of md.split('\n')) {
    const cell = /^\| ([a-z_][a-z0-9_ ,/]*?) \|/.exec(line)?.[1];
    if (!cell || cell === 'metric') continue;
    for (const group of cell.split(',')) {
      const parts = group
        .split('/')
        .map((s) => s.trim())
        .filter(Boolean);
      const first = parts[0]!;
      if (!PREFIXES.some((p) => first.startsWith(`${p}_`))) continue;
      names.add(first);
      const words = first.split('_');
      const prefix = PREFIXES.find((p) => first.startsWith(`${p}_`))!;
      for (const short of parts.slice(1)) {
        if (!short.startsWith('_')) {
          names.add(short);
          continue;
        }
        const sw = short.slice(1).split('_');
        const at = words.indexOf(sw[0]!);
        const keep = at > 0 ? words.slice(0, at) : words.slice(0, words.length - sw.length);
        names.add(keep.join('_').length < prefix.length ? `${prefix}${short}` : `${keep.join('_')}${short}`);
      }
    }
  }
  return [...names].sort();
}

/** The source of everything the pages query: dashboards, the overview, the policy verdict, annotations. */
function pageSources(): string {
  const dirs = ['dashboards', 'overview', 'policy', 'annotations'].map((d) =>
    path.resolve(import.meta.dirname, '..', d),
  );
  return dirs
    .flatMap((d) =>
      fs
        .readdirSync(d)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'left-off.ts')
        .map((f) => path.join(d, f)),
    )
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

describe('metric coverage', () => {
  const names = metricNames(fs.readFileSync(METRICS_MD, 'utf8'));

  it('reads every metric name of METRICS.md, shorthand included', () => {
    expect(names).toHaveLength(98);
    for (const n of [
      'shannon_session_cache_misses_total',
      'shannon_prompt_cache_creation_tokens_total',
      'openai_compat_sessions_created_total',
      'openai_compat_session_collisions_total',
      'shannon_provider_override_respected_total',
      'shannon_policy_files_loaded',
      'llm_mcp_request_duration_seconds',
    ])
      expect(names).toContain(n);
  });

  it('puts every metric on a page, or names it as left off with a reason', () => {
    const src = pageSources();
    const missing = names.filter((n) => !new RegExp(`\\b${n}(_bucket|_sum|_count)?\\b`).test(src) && !(n in LEFT_OFF));
    expect(missing).toEqual([]);
    // Nothing is both on a page and "left off", and every reason says something.
    for (const [n, why] of Object.entries(LEFT_OFF)) {
      expect(names, n).toContain(n);
      expect(new RegExp(`\\b${n}\\b`).test(src), `${n} is on a page`).toBe(false);
      expect(why.length, n).toBeGreaterThan(20);
    }
  });
});
