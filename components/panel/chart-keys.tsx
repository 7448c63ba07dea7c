'use client';

import { type KeyboardEvent, useState } from 'react';
import type { ChartRow, ChartSeries } from '@/lib/charts/series';
import { formatDateTime } from '@/lib/format/time-zone';
import { seriesFigure } from '@/lib/charts/value-text';
import type { Unit } from '@/lib/format/units';
import { pct } from './chart-layers';

const STEP: Record<string, (i: number, n: number) => number> = {
  ArrowLeft: (i) => i - 1,
  ArrowRight: (i) => i + 1,
  PageUp: (i, n) => i - Math.max(1, Math.round(n / 10)),
  PageDown: (i, n) => i + Math.max(1, Math.round(n / 10)),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * A chart read with the keyboard: once it has focus, ←/→ (PageUp/PageDown for a tenth, Home/End)
 * move a cursor along its instants, Enter opens the point menu there, Escape hides the cursor.
 */
export function useChartKeys(rows: readonly ChartRow[], open: (t: number) => void) {
  const [at, setAt] = useState<number | null>(null);
  const n = rows.length;
  const row = at === null || n === 0 ? null : rows[Math.min(Math.max(at, 0), n - 1)]!;
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || n === 0) return; // keys inside (exemplars, menu) are theirs
    const i = at === null ? n - 1 : Math.min(Math.max(at, 0), n - 1);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setAt(i);
      open(rows[i]!.t);
    } else if (e.key === 'Escape' && at !== null) {
      setAt(null);
    } else if (STEP[e.key]) {
      e.preventDefault();
      setAt(at === null ? n - 1 : Math.min(Math.max(STEP[e.key]!(i, n), 0), n - 1));
    }
  };
  return { row, onKeyDown, clear: () => setAt(null) };
}

export type KeyCursorProps = {
  row: ChartRow;
  series: readonly ChartSeries[];
  unit: Unit;
  fx: (t: number) => number;
  timeZone: string;
};

/** The keyboard's place on the chart: a line at its instant and the values there. */
export function KeyCursor({ row, series, unit, fx, timeZone }: KeyCursorProps) {
  const f = fx(row.t);
  const values = series
    .map((s) => ({ s, v: row[s.key] }))
    .filter((p): p is { s: ChartSeries; v: number } => typeof p.v === 'number')
    .sort((a, b) => b.v - a.v)
    .slice(0, 8);
  return (
    <div
      data-testid="key-cursor"
      data-t={row.t}
      className="pointer-events-none absolute inset-y-0 w-0"
      style={{ left: pct(f) }}
    >
      <div className="absolute inset-y-0 border-l-2 border-indigo-500" />
      <div
        role="status"
        className={`absolute top-1 z-10 whitespace-nowrap rounded border border-slate-200 bg-white/95 p-2 text-xs text-slate-900 shadow dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-100 ${f > 0.5 ? 'right-2' : 'left-2'}`}
      >
        <p className="font-medium">{formatDateTime(row.t, timeZone)}</p>
        {values.map(({ s, v }) => (
          <p key={s.key} className="flex justify-between gap-4">
            <span style={{ color: s.color }}>{s.name}</span>
            <span className="font-mono">{seriesFigure(s, unit, v)}</span>
          </p>
        ))}
        <p className="mt-1 text-slate-500">Enter: traces at this point</p>
      </div>
    </div>
  );
}
