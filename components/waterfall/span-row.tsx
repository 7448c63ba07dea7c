'use client';

import { memo } from 'react';
import type { Row } from '@/lib/queries/traces';
import { formatNs } from '@/lib/traces/view/ticks';
import { serviceColor } from './colors';

export type SpanRowProps = {
  row: Row;
  selected: boolean;
  /** the visible time window, ns from the trace start */
  win: [number, number];
  adjust: boolean;
  /** The name column's CSS width (the list's header uses the same). */
  nameWidth: string;
  onSelect: (row: Row) => void;
  onToggle: (row: Row) => void;
};

const INDENT = 14;

/**
 * The duration label goes after the bar, or before it, or (a bar that fills the row) on the bar,
 * on a dark chip of its own so that it reads on any service colour in either theme.
 */
function labelPlace(left: number, width: number): { style: React.CSSProperties; onBar: boolean } {
  if (left + width <= 78) return { style: { left: `${Math.max(0, left + width)}%` }, onBar: false };
  if (left >= 22) return { style: { right: `${100 - left + 0.5}%` }, onBar: false };
  // From the bar's visible start: the duration first, the rest (model, tokens) cut by the timeline's edge.
  return { style: { left: `${Math.max(0, left) + 0.5}%` }, onBar: true };
}

/** One waterfall row: tree column (indent, collapse toggle, service, name) and the span's bar. */
export const SpanRow = memo(function SpanRow({
  row,
  selected,
  win,
  adjust,
  nameWidth,
  onSelect,
  onToggle,
}: SpanRowProps) {
  const span = win[1] - win[0];
  const start = row.start + (adjust ? row.shift : 0);
  // The part of the bar inside the window (after a minimap zoom a span may start before it or end after it).
  const visStart = Math.max(start, win[0]);
  const visEnd = Math.min(start + row.dur, win[1]);
  const inWindow = visEnd >= visStart;
  const left = ((visStart - win[0]) / span) * 100;
  const width = inWindow ? Math.max(((visEnd - visStart) / span) * 100, 0.15) : 0;
  const cutLeft = start < win[0];
  const cutRight = start + row.dur > win[1];
  const color = serviceColor(row.serviceRank);
  const place = labelPlace(left, width);
  const g = row.genAi;
  return (
    <div
      data-testid="span-row"
      data-span-id={row.spanId}
      data-critical={row.critical ? 'true' : 'false'}
      data-selected={selected ? 'true' : 'false'}
      data-match={row.match ? 'true' : 'false'}
      role="row"
      aria-selected={selected}
      aria-rowindex={row.row + 1}
      aria-level={row.depth + 1}
      aria-expanded={row.childCount > 0 ? !row.collapsed : undefined}
      onClick={() => onSelect(row)}
      className={`flex h-full cursor-pointer items-center border-b border-slate-100 text-xs dark:border-slate-800 ${
        selected
          ? 'bg-indigo-100 dark:bg-indigo-950'
          : row.match
            ? 'bg-amber-50 dark:bg-amber-950/50'
            : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
      }`}
    >
      <div
        role="gridcell"
        className="flex h-full shrink-0 items-center gap-1 overflow-hidden pr-2"
        style={{ width: nameWidth, paddingLeft: 4 + row.depth * INDENT }}
      >
        {row.childCount > 0 ? (
          <button
            type="button"
            tabIndex={-1}
            aria-label={`${row.collapsed ? 'Expand' : 'Collapse'} ${row.name} (${row.childCount} children)`}
            onClick={(e) => {
              e.stopPropagation();
              onToggle(row);
            }}
            className="w-4 shrink-0 rounded text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-700"
          >
            {row.collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span aria-hidden className="h-3 w-1 shrink-0 rounded-sm" style={{ background: color }} />
        {row.critical && (
          <span
            title="On the critical path"
            aria-label="critical path"
            className="shrink-0 text-[10px] font-bold text-rose-600 dark:text-rose-400"
          >
            ◆
          </span>
        )}
        <span className="shrink-0 text-slate-500 dark:text-slate-400">{row.service}</span>
        <span className={`truncate ${row.error ? 'font-medium text-red-700 dark:text-red-400' : ''}`} title={row.name}>
          {row.name}
        </span>
        {row.error && (
          <span className="shrink-0 rounded bg-red-100 px-1 text-[10px] text-red-800 dark:bg-red-950 dark:text-red-300">
            error
          </span>
        )}
        {row.missingParent && (
          <span
            title="Its parent span is not in the trace"
            className="shrink-0 rounded bg-amber-100 px-1 text-[10px] text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            orphan
          </span>
        )}
        {row.collapsed && <span className="shrink-0 text-[10px] text-slate-500">+{row.childCount}</span>}
      </div>
      {/* Clipped: after a zoom, a bar that starts before the window never covers the name column. */}
      <div role="gridcell" className="relative h-full min-w-0 flex-1 overflow-hidden" data-testid="span-timeline">
        <div
          data-testid="span-bar"
          hidden={!inWindow}
          title={cutLeft || cutRight ? 'The span runs on outside the zoomed window' : undefined}
          className={`absolute top-1/2 h-3 -translate-y-1/2 overflow-hidden rounded-sm ${cutLeft ? 'rounded-l-none' : ''} ${cutRight ? 'rounded-r-none' : ''} ${row.error ? 'outline outline-2 outline-red-600' : ''}`}
          style={{ left: `${left}%`, width: `${width}%`, background: color, opacity: 0.9 }}
        >
          {row.critical && (
            <span aria-hidden className="absolute inset-x-0 bottom-0 h-1 bg-rose-700/80 dark:bg-rose-300/80" />
          )}
          {row.events?.map((t, k) => (
            <span
              key={k}
              title="event"
              className="absolute top-0 h-full w-0.5 bg-slate-900 dark:bg-white"
              style={{
                left: `${Math.min(100, Math.max(0, ((t - row.start + start - visStart) / Math.max(visEnd - visStart, 1)) * 100))}%`,
              }}
            />
          ))}
        </div>
        <span
          data-testid="span-duration"
          className={`pointer-events-none absolute top-1/2 -translate-y-1/2 whitespace-nowrap text-[11px] ${
            place.onBar ? 'rounded bg-slate-900/85 px-1 text-white' : 'pl-1 text-slate-700 dark:text-slate-200'
          }`}
          style={place.style}
        >
          {formatNs(row.dur)}
          {row.skewed && (
            <span
              className="ml-1 text-amber-700 dark:text-amber-300"
              title="Clock skew: this span does not fit inside its parent"
            >
              ⚠ skew
            </span>
          )}
          {g && (
            <span className="ml-1 text-violet-700 dark:text-violet-300">
              {g.model}
              {g.inputTokens + g.outputTokens > 0 ? ` · ${g.inputTokens}→${g.outputTokens} tok` : ''}
              {g.ttftMs !== null ? ` · TTFT ${formatNs(g.ttftMs * 1e6)}` : ''}
            </span>
          )}
        </span>
      </div>
    </div>
  );
});
