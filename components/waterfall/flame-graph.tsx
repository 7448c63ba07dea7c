'use client';

import { useQuery } from '@tanstack/react-query';
import { LoadError } from '@/components/shell/load-error';
import { flameOptions } from '@/lib/queries/flame';
import type { TraceSource } from '@/lib/queries/traces';
import { formatNs, timeTicks } from '@/lib/traces/view/ticks';
import { serviceColor } from './colors';

export type FlameGraphProps = {
  source: TraceSource;
  zoom: [number, number] | null;
  /** service names by rank (the colours' legend) */
  services: string[];
  selected: string | null;
  onSelect: (spanId: string) => void;
};

const ROW = 20;

/**
 * The trace as a flame graph: every span a block at its depth, as wide as it lasts, over the
 * minimap's window; spans too narrow to tell apart are merged into a hatched block that counts
 * them. A click selects a span (its details open beside, as in the waterfall).
 */
export function FlameGraph({ source, zoom, services, selected, onSelect }: FlameGraphProps) {
  const q = useQuery(flameOptions(source, zoom));
  if (q.isPending) return <div className="skeleton h-80 rounded-lg bg-slate-200 dark:bg-slate-800" />;
  if (q.error)
    return (
      <LoadError what="The flame graph could not load" message={q.error.message} onRetry={() => void q.refetch()} />
    );
  const f = q.data;
  const [w0, w1] = f.window;
  const span = Math.max(w1 - w0, 1);
  const pct = (ns: number) => `${(ns / span) * 100}%`;
  const ticks = timeTicks(w0, w1, 8).filter((t) => (t - w0) / span <= 0.95);
  return (
    <div
      data-testid="flame-graph"
      className="min-h-0 flex-1 overflow-auto rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900"
    >
      <p className="mb-1 text-xs text-slate-500">
        {f.spans.toLocaleString('en-US')} spans in {formatNs(span)} on {f.depth} rows (parallel spans get rows of their
        own)
        {f.truncated ? '; the deepest levels are left off (too many blocks)' : ''}. Hatched blocks hold several spans
        too short to draw apart: zoom in with the minimap to see them.
      </p>
      <div
        className="relative h-6 border-b border-slate-200 text-[11px] text-slate-500 dark:border-slate-700"
        aria-hidden
      >
        {ticks.map((t) => (
          <span
            key={t}
            className="absolute top-0 h-full border-l border-slate-200 pl-1 dark:border-slate-700"
            style={{ left: pct(t - w0) }}
          >
            {formatNs(t)}
          </span>
        ))}
      </div>
      <div className="relative mt-1" style={{ height: f.depth * ROW }} role="list" aria-label="Spans by depth and time">
        {f.blocks.map((b, k) => {
          const merged = b.count > 1;
          const label = merged
            ? `${b.count} spans of ${services[b.service] ?? 'a service'}, ${formatNs(b.dur)} in all`
            : `${services[b.service] ?? ''} ${b.name ?? ''}: ${formatNs(b.dur)}${b.error ? ', error' : ''}`;
          return (
            <button
              key={b.spanId ?? `m${k}`}
              type="button"
              role="listitem"
              tabIndex={-1}
              disabled={merged}
              data-testid="flame-block"
              data-span-id={b.spanId}
              data-count={b.count}
              data-depth={b.depth}
              data-selected={b.spanId && b.spanId === selected ? 'true' : 'false'}
              title={label}
              aria-label={label}
              onClick={() => b.spanId && onSelect(b.spanId)}
              className={`absolute overflow-hidden whitespace-nowrap rounded-sm border px-1 text-left text-[11px] leading-[18px] text-white ${
                b.spanId === selected
                  ? 'border-slate-900 ring-2 ring-indigo-500 dark:border-white'
                  : 'border-white/60 dark:border-slate-900/60'
              } ${b.error ? 'outline outline-1 outline-red-600' : ''}`}
              style={{
                left: pct(b.start - w0),
                width: pct(b.dur),
                top: b.depth * ROW,
                height: ROW - 2,
                background: merged
                  ? `repeating-linear-gradient(135deg, ${serviceColor(b.service)} 0 3px, transparent 3px 6px)`
                  : serviceColor(b.service),
              }}
            >
              {!merged && <span className="rounded-sm bg-slate-900/80 px-0.5">{b.name}</span>}
              {b.critical ? (
                <span aria-hidden className="absolute inset-x-0 bottom-0 h-0.5 bg-rose-700 dark:bg-rose-300" />
              ) : null}
            </button>
          );
        })}
      </div>
    </div>
  );
}
