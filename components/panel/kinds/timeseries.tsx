'use client';

import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useHiddenSeries } from '@/components/hooks/use-panel-url';
import { seriesCsv } from '@/lib/charts/csv';
import { thinExemplars, type ChartExemplar } from '@/lib/charts/exemplars';
import { applyOverrides } from '@/lib/charts/overrides';
import { buildChart, type ChartRow, type ChartSeries, isEmpty } from '@/lib/charts/series';
import { withShifted } from '@/lib/charts/shift';
import type { Annotation } from '@/lib/annotations/detect';
import { exemplarExpr, panelExprs } from '@/lib/dashboards/panel-queries';
import type { TimeseriesPanelDef } from '@/lib/dashboards/types';
import { formatValue } from '@/lib/format/units';
import { exemplarsOptions, promKeys, rangeQueryOptions } from '@/lib/queries/prom';
import { Legend } from '../legend';
import { TimeseriesChart } from '../timeseries-chart';
import { defineKind } from './define';
import { annotationKeys, useAnnotations } from './use-annotations';
import { fromRange, useRangeData } from './use-range-data';

type Drawn = {
  rows: ChartRow[];
  series: ChartSeries[];
  exemplars: ChartExemplar[];
  /** Names of the series switched off (overrides hide some by default; the URL says which). */
  hidden: Set<string>;
  setHidden: (names: Iterable<string>) => void;
  annotations: Annotation[];
};

const NONE: string[] = [];

function useTimeseriesData(def: TimeseriesPanelDef, ctx: Parameters<typeof useRangeData>[1]) {
  const { vars, range } = ctx;
  const exExpr = useMemo(() => exemplarExpr(def, vars, range), [def, vars, range]);
  // Compare with a shifted range: the same queries over the same grid moved back.
  const shiftSec = ctx.shift?.sec ?? 0;
  const exprs = useMemo(() => panelExprs(def, vars, range), [def, vars, range]);
  const shiftedArgs = useMemo(
    () =>
      shiftSec
        ? exprs.map((query) => ({ query, start: range.start - shiftSec, end: range.end - shiftSec, step: range.step }))
        : [],
    [exprs, range, shiftSec],
  );
  const r = useRangeData(def, ctx, [
    ...(exExpr ? [promKeys.exemplars(exExpr, range.start, range.end, range.step)] : []),
    ...shiftedArgs.map((a) => promKeys.range(a)),
    ...annotationKeys(ctx.annotations, range),
  ]);
  const { annotations } = useAnnotations(ctx.annotations, range);
  const shifted = useQueries({
    queries: shiftedArgs.map((a) => ({ ...rangeQueryOptions(a), placeholderData: keepPreviousData })),
  });
  const shiftedError = shifted.find((q) => q.error)?.error;
  const shiftedResults = shifted.every((q) => q.data) ? shifted.map((q) => q.data!) : null;
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
  const legends = def.queries.map((q) => q.legend);
  const opts = { colorBy: def.colorBy, dashes: def.queries.map((q) => q.dash), axes: def.queries.map((q) => q.axis) };
  const now = r.results ? buildChart(r.results, legends, opts) : null;
  // While the earlier range is on its way the chart shows now alone; it never waits for it.
  const built =
    now && ctx.shift && shiftedResults
      ? withShifted(now, buildChart(shiftedResults, legends, opts), ctx.shift.sec * 1000, ctx.shift.label)
      : now;
  const styled = built ? applyOverrides(built.series, def.overrides) : null;
  const rightUnit = def.right?.unit;
  const series = styled
    ? rightUnit
      ? styled.series.map((s) => (s.axis === 'right' ? { ...s, unit: rightUnit } : s))
      : styled.series
    : null;
  const hiddenKeys = new Set(styled?.hidden ?? NONE);
  const defaults = (series ?? []).filter((s) => hiddenKeys.has(s.key)).map((s) => s.name);
  const [hidden, setHidden] = useHiddenSeries(def.id, defaults);
  const value: Drawn | null =
    built && styled && series ? { rows: built.rows, series, exemplars, hidden, setHidden, annotations } : null;
  const last = series?.[0]?.last ?? null;
  const notices = [
    def.warnWithinRange && last !== null && last <= range.end - range.start
      ? `${def.warnWithinRange}: ${formatValue(last, 's')}, inside the range shown.`
      : null,
    shiftedError && ctx.shift
      ? `The comparison with ${ctx.shift.label} ago failed: ${shiftedError.message}`
      : ctx.shift && shiftedResults && shiftedResults.every((x) => x.series.length === 0)
        ? `Nothing to compare: Prometheus has no data ${ctx.shift.label} before this range.`
        : null,
  ].filter((n): n is string => n !== null);
  const notice = notices.length ? notices.join(' ') : undefined;
  return fromRange(r, value, (v) => isEmpty(v.series), {
    ...(value
      ? {
          csv: () =>
            seriesCsv(
              value.rows,
              value.series.filter((s) => !hidden.has(s.name)),
            ),
        }
      : {}),
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
  const hidden = useMemo(
    () => new Set(data.series.filter((s) => data.hidden.has(s.name)).map((s) => s.key)),
    [data.series, data.hidden],
  );
  // The panel's decimals and value mappings go with each series to its legend and tooltip figures.
  const series = useMemo(
    () =>
      def.decimals === undefined && !def.mappings?.length
        ? data.series
        : data.series.map((s) => ({ ...s, decimals: def.decimals, mappings: def.mappings })),
    [data.series, def.decimals, def.mappings],
  );
  const { range } = ctx;
  // View mode: a tall chart, and the legend as a table under it with every figure.
  const placement = ctx.full ? 'bottom' : (def.legend?.placement ?? 'bottom');
  const chart = (
    <TimeseriesChart
      rows={data.rows}
      series={series}
      unit={def.unit}
      domain={[range.start * 1000, range.end * 1000]}
      min={def.min}
      max={def.max}
      height={ctx.full ? 440 : def.height}
      hidden={hidden}
      onZoom={ctx.onZoom}
      exemplars={data.exemplars}
      annotations={data.annotations}
      quantileCeiling={def.quantileCeiling}
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
      series={series}
      unit={def.unit}
      hidden={data.hidden}
      onHiddenChange={data.setHidden}
      columns={ctx.full ? undefined : def.legend?.columns}
      tall={ctx.full}
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
