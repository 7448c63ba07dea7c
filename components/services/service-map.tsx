'use client';

import { graphlib, layout } from '@dagrejs/dagre';
import dynamic from 'next/dynamic';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { z } from 'zod/mini';
import { useTimeAnchor } from '@/components/hooks/time-anchor';
import { LoadError } from '@/components/shell/load-error';
import { formatValue } from '@/lib/format/units';
import { fetchJson } from '@/lib/queries/fetch-json';
import { mapQuery, traceAnalysisKeys } from '@/lib/queries/trace-analysis';
import { useServerAnswers } from '@/components/dashboard/prefetched-queries';
import type { ServiceMapAnswer } from '@/lib/server/service-map';
import { type MapPick, parsePick, pickParam } from './map-pick';

// The picked node's charts: their code loads only when something is picked.
const MapDetail = dynamic(() => import('./map-detail').then((m) => m.MapDetail), {
  loading: () => <div className="skeleton h-48 rounded-lg bg-slate-200 dark:bg-slate-800" />,
});

const answer = z.custom<ServiceMapAnswer>((v) => typeof v === 'object' && v !== null && 'nodes' in v);

const NODE_W = 190;
const NODE_H = 64;

/** A rate per second as people say it: per second from 1, per minute below. */
function rate(r: number): string {
  return r >= 1 ? `${formatValue(r, 'short')}/s` : `${formatValue(r * 60, 'short')}/min`;
}
/** A stretch of time in whole minutes (or seconds under two minutes). */
const coverage = (sec: number) => (sec < 120 ? `${Math.round(sec)} s` : `${Math.round(sec / 60)} min`);
const pct = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.01 ? 2 : 1)} %`;
const ms = (x: number | null) => (x === null ? '–' : formatValue(x, 'ms'));

/**
 * The service map over the header's range (issue 17): Shannon's services and what they call
 * (Qdrant, the LLM providers), laid out left to right by dagre; each node with its request rate,
 * error rate and p95, each edge with its call rate and p95. A node or an edge, picked (in the URL
 * as `sel`), shows its figures over time and leads to its traces and to why they are slow.
 */
export function ServiceMap() {
  const params = useSearchParams();
  const { anchorMs } = useTimeAnchor();
  const from = params.get('from') ?? 'now-1h';
  const to = params.get('to') ?? 'now';
  const qs = mapQuery(new URLSearchParams(params.toString()));
  const key = traceAnalysisKeys.map(qs, anchorMs);
  // On a full page load the server started the map: it comes with the page.
  useServerAnswers([key]);
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchJson(`/api/services/map?${qs}`, answer, signal),
  });
  const drawn = useMemo(() => (q.data ? place(q.data) : null), [q.data]);
  const pathname = usePathname();
  const pick = parsePick(params.get('sel'));
  const isPicked = (p: MapPick) => pick !== null && pickParam(pick) === pickParam(p);
  const hrefOf = (p: MapPick | null) => {
    const sp = new URLSearchParams(params.toString());
    if (p) sp.set('sel', pickParam(p));
    else sp.delete('sel');
    return `${pathname}?${sp}`;
  };
  const select = (p: MapPick | null) => (e?: { preventDefault: () => void }) => {
    e?.preventDefault();
    window.history.pushState(null, '', hrefOf(p && isPicked(p) ? null : p));
  };
  return (
    <div className="mx-auto max-w-[1800px] space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">Service map</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Shannon&apos;s services and what they call, from the traces in the range: requests per second, errors and p95.
        </p>
      </div>
      <section
        data-testid="service-map"
        data-state={q.isPending ? 'loading' : q.error ? 'error' : q.data!.nodes.length ? 'ready' : 'empty'}
        className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      >
        {q.isPending && <div className="skeleton h-96 rounded bg-slate-200 dark:bg-slate-800" />}
        {q.error && (
          <LoadError
            variant="block"
            what="The service map failed"
            message={q.error.message}
            onRetry={() => void q.refetch()}
          />
        )}
        {q.data && q.data.nodes.length === 0 && (
          <p className="p-6 text-center text-sm text-slate-500">
            No traces in this range. Widen the range, or check that Shannon sends traces to the console (OTLP on
            4317/4318).
          </p>
        )}
        {q.data && drawn && q.data.nodes.length > 0 && (
          <>
            <p className="mb-2 text-xs text-slate-500 dark:text-slate-400" data-testid="map-sample">
              {q.data.sampled < q.data.population
                ? `${q.data.sampled.toLocaleString('en-US')} of ${q.data.population.toLocaleString('en-US')} traces read (evenly spaced); rates scaled to all.`
                : `${q.data.population.toLocaleString('en-US')} traces.`}
              {q.data.capped &&
                ` Only the newest ${q.data.population.toLocaleString('en-US')} traces of the range are counted: they cover its last ${coverage(q.data.coveredSec)}, and the rates are over that.`}
            </p>
            <div className="overflow-auto">
              {/* Scaled down to the width there is (at most its own size): every node stays in view. */}
              <svg
                viewBox={`0 0 ${drawn.width} ${drawn.height}`}
                width="100%"
                style={{ maxWidth: drawn.width }}
                role="img"
                aria-label="Service map"
                className="text-slate-700 dark:text-slate-200"
              >
                <defs>
                  <marker
                    id="arrow"
                    viewBox="0 0 10 10"
                    refX="10"
                    refY="5"
                    markerWidth="7"
                    markerHeight="7"
                    orient="auto-start-reverse"
                  >
                    <path d="M 0 0 L 10 5 L 0 10 z" className="fill-slate-400" />
                  </marker>
                </defs>
                {drawn.edges.map((e) => (
                  <a
                    key={`${e.from}>${e.to}`}
                    href={hrefOf({ from: e.from, to: e.to })}
                    onClick={select({ from: e.from, to: e.to })}
                    aria-label={`${e.from} calls ${e.to}`}
                    aria-current={isPicked({ from: e.from, to: e.to }) || undefined}
                    data-testid="map-edge"
                    data-from={e.from}
                    data-to={e.to}
                  >
                    <path
                      d={e.path}
                      fill="none"
                      className={isPicked({ from: e.from, to: e.to }) ? 'stroke-indigo-500' : 'stroke-slate-400'}
                      strokeWidth={isPicked({ from: e.from, to: e.to }) ? 3 : 1.5}
                      markerEnd="url(#arrow)"
                    />
                    {/* a wider, invisible stroke: an edge is easy to click */}
                    <path d={e.path} fill="none" stroke="transparent" strokeWidth={12} />
                    <text x={e.labelX} y={e.labelY} textAnchor="middle" className="fill-current text-[10px]">
                      {rate(e.rate)} · p95 {ms(e.p95Ms)}
                      {e.errorRate > 0 ? ` · ${pct(e.errorRate)} err` : ''}
                    </text>
                  </a>
                ))}
                {drawn.nodes.map((n) => (
                  <a
                    key={n.id}
                    href={hrefOf({ node: n.id })}
                    onClick={select({ node: n.id })}
                    aria-label={n.id}
                    aria-current={isPicked({ node: n.id }) || undefined}
                    data-testid="map-node"
                    data-node={n.id}
                  >
                    <rect
                      x={n.x - NODE_W / 2}
                      y={n.y - NODE_H / 2}
                      width={NODE_W}
                      height={NODE_H}
                      rx={8}
                      className={
                        n.external
                          ? 'fill-slate-50 stroke-slate-400 dark:fill-slate-800'
                          : 'fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400'
                      }
                      strokeDasharray={n.external ? '4 3' : undefined}
                      strokeWidth={isPicked({ node: n.id }) ? 3 : 1}
                    />
                    <text x={n.x} y={n.y - 10} textAnchor="middle" className="fill-current text-xs font-semibold">
                      {n.id}
                    </text>
                    <text x={n.x} y={n.y + 6} textAnchor="middle" className="fill-current text-[10px]">
                      {rate(n.rate)} · p95 {ms(n.p95Ms)}
                    </text>
                    <text
                      x={n.x}
                      y={n.y + 20}
                      textAnchor="middle"
                      className={`text-[10px] ${n.errorRate > 0.05 ? 'fill-red-600 dark:fill-red-400' : 'fill-current'}`}
                    >
                      {pct(n.errorRate)} errors{n.external ? ' · outside Shannon' : ''}
                    </text>
                  </a>
                ))}
              </svg>
            </div>
          </>
        )}
      </section>
      {q.data && pick && <MapDetail data={q.data} pick={pick} range={{ from, to }} onClose={select(null)} />}
    </div>
  );
}

/** Places the nodes and routes the edges with dagre, left to right. */
function place(a: ServiceMapAnswer) {
  const g = new graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 120, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of a.nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  for (const e of a.edges) g.setEdge(e.from, e.to);
  layout(g);
  const graph = g.graph();
  const nodes = a.nodes.map((n) => {
    const p = g.node(n.id);
    return { ...n, x: p.x, y: p.y };
  });
  const edges = a.edges.map((e) => {
    const pts: { x: number; y: number }[] = g.edge({ v: e.from, w: e.to }).points ?? [];
    const path = pts.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
    const mid = pts[Math.floor(pts.length / 2)] ?? { x: 0, y: 0 };
    return { ...e, path, labelX: mid.x, labelY: mid.y - 6 };
  });
  return { nodes, edges, width: (graph.width ?? 400) + 20, height: (graph.height ?? 300) + 20 };
}
