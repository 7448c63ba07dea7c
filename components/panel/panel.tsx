'use client';

import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { buildHeatmap } from '@/lib/charts/heatmap';
import { lastValues } from '@/lib/charts/table';
import { buildChart, isEmpty } from '@/lib/charts/series';
import { thinExemplars } from '@/lib/charts/exemplars';
import { exemplarExpr, type PanelDef, panelExprs } from '@/lib/dashboards/types';
import { formatValue } from '@/lib/format/units';
import { exemplarsOptions, promKeys, rangeQueryOptions } from '@/lib/queries/prom';
import { useServerAnswers } from '@/components/dashboard/prefetched-queries';
import { PanelFrame, type PanelState } from './panel-frame';
import { HeatmapChart } from './heatmap-chart';
import { Legend } from './legend';
import { MatrixView, TableView } from './table-view';
import { TimeseriesChart } from './timeseries-chart';

export type PlannedRange = { start: number; end: number; step: number; rateInterval: number };

export type PanelProps = {
  def: PanelDef;
  vars: Record<string, string[]>;
  range: PlannedRange;
  onZoom: (fromMs: number, toMs: number) => void;
};

/**
 * One panel: renders its queries with the page's variables and shows their state. On a full page
 * load it waits for the server's answers (it is drawn in the page's HTML); otherwise it fetches.
 */
export function Panel({ def, vars, range, onZoom }: PanelProps) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const exprs = useMemo(() => panelExprs(def, vars, range), [def, vars, range]);
  const exExpr = useMemo(() => exemplarExpr(def, vars, range), [def, vars, range]);
  useServerAnswers([
    ...exprs.map((query) => promKeys.range({ query, start: range.start, end: range.end, step: range.step })),
    ...(exExpr ? [promKeys.exemplars(exExpr, range.start, range.end, range.step)] : []),
  ]);

  const results = useQueries({
    queries: exprs.map((query) => ({
      ...rangeQueryOptions({ query, start: range.start, end: range.end, step: range.step }),
      placeholderData: keepPreviousData,
    })),
  });

  // Exemplars are a bonus: their failure never fails the panel.
  const ex = useQuery({ ...exemplarsOptions(exExpr ?? '', range.start, range.end, range.step), enabled: exExpr !== null, placeholderData: keepPreviousData });
  const exemplars = useMemo(() => thinExemplars((ex.data?.exemplars ?? []).map((e) => ({ ...e, t: e.t * 1000 })), range.start * 1000, range.step * 1000), [ex.data, range]);

  const error = results.find((r) => r.error)?.error;
  const pending = results.some((r) => r.data === undefined && !r.error);
  const datas = results.map((r) => r.data);
  // Cheap (a few thousand points), and the results array is new on every render anyway.
  const heatmap = def.kind === 'heatmap' && datas[0] ? buildHeatmap(datas[0]) : null;
  const tableRows = (def.kind === 'table' || def.kind === 'matrix') && datas[0] ? lastValues(datas[0]) : null;
  const chart = def.kind === 'timeseries' && datas.every(Boolean) ? buildChart(datas.map((d) => d!), def.queries.map((q) => q.legend), {
        colorBy: def.colorBy,
        dashes: def.queries.map((q) => q.dash),
      }) : null;
  const state: PanelState = error
    ? 'error'
    : tableRows
      ? tableRows.length > 0
        ? 'ready'
        : 'empty'
      : heatmap
      ? heatmap.max > 0
        ? 'ready'
        : 'empty'
      : pending || !chart
        ? 'loading'
        : isEmpty(chart.series)
          ? 'empty'
          : 'ready';
  const warnings = [...new Set(results.flatMap((r) => r.data?.warnings ?? []))];
  const last = chart?.series[0]?.last ?? null;
  const notice = def.warnWithinRange && last !== null && last <= range.end - range.start ? `${def.warnWithinRange}: ${formatValue(last, 's')}, inside the range shown.` : undefined;

  return (
    <PanelFrame
      id={def.id}
      title={def.title}
      description={def.description}
      state={state}
      wide={def.wide}
      queries={exprs}
      warnings={warnings}
      notice={notice}
      error={error ? error.message : undefined}
      fetching={results.some((r) => r.isFetching)}
      onRetry={() => results.forEach((r) => r.error && r.refetch())}
      dataAttrs={{ 'data-start': String(range.start), 'data-end': String(range.end), 'data-step': String(range.step) }}
    >
      {heatmap && <HeatmapChart heatmap={heatmap} unit={def.unit} height={def.height} onZoom={onZoom} />}
      {tableRows && def.kind === 'table' && <TableView rows={tableRows} columns={def.columns ?? []} valueLabel={def.valueLabel ?? 'value'} unit={def.unit} />}
      {tableRows && def.kind === 'matrix' && def.matrix && <MatrixView rows={tableRows} rowLabel={def.matrix.rows} colLabel={def.matrix.cols} rowTitle={def.matrix.rowTitle} colTitle={def.matrix.colTitle} unit={def.unit} />}
      {chart && (
        <>
          <TimeseriesChart
            rows={chart.rows}
            series={chart.series}
            unit={def.unit}
            domain={[range.start * 1000, range.end * 1000]}
            min={def.min}
            max={def.max}
            height={def.height}
            hidden={hidden}
            onZoom={onZoom}
            exemplars={exemplars}
            stepMs={range.step * 1000}
            traceService={def.traceService}
            thresholds={def.thresholds}
            wide={def.wide}
          />
          <Legend series={chart.series} unit={def.unit} hidden={hidden} onToggle={toggle} />
        </>
      )}
    </PanelFrame>
  );
}
