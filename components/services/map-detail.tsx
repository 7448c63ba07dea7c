'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { TimeseriesChart } from '@/components/panel/timeseries-chart';
import { buildChart } from '@/lib/charts/series';
import type { Unit } from '@/lib/format/units';
import type { MapSeriesFigures, ServiceMapAnswer } from '@/lib/server/service-map';
import type { MapPick } from './map-pick';

const CHARTS: { key: keyof MapSeriesFigures; title: string; unit: Unit }[] = [
  { key: 'rate', title: 'Requests', unit: 'reqps' },
  { key: 'errorRate', title: 'Errors', unit: 'percentunit' },
  { key: 'p95Ms', title: 'p95 latency', unit: 'ms' },
];

const NO_HIDDEN = new Set<string>();

/**
 * The picked node or edge of the service map: its requests, errors and p95 over the range (RED,
 * from the same traces as the map), and where to go next: its traces, or why they are slow.
 */
export function MapDetail({
  data,
  pick,
  range,
  onClose,
}: {
  data: ServiceMapAnswer;
  pick: MapPick;
  range: { from: string; to: string };
  onClose: () => void;
}) {
  const node = 'node' in pick ? data.nodes.find((n) => n.id === pick.node) : undefined;
  const edge = 'from' in pick ? data.edges.find((e) => e.from === pick.from && e.to === pick.to) : undefined;
  const picked = node ?? edge;
  const title = 'node' in pick ? pick.node : `${pick.from} → ${pick.to}`;
  // A node's traces: its service's, or (outside Shannon) the spans that call it. An edge's: the
  // callee's spans, or for a call out of Shannon, the caller's spans that make it.
  const target = 'node' in pick ? pick.node : pick.to;
  const outside = data.nodes.find((n) => n.id === target && n.external);
  const filters: Record<string, string> = outside
    ? { ...('from' in pick ? { service: pick.from } : {}), ...(outside.tag ? { tags: outside.tag } : {}) }
    : { service: target };
  const traces = `/traces?${new URLSearchParams({ ...range, ...filters })}`;
  const why = `/traces/analyze?${new URLSearchParams({ ...range, ...filters, split: 'p90' })}`;
  const charts = useMemo(() => {
    if (!picked) return [];
    const { startMs, stepMs, n } = data.buckets;
    return CHARTS.map((c) => ({
      ...c,
      ...buildChart(
        [{ start: startMs / 1000, step: stepMs / 1000, n, series: [{ labels: {}, values: picked.series[c.key] }] }],
        [c.title],
      ),
    }));
  }, [picked, data.buckets]);
  const { startMs, stepMs, n } = data.buckets;
  return (
    <section
      aria-label={`${title}: requests, errors and latency`}
      data-testid="map-detail"
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-2 flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 className="text-base font-semibold">{title}</h2>
        <Link href={traces} className="text-sm text-indigo-700 underline dark:text-indigo-300" data-testid="map-traces">
          Its traces
        </Link>
        <Link href={why} className="text-sm text-indigo-700 underline dark:text-indigo-300" data-testid="map-why">
          Why are some slow? Compare the slowest tenth with the rest
        </Link>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded px-2 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          Close
        </button>
      </div>
      {!picked ? (
        <p className="text-sm text-slate-500" role="status">
          {title} is not on the map in this range: no trace in it {'node' in pick ? 'reaches it' : 'makes this call'}.
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-3 xl:grid-cols-3">
          {charts.map((c) => (
            <figure key={c.key} data-testid={`map-chart-${c.key}`} className="min-w-0">
              <figcaption className="text-xs font-semibold text-slate-600 dark:text-slate-300">{c.title}</figcaption>
              <TimeseriesChart
                rows={c.rows}
                series={c.series}
                unit={c.unit}
                domain={[startMs, startMs + stepMs * n]}
                stepMs={stepMs}
                height={140}
                hidden={NO_HIDDEN}
                draw={c.key === 'rate' ? 'bars' : 'line'}
              />
            </figure>
          ))}
        </div>
      )}
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        From the traces the map read, in buckets of{' '}
        {stepMs / 1000 >= 60 ? `${stepMs / 60_000} min` : `${stepMs / 1000} s`}.
      </p>
    </section>
  );
}
