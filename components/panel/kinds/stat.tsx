'use client';

import { linePath } from '@/lib/charts/axes';
import { cssColor, type ReducedSeries, thresholdColor } from '@/lib/charts/reduce';
import type { StatPanelDef } from '@/lib/dashboards/types';
import { valueText } from '@/lib/charts/value-text';
import { defineKind } from './define';
import { useReduced } from './reduced';

/** The trend under a stat's number: the series over the range, scaled to its own extent. */
function Sparkline({ values, color }: { values: (number | null)[]; color: string }) {
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length < 2) return null;
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const pts = values.map((v, i) => ({ t: i, v }));
  const d = linePath(
    pts,
    (p) => p.v,
    (i) => (i / Math.max(1, values.length - 1)) * 100,
    (v) => (hi > lo ? 28 - ((v - lo) / (hi - lo)) * 26 : 15),
  );
  return (
    <svg aria-hidden viewBox="0 0 100 30" preserveAspectRatio="none" className="mt-1 h-8 w-full">
      <path d={d} fill="none" stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

function StatView({ def, data }: { def: StatPanelDef; data: ReducedSeries[] }) {
  const shown = data.slice(0, 12);
  return (
    <div
      className="grid gap-3"
      style={{ gridTemplateColumns: `repeat(auto-fit, minmax(${shown.length > 1 ? 140 : 200}px, 1fr))` }}
    >
      {shown.map((s) => {
        const shown = valueText(def, s.value);
        const text = shown.text;
        const color = cssColor(shown.color ?? thresholdColor(s.value, def.thresholds, 'blue'));
        return (
          <figure
            key={s.name}
            data-testid="stat"
            aria-label={`${s.name}: ${text}`}
            className="flex min-w-0 flex-col items-center justify-center rounded border border-slate-100 p-2 dark:border-slate-800"
          >
            <figcaption className="w-full truncate text-center text-xs text-slate-500 dark:text-slate-400">
              {s.name}
            </figcaption>
            <p data-testid="stat-value" className="font-mono text-3xl font-semibold tabular-nums" style={{ color }}>
              {text}
            </p>
            {def.sparkline !== false && <Sparkline values={s.values} color={color} />}
          </figure>
        );
      })}
      {data.length > shown.length && (
        <p className="text-xs text-slate-500">
          and {data.length - shown.length} more series (narrow the query to see them)
        </p>
      )}
    </div>
  );
}

export const statKind = defineKind('stat', { useData: useReduced, View: StatView });
