'use client';

import { cssColor, type ReducedSeries, thresholdColor } from '@/lib/charts/reduce';
import type { ColorThresholds, GaugePanelDef } from '@/lib/dashboards/types';
import { formatValue } from '@/lib/format/units';
import { valueText } from '@/lib/charts/value-text';
import { defineKind } from './define';
import { useReduced } from './reduced';

/** The dial's sweep: 240°, from lower left (-210°) to lower right (30°), in SVG angles. */
const A0 = (-210 * Math.PI) / 180;
const SWEEP = (240 * Math.PI) / 180;

function arc(f0: number, f1: number, r: number): string {
  const a = A0 + SWEEP * Math.max(0, Math.min(1, f0));
  const b = A0 + SWEEP * Math.max(0, Math.min(1, f1));
  const p = (t: number) => `${(50 + r * Math.cos(t)).toFixed(2)},${(50 + r * Math.sin(t)).toFixed(2)}`;
  return `M${p(a)}A${r},${r} 0 ${b - a > Math.PI ? 1 : 0} 1 ${p(b)}`;
}

/** The thresholds as bands round the dial: [from, to, colour] as fractions of min..max. */
function bands(t: ColorThresholds | undefined, min: number, max: number): [number, number, string][] {
  if (!t || !(max > min)) return [];
  const f = (v: number) => (v - min) / (max - min);
  const steps = [...t.steps].sort((a, b) => a.value - b.value);
  const out: [number, number, string][] = [];
  let from = 0;
  let color = t.base;
  for (const s of steps) {
    out.push([from, f(s.value), color]);
    from = f(s.value);
    color = s.color;
  }
  out.push([from, 1, color]);
  return out.filter(([a, b]) => b > a);
}

function GaugeView({ def, data }: { def: GaugePanelDef; data: ReducedSeries[] }) {
  const shown = data.slice(0, 8);
  return (
    <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(auto-fit, minmax(150px, 1fr))` }}>
      {shown.map((s) => {
        const shown = valueText(def, s.value);
        const text = shown.text;
        const frac = s.value === null || !(def.max > def.min) ? 0 : (s.value - def.min) / (def.max - def.min);
        const color = cssColor(shown.color ?? thresholdColor(s.value, def.thresholds, 'blue'));
        return (
          <div
            key={s.name}
            role="meter"
            aria-label={s.name}
            aria-valuemin={def.min}
            aria-valuemax={def.max}
            aria-valuenow={s.value ?? undefined}
            aria-valuetext={text}
            data-testid="gauge"
            className="flex min-w-0 flex-col items-center"
          >
            <svg aria-hidden viewBox="0 0 100 84" className="w-full max-w-[220px]">
              <path d={arc(0, 1, 40)} fill="none" stroke="var(--chart-grid)" strokeWidth={10} strokeLinecap="round" />
              {bands(def.thresholds, def.min, def.max).map(([a, b, c]) => (
                <path key={`${a}-${c}`} d={arc(a, b, 48)} fill="none" stroke={cssColor(c)} strokeWidth={2.5} />
              ))}
              {frac > 0 && (
                <path
                  data-testid="gauge-fill"
                  d={arc(0, frac, 40)}
                  fill="none"
                  stroke={color}
                  strokeWidth={10}
                  strokeLinecap="round"
                />
              )}
              <text x={50} y={56} textAnchor="middle" className="fill-current font-mono" fontSize={13} fontWeight={600}>
                {text}
              </text>
              <text x={50} y={82} textAnchor="middle" className="fill-slate-500" fontSize={7}>
                {formatValue(def.min, def.unit, def.decimals)} – {formatValue(def.max, def.unit, def.decimals)}
              </text>
            </svg>
            <p className="w-full truncate text-center text-xs text-slate-500 dark:text-slate-400">{s.name}</p>
            {frac > 1 && <p className="text-xs text-amber-700 dark:text-amber-300">above the gauge’s maximum</p>}
          </div>
        );
      })}
    </div>
  );
}

export const gaugeKind = defineKind('gauge', { useData: useReduced, View: GaugeView });
