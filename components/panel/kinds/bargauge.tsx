'use client';

import { cssColor, type ReducedSeries, thresholdColor } from '@/lib/charts/reduce';
import type { BarGaugePanelDef } from '@/lib/dashboards/types';
import { valueText } from '@/lib/charts/value-text';
import { defineKind } from './define';
import { useReduced } from './reduced';

function BarGaugeView({ def, data }: { def: BarGaugePanelDef; data: ReducedSeries[] }) {
  const min = def.min ?? 0;
  const max = def.max ?? Math.max(min, ...data.map((s) => s.value ?? min));
  return (
    <ul className="space-y-1.5" data-testid="bargauge">
      {data.slice(0, 30).map((s) => {
        const shown = valueText(def, s.value);
        const text = shown.text;
        const frac = s.value === null || !(max > min) ? 0 : Math.max(0, Math.min(1, (s.value - min) / (max - min)));
        return (
          <li key={s.name} className="grid grid-cols-[minmax(6rem,30%)_1fr_5rem] items-center gap-2 text-xs">
            <span className="truncate" title={s.name}>
              {s.name}
            </span>
            <div
              role="meter"
              aria-label={s.name}
              aria-valuemin={min}
              aria-valuemax={max}
              aria-valuenow={s.value ?? undefined}
              aria-valuetext={text}
              className="h-3 overflow-hidden rounded bg-slate-100 dark:bg-slate-800"
            >
              <div
                className="h-full rounded"
                style={{
                  width: `${(frac * 100).toFixed(2)}%`,
                  background: cssColor(shown.color ?? thresholdColor(s.value, def.thresholds, 'blue')),
                }}
              />
            </div>
            <span className="text-right font-mono">{text}</span>
          </li>
        );
      })}
    </ul>
  );
}

export const barGaugeKind = defineKind('bargauge', { useData: useReduced, View: BarGaugeView });
