'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { useViewState } from '@/components/hooks/use-view-state';
import { parseExplore, parseSplit, TRACE_PANE_PREFIX } from '@/lib/explore/state';
import { parseViewState, type RangeSettings, type ViewSpec, type ViewState } from '@/lib/url/view-state';
import { ExplorePane } from './explore-pane';
import { SplitControls } from './split-controls';

// The trace pane's code (its scatter chart among it) loads only when a trace pane is opened.
const TraceSearch = dynamic(() => import('@/components/traces/trace-search').then((m) => m.TraceSearch), {
  loading: () => <div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />,
});

export type ExploreProps = { settings: RangeSettings };

/** The right pane's range: the header's when linked, else its own `from2` / `to2` (checked as the header's are). */
function rightPane(linked: boolean, sp: URLSearchParams, view: ViewState, spec: ViewSpec, anchorMs: number) {
  if (linked) return { view, notices: [] as string[] };
  const own = new URLSearchParams({ from: sp.get('from2') ?? view.from, to: sp.get('to2') ?? view.to });
  const parsed = parseViewState(own, spec, anchorMs);
  return { view: { ...view, from: parsed.state.from, to: parsed.state.to }, notices: parsed.notices };
}

/**
 * /explore: one pane of PromQL, or two side by side (`split=metrics` for a second set of queries,
 * `split=traces` for a trace search), the right one on the header's range or, unlinked, its own
 * (`from2`, `to2`). Everything in the URL.
 */
export function Explore({ settings }: ExploreProps) {
  const params = useSearchParams();
  const pathname = usePathname();
  const spec = useMemo(() => ({ variables: [] as string[] }), []);
  const { state: view, notices: viewNotices, update, anchorMs } = useViewState(spec);
  const raw = params.toString();
  const sp = useMemo(() => new URLSearchParams(raw), [raw]);
  const { split, notices: splitNotices } = parseSplit(sp);
  const right = rightPane(split.linked, sp, view, spec, anchorMs);
  const write = (mutate: (s: URLSearchParams) => void) => {
    const next = new URLSearchParams(raw);
    mutate(next);
    window.history.pushState(null, '', `${pathname}?${next}`);
  };
  const zoomHeader = (fromMs: number, toMs: number) =>
    update({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
  const zoomRight = split.linked
    ? zoomHeader
    : (fromMs: number, toMs: number) =>
        write((s) => {
          s.set('from2', new Date(fromMs).toISOString());
          s.set('to2', new Date(toMs).toISOString());
        });
  const notices = [
    ...viewNotices,
    ...parseExplore(sp).notices,
    ...splitNotices,
    ...(split.split === 'metrics' ? parseExplore(sp, '2').notices : []),
    ...right.notices.map((n) => `Right pane: ${n}`),
  ];
  return (
    <div className="mx-auto max-w-[1800px] space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Explore</h1>
        <SplitControls split={split} rightView={right.view} headerView={view} anchorMs={anchorMs} write={write} />
      </div>
      {notices.length > 0 && (
        <ul
          role="status"
          data-testid="url-notice"
          className="list-disc rounded border border-amber-300 bg-amber-50 px-6 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div className={split.split ? 'grid gap-3 lg:grid-cols-2' : ''}>
        <ExplorePane
          settings={settings}
          suffix=""
          view={view}
          anchorMs={anchorMs}
          onZoom={zoomHeader}
          name="left pane"
          rangeNote="the range in the header"
          narrow={split.split !== null}
        />
        {split.split === 'metrics' && (
          <ExplorePane
            settings={settings}
            suffix="2"
            view={right.view}
            anchorMs={anchorMs}
            onZoom={zoomRight}
            name="right pane"
            rangeNote={split.linked ? 'the range in the header' : 'this pane’s own range'}
            narrow
          />
        )}
        {split.split === 'traces' && (
          <section
            aria-labelledby="trace-pane-title"
            data-testid="explore-pane"
            data-pane="traces"
            className="min-w-0 space-y-2"
          >
            <h2 id="trace-pane-title" className="text-sm font-semibold">
              Traces
            </h2>
            <TraceSearch
              prefix={TRACE_PANE_PREFIX}
              range={right.view}
              rangeNote={
                split.linked ? 'The time range is the one in the header.' : 'The time range is this pane’s own.'
              }
              compact
            />
          </section>
        )}
      </div>
    </div>
  );
}
