'use client';

import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useQueryShown } from '@/components/hooks/use-panel-url';
import { ChartSkeleton } from './chart-skeleton';
import { PanelMenu } from './panel-menu';
import type { ResolvedLink } from '@/lib/dashboards/links';

export type PanelState = 'loading' | 'ready' | 'empty' | 'error' | 'unsupported';

export type PanelFrameProps = {
  id: string;
  /** Its links, for the menu. */
  links?: ResolvedLink[];
  title: string;
  description: string;
  state: PanelState;
  queries: string[];
  warnings?: string[];
  /** problems in the panel's own definition */
  problems?: string[];
  /** a finding the reader must not miss (e.g. a forecast inside the range shown) */
  notice?: string;
  error?: string;
  onRetry?: () => void;
  emptyText?: string;
  fetching?: boolean;
  children?: ReactNode;
  wide?: boolean;
  dataAttrs?: Record<string, string>;
  /** What the panel shows, as CSV, for the menu's download. */
  csv?: () => string;
  /** View mode: the panel alone, full size. */
  full?: boolean;
  /** Controls of the panel's own beside its title (its choices selector). */
  headerExtra?: ReactNode;
};

/** A panel's frame and its states (DOM contract: data-testid="panel", data-state; data-hydrated once it runs in the browser). */
export function PanelFrame(p: PanelFrameProps) {
  const [showQuery, setShowQuery] = useQueryShown(p.id);
  const queryId = useId();
  // Marks the panel as running in the browser (its buttons answer): its HTML may have arrived,
  // drawn, well before. Set on the element directly, so that it costs no second render.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.setAttribute('data-hydrated', 'true'), []);
  return (
    <section
      ref={ref}
      data-testid="panel"
      data-panel-id={p.id}
      data-state={p.state}
      data-fetching={p.fetching ? 'true' : 'false'}
      aria-labelledby={`${queryId}-title`}
      aria-busy={p.state === 'loading'}
      className={`flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${p.wide || p.full ? 'lg:col-span-2' : ''}`}
      {...p.dataAttrs}
    >
      {/* A narrow panel keeps room for its title: its controls wrap below it. */}
      <header className="mb-2 flex flex-wrap items-start gap-x-2 gap-y-1">
        <div className="min-w-[7rem] flex-1">
          <h2 id={`${queryId}-title`} className="truncate text-sm font-semibold" title={p.description}>
            {p.title}
          </h2>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400">{p.description}</p>
        </div>
        {p.headerExtra}
        {p.fetching && p.state === 'ready' && (
          <span className="text-xs text-slate-400" aria-live="polite">
            updating…
          </span>
        )}
        {p.queries.length > 0 && (
          <button
            type="button"
            aria-expanded={showQuery}
            aria-controls={queryId}
            onClick={() => setShowQuery(!showQuery)}
            className="shrink-0 rounded px-2 py-0.5 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            {showQuery ? 'Hide query' : 'Show query'}
          </button>
        )}
        {p.state !== 'unsupported' && (
          <PanelMenu
            panelId={p.id}
            title={p.title}
            links={p.links}
            queries={p.queries}
            csv={p.state === 'ready' ? p.csv : undefined}
            target={ref}
          />
        )}
      </header>
      {showQuery && (
        <div id={queryId} data-testid="panel-query" className="mb-2 space-y-1">
          {p.queries.map((q, i) => (
            <pre
              key={i}
              className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-950"
            >
              {q}
            </pre>
          ))}
        </div>
      )}
      {p.notice && (
        <p
          role="alert"
          data-testid="panel-notice"
          className="mb-2 rounded bg-red-50 px-2 py-1 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {p.notice}
        </p>
      )}
      {p.warnings && p.warnings.length > 0 && (
        <p
          role="status"
          className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          Prometheus warning: {p.warnings.join('; ')}
        </p>
      )}
      {p.problems && p.problems.length > 0 && (
        <p
          role="status"
          data-testid="panel-problems"
          className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          Panel definition: {p.problems.join('; ')}
        </p>
      )}
      <div className="relative min-h-[220px] flex-1">
        {p.state === 'loading' && <ChartSkeleton />}
        {p.state === 'empty' && (
          <div className="flex h-[220px] flex-col items-center justify-center text-center text-sm text-slate-500">
            <p className="font-medium">No data in this range</p>
            <p className="mt-1 max-w-sm text-xs">
              {p.emptyText ??
                'Prometheus has no samples for this query and these filters. Widen the time range or clear a filter.'}
            </p>
          </div>
        )}
        {p.state === 'error' && (
          <div role="alert" className="flex h-[220px] flex-col items-center justify-center gap-2 text-center text-sm">
            <p className="font-medium text-red-700 dark:text-red-400">This panel could not load</p>
            <p data-testid="panel-error" className="max-w-md break-words text-xs text-slate-600 dark:text-slate-300">
              {p.error}
            </p>
            {p.onRetry && (
              <button
                type="button"
                onClick={p.onRetry}
                className="rounded bg-slate-800 px-3 py-1 text-xs text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
              >
                Retry
              </button>
            )}
          </div>
        )}
        {p.state === 'unsupported' && (
          <div role="status" className="flex h-[220px] flex-col items-center justify-center gap-2 text-center text-sm">
            <p className="font-medium">Unsupported panel kind</p>
            <p data-testid="panel-error" className="max-w-md break-words text-xs text-slate-600 dark:text-slate-300">
              {p.error}
            </p>
          </div>
        )}
        {p.state === 'ready' && p.children}
      </div>
    </section>
  );
}
