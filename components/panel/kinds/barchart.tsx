'use client';

import { cssColor, type ReducedSeries, thresholdColor } from '@/lib/charts/reduce';
import type { BarChartPanelDef } from '@/lib/dashboards/types';
import { valueText } from '@/lib/charts/value-text';
import { defineKind } from './define';
import { useReduced } from './reduced';

/**
 * A vertical bar per series (its value reduced over the range), from zero, each labelled below
 * with its name and above with its value; coloured by the thresholds.
 */
function BarChartView({ def, data }: { def: BarChartPanelDef; data: ReducedSeries[] }) {
  const bars = data.slice(0, 40);
  const values = bars.map((s) => s.value ?? 0);
  const top = Math.max(0, ...values);
  const bottom = Math.min(0, ...values);
  const span = top - bottom || 1;
  const height = Math.max(80, (def.height ?? 220) - 40);
  return (
    <div data-testid="barchart" className="overflow-x-auto">
      <div className="flex min-w-full items-end gap-2" style={{ height }} role="list" aria-label={def.title}>
        {bars.map((s) => {
          const v = s.value ?? 0;
          const h = (Math.abs(v) / span) * (height - 20);
          const shown = valueText(def, s.value);
          return (
            <div
              key={s.name}
              role="listitem"
              aria-label={`${s.name}: ${shown.text}`}
              className="flex min-w-8 flex-1 flex-col items-center justify-end"
            >
              <span className="mb-0.5 font-mono text-[10px] text-slate-600 dark:text-slate-300">{shown.text}</span>
              <div
                data-testid="bar"
                className="w-full rounded-t"
                style={{
                  height: Math.max(1, h),
                  background: cssColor(shown.color ?? thresholdColor(s.value, def.thresholds, 'blue')),
                }}
              />
            </div>
          );
        })}
      </div>
      <div className="mt-1 flex gap-2 border-t border-slate-200 pt-1 dark:border-slate-700">
        {bars.map((s) => (
          <span key={s.name} className="min-w-8 flex-1 truncate text-center text-[10px]" title={s.name}>
            {s.name}
          </span>
        ))}
      </div>
    </div>
  );
}

export const barChartKind = defineKind('barchart', { useData: useReduced, View: BarChartView });
