'use client';

import { arc, pie } from 'd3-shape';
import type { ReducedSeries } from '@/lib/charts/reduce';
import { assignColors } from '@/lib/charts/series';
import type { PieChartPanelDef } from '@/lib/dashboards/types';
import { formatValue } from '@/lib/format/units';
import { valueText } from '@/lib/charts/value-text';
import { defineKind } from './define';
import { useReduced } from './reduced';

/** Shares of the whole as a donut (d3-shape lays out the arcs), with each series' value and share beside it. */
function PieChartView({ def, data }: { def: PieChartPanelDef; data: ReducedSeries[] }) {
  const parts = data.filter((s) => s.value !== null && s.value > 0).slice(0, 50);
  const total = parts.reduce((a, s) => a + (s.value ?? 0), 0);
  const colors = assignColors(parts.map((s) => s.name));
  const size = Math.max(120, Math.min(220, def.height ?? 220));
  const r = size / 2;
  const slices = pie<ReducedSeries>()
    .value((s) => s.value ?? 0)
    .sort(null)(parts);
  const path = arc<(typeof slices)[number]>()
    .innerRadius(def.donut === false ? 0 : r * 0.55)
    .outerRadius(r - 2)
    .padAngle(parts.length > 1 ? 0.01 : 0);
  const share = (v: number | null) => (total > 0 && v !== null ? `${((v / total) * 100).toFixed(1)} %` : '–');
  return (
    <div className="flex flex-wrap items-center gap-4" data-testid="piechart">
      <svg
        width={size}
        height={size}
        viewBox={`${-r} ${-r} ${size} ${size}`}
        role="img"
        aria-label={`${def.title}: ${parts.map((s) => `${s.name} ${share(s.value)}`).join(', ')}`}
      >
        {slices.map((sl) => (
          <path key={sl.data.name} d={path(sl) ?? ''} fill={colors.get(sl.data.name)} data-testid="pie-slice">
            <title>{`${sl.data.name}: ${valueText(def, sl.data.value).text} (${share(sl.data.value)})`}</title>
          </path>
        ))}
        {def.donut !== false && (
          <text textAnchor="middle" dominantBaseline="middle" className="fill-current text-sm font-semibold">
            {formatValue(total, def.unit, def.decimals)}
          </text>
        )}
      </svg>
      <table className="min-w-0 flex-1 text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="text-left font-normal">Series</th>
            <th className="text-right font-normal">Value</th>
            <th className="text-right font-normal">Share</th>
          </tr>
        </thead>
        <tbody>
          {data.slice(0, 50).map((s) => (
            <tr key={s.name}>
              <td className="max-w-0 truncate py-0.5" title={s.name}>
                <span
                  aria-hidden
                  className="mr-1.5 inline-block h-2 w-2 rounded-sm"
                  style={{ background: colors.get(s.name) ?? '#94a3b8' }}
                />
                {s.name}
              </td>
              <td className="text-right font-mono">{valueText(def, s.value).text}</td>
              <td className="text-right font-mono">{share(s.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const pieChartKind = defineKind('piechart', { useData: useReduced, View: PieChartView });
