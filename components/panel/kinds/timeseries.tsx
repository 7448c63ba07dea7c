'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { thinExemplars, type ChartExemplar } from '@/lib/charts/exemplars';
import { applyOverrides } from '@/lib/charts/overrides';
import { buildChart, type ChartRow, type ChartSeries, isEmpty } from '@/lib/charts/series';
import { exemplarExpr, type TimeseriesPanelDef } from '@/lib/dashboards/types';
import { formatValue } from '@/lib/format/units';
import { exemplarsOptions, promKeys } from '@/lib/queries/prom';
import { Legend } from '../legend';
import { TimeseriesChart } from '../timeseries-chart';
import { defineKind } from './define';
import { fromRange, useRangeData } from './use-range-data';

type Drawn = { rows: ChartRow[]; series: ChartSeries[]; exemplars: ChartExemplar[]; hidden: string[] };

function useTimeseriesData(def: TimeseriesPanelDef, ctx: Parameters<typeof useRangeData>[1]) {
  const { vars, range } = ctx;
  const exExpr = useMemo(() => exemplarExpr(def, vars, range), [def, vars, range]);
  const r = useRangeData(def, ctx, exExpr ? [promKeys.exemplars(exExpr, range.start, range.end, range.step)] : []);
  // Exemplars are a bonus: their failure never fails the panel.
  const ex = useQuery({
    ...exemplarsOptions(exExpr ?? '', range.start, range.end, range.step),
    enabled: exExpr !== null,
    placeholderData: keepPreviousData,
  });
  const exemplars = useMemo(
    () =>
      thinExemplars(
        (ex.data?.exemplars ?? []).map((e) => ({ ...e, t: e.t * 1000 })),
        range.start * 1000,
        range.step * 1000,
      ),
    [ex.data, range],
  );
  // Cheap (a few thousand points), and the results array is new on every render anyway.
  const built = r.results
    ? buildChart(
        r.results,
        def.queries.map((q) => q.legend),
        { colorBy: def.colorBy, dashes: def.queries.map((q) => q.dash), axes: def.queries.map((q) => q.axis) },
      )
    : null;
  const styled = built ? applyOverrides(built.series, def.overrides) : null;
  const rightUnit = def.right?.unit;
  const series = styled
    ? rightUnit
      ? styled.series.map((s) => (s.axis === 'right' ? { ...s, unit: rightUnit } : s))
      : styled.series
    : null;
  const value: Drawn | null =
    built && styled && series ? { rows: built.rows, series, exemplars, hidden: styled.hidden } : null;
  const last = series?.[0]?.last ?? null;
  const notice =
    def.warnWithinRange && last !== null && last <= range.end - range.start
      ? `${def.warnWithinRange}: ${formatValue(last, 's')}, inside the range shown.`
      : undefined;
  return fromRange(r, value, (v) => isEmpty(v.series), {
    ...(notice ? { notice } : {}),
    ...(styled?.problems.length ? { problems: styled.problems } : {}),
  });
}

function TimeseriesView({
  def,
  data,
  ctx,
}: {
  def: TimeseriesPanelDef;
  data: Drawn;
  ctx: Parameters<typeof useRangeData>[1];
}) {
  const [hidden, setHidden] = useState<Set<string>>(() => new Set(data.hidden));
  const toggle = (key: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const { range } = ctx;
  const placement = def.legend?.placement ?? 'bottom';
  const chart = (
    <TimeseriesChart
      rows={data.rows}
      series={data.series}
      unit={def.unit}
      domain={[range.start * 1000, range.end * 1000]}
      min={def.min}
      max={def.max}
      height={def.height}
      hidden={hidden}
      onZoom={ctx.onZoom}
      exemplars={data.exemplars}
      stepMs={range.step * 1000}
      traceService={def.traceService}
      thresholds={def.thresholds}
      wide={def.wide}
      right={def.right}
      draw={def.draw}
      stack={def.stack}
    />
  );
  if (placement === 'hidden') return chart;
  const legend = (
    <Legend
      series={data.series}
      unit={def.unit}
      hidden={hidden}
      onToggle={toggle}
      columns={def.legend?.columns}
      side={placement === 'right'}
    />
  );
  if (placement === 'right') {
    return (
      <div className="flex gap-3">
        <div className="min-w-0 flex-[3]">{chart}</div>
        <div className="min-w-0 flex-[2]" style={{ maxHeight: def.height ?? 220 }}>
          {legend}
        </div>
      </div>
    );
  }
  return (
    <>
      {chart}
      {legend}
    </>
  );
}

export const timeseriesKind = defineKind('timeseries', { useData: useTimeseriesData, View: TimeseriesView });
