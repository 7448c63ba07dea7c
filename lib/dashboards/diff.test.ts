import { describe, expect, it } from 'vitest';
import { dashboardDiff } from './diff';
import type { DashboardDef } from './types';

const base: DashboardDef = {
  id: 'd',
  version: 1,
  title: 'One',
  description: '',
  variables: [],
  panels: Array.from({ length: 6 }, (_, i) => ({
    id: `p${i}`,
    title: `Panel ${i}`,
    description: '',
    kind: 'text' as const,
    content: 'x',
  })),
};

describe('version diff', () => {
  it('shows what changed between two versions, and cuts long unchanged stretches', () => {
    const next = { ...base, title: 'Two', panels: base.panels.slice(0, 5) };
    const { lines, changed } = dashboardDiff(base, next);
    expect(lines.filter((l) => l.kind === 'removed').map((l) => l.text.trim())).toContain('"title": "One",');
    expect(lines.filter((l) => l.kind === 'added').map((l) => l.text.trim())).toEqual(['"title": "Two",']);
    expect(lines.some((l) => l.kind === 'removed' && l.text.includes('Panel 5'))).toBe(true);
    expect(lines.some((l) => /⋯ \d+ unchanged lines/.test(l.text))).toBe(true);
    expect(changed).toBeGreaterThan(2);
    expect(dashboardDiff(base, base).changed).toBe(0);
  });
});
