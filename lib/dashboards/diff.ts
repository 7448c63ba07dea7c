import { diffJson } from 'diff';
import type { DashboardDef } from './types';

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * Two versions of a dashboard as a line diff of their JSON (keys in a fixed order, two-space
 * indent); runs of unchanged lines longer than `context` * 2 are cut to their ends around a gap.
 */
export function dashboardDiff(a: DashboardDef, b: DashboardDef, context = 3): { lines: DiffLine[]; changed: number } {
  const lines: DiffLine[] = [];
  let changed = 0;
  for (const part of diffJson(a, b)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const texts = part.value.replace(/\n$/, '').split('\n');
    if (kind !== 'same') changed += texts.length;
    if (kind === 'same' && texts.length > context * 2 + 1) {
      const skipped = texts.length - context * 2;
      for (const t of texts.slice(0, context)) lines.push({ kind, text: t });
      lines.push({ kind, text: `⋯ ${skipped} unchanged lines` });
      for (const t of texts.slice(-context)) lines.push({ kind, text: t });
    } else {
      for (const t of texts) lines.push({ kind, text: t });
    }
  }
  return { lines, changed };
}
