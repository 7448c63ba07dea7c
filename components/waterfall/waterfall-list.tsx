'use client';

import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ROWS_PAGE as PAGE, rowsOptions, type Row, type TraceSource } from '@/lib/queries/traces';
import { formatNs, timeTicks } from '@/lib/traces/view/ticks';
import type { ViewSpec } from '@/lib/traces/view/window';
import { SpanRow } from './span-row';
import { LoadError } from '@/components/shell/load-error';

export type WaterfallListProps = {
  source: TraceSource;
  view: ViewSpec;
  total: number;
  selected: string | null;
  win: [number, number];
  adjust: boolean;
  /** a row to bring into view; a new object each time it should happen */
  scrollTarget: { row: number } | null;
  onSelect: (row: Row) => void;
  onToggle: (row: Row) => void;
};

export const ROW_HEIGHT = 26;
/** The name column: 42 % of the list, at most 380 px (at 1024 px beside the span details the timeline keeps most of it). */
const NAME_WIDTH = 'min(380px, 42%)';
/** Room one ruler label needs, so that labels never overlap however narrow the timeline. */
const TICK_PX = 90;

/** The virtualized waterfall: only the rows on screen are in the DOM, fetched a page at a time. */
export function WaterfallList({
  source,
  view,
  total,
  selected,
  win,
  adjust,
  scrollTarget,
  onSelect,
  onToggle,
}: WaterfallListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The ruler's width (600 px until measured, as the server renders it).
  const [rulerWidth, setRulerWidth] = useState(600);
  const ruler = useCallback((el: HTMLDivElement | null) => {
    if (!el) return;
    const ro = new ResizeObserver(([e]) => e && setRulerWidth(e.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // initialRect: the server renders the first rows into the HTML, painted before any script runs.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 900 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const pages = useMemo(() => {
    const out: number[] = [];
    if (total === 0) return out;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) out.push(p);
    return out;
  }, [first, last, total]);
  const results = useQueries({ queries: pages.map((p) => rowsOptions(source, view, p * PAGE, PAGE)) });
  const byIndex = new Map<number, Row>();
  results.forEach((r) => r.data?.rows.forEach((row) => byIndex.set(row.row, row)));
  const failed = results.find((r) => r.error);

  useEffect(() => {
    if (scrollTarget) virtualizer.scrollToIndex(scrollTarget.row, { align: 'center' });
  }, [scrollTarget, virtualizer]);

  // A row asked for by Home/End before its page had loaded: selected when it arrives.
  const [pending, setPending] = useState<number | null>(null);
  const pendingRow = pending === null ? undefined : byIndex.get(pending);
  useEffect(() => {
    if (!pendingRow) return;
    setPending(null);
    onSelect(pendingRow);
  }, [pendingRow, onSelect]);

  const selectedIndex = useMemo(() => {
    for (const [i, r] of byIndex) if (r.spanId === selected) return i;
    return -1;
    // byIndex is rebuilt each render; the rows it holds change with the results.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results, selected]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const cur = selectedIndex;
      let next = cur;
      if (e.key === 'ArrowDown') next = Math.min(total - 1, cur + 1);
      else if (e.key === 'ArrowUp') next = Math.max(0, cur - 1);
      else if (e.key === 'Home' || e.key === 'End') {
        // The first or last row: scroll there, and select it once its page has loaded.
        e.preventDefault();
        const target = e.key === 'Home' ? 0 : total - 1;
        if (target < 0) return;
        virtualizer.scrollToIndex(target, { align: e.key === 'Home' ? 'start' : 'end' });
        const r = byIndex.get(target);
        if (r) onSelect(r);
        else setPending(target);
        return;
      } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Enter') && cur >= 0) {
        const r = byIndex.get(cur);
        if (r && r.childCount > 0 && (e.key === 'Enter' || (e.key === 'ArrowLeft') !== r.collapsed)) onToggle(r);
        e.preventDefault();
        return;
      } else return;
      e.preventDefault();
      const r = byIndex.get(next < 0 ? 0 : next);
      if (r) {
        onSelect(r);
        virtualizer.scrollToIndex(r.row);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectedIndex, total, results, onSelect, onToggle, virtualizer],
  );

  const span = win[1] - win[0];
  // A tick label at the very right edge would be cut off.
  const ticks = timeTicks(win[0], win[1], Math.max(2, Math.floor(rulerWidth / TICK_PX))).filter(
    (t) => (t - win[0]) / span <= 0.95,
  );
  return (
    <div className="flex min-h-0 flex-1 flex-col rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div
        className="flex h-7 shrink-0 items-center border-b border-slate-200 text-[11px] text-slate-500 dark:border-slate-800 dark:text-slate-400"
        aria-hidden
      >
        <div className="shrink-0 px-2" style={{ width: NAME_WIDTH }}>
          Service · operation
        </div>
        <div ref={ruler} className="relative h-full min-w-0 flex-1">
          {ticks.map((t) => (
            <span
              key={t}
              className="absolute top-0 h-full border-l border-slate-200 pl-1 leading-7 dark:border-slate-700"
              style={{ left: `${((t - win[0]) / span) * 100}%` }}
            >
              {formatNs(t)}
            </span>
          ))}
        </div>
      </div>
      {failed && (
        <LoadError
          className="border-b border-red-200 bg-red-50 px-3 py-1 dark:border-red-900 dark:bg-red-950"
          what="Some rows could not load"
          message={failed.error?.message ?? ''}
          onRetry={() => results.forEach((r) => r.error && void r.refetch())}
        />
      )}
      <div
        ref={scrollRef}
        role="treegrid"
        aria-label="Spans of the trace"
        aria-rowcount={total}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="waterfall"
        className="relative min-h-0 flex-1 overflow-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const row = byIndex.get(it.index);
            return (
              <div
                key={it.key}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${it.start}px)`,
                }}
              >
                {row ? (
                  <SpanRow
                    row={row}
                    selected={row.spanId === selected}
                    win={win}
                    adjust={adjust}
                    nameWidth={NAME_WIDTH}
                    onSelect={onSelect}
                    onToggle={onToggle}
                  />
                ) : (
                  <div
                    data-testid="span-row-loading"
                    className="flex h-full items-center border-b border-slate-100 px-2 dark:border-slate-800"
                  >
                    <span className="skeleton h-3 w-1/3 rounded bg-slate-200 dark:bg-slate-800" />
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
