'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { overviewOptions, rowsOptions, type Row, type TraceSource } from '@/lib/queries/traces';
import { BACKGROUND_EXTRAS_MAX } from '@/lib/traces/view/prepare';
import type { ViewSpec } from '@/lib/traces/view/window';
import { Minimap } from './minimap';
import { FlameGraph } from './flame-graph';
import { SpanDetail } from './span-detail';
import { StatsTable } from './stats-table';
import { Toolbar } from './toolbar';
import { TraceHeader } from './trace-header';
import { useTracePage } from './use-trace-page';
import { pageView } from '@/lib/url/trace-view';
import { WaterfallList } from './waterfall-list';
import { LoadError } from '@/components/shell/load-error';
import { TabList } from '@/components/shell/tab-list';

export type TraceViewProps = { source: TraceSource; actions?: React.ReactNode };

const TAB_NAMES = { waterfall: 'Waterfall', flame: 'Flame graph', stats: 'Statistics' } as const;

/** The waterfall page: header, minimap, tools, the virtualized rows and the selected span. */
export function TraceView({ source, actions }: TraceViewProps) {
  const { state, notices, update } = useTracePage();
  const [collapse, setCollapse] = useState<{ collapseAll: boolean; toggled: string[] }>({
    collapseAll: false,
    toggled: [],
  });
  const view: ViewSpec = useMemo(() => pageView(state, collapse), [state, collapse]);
  // The deep-linked span is looked up once, when the page opens.
  const [initialFocus] = useState(state.span ?? '');
  // Tokens per model fill in while the server loads every span's attributes in the background.
  const overview = useQuery({
    ...overviewOptions(source),
    refetchInterval: (q) =>
      q.state.data && q.state.data.extrasPending > 0 && q.state.data.spanCount <= BACKGROUND_EXTRAS_MAX ? 3000 : false,
  });
  const meta = useQuery({ ...rowsOptions(source, view, 0, 1, initialFocus), placeholderData: keepPreviousData });
  // Where the list scrolls: the deep-linked span in each new view, until the user steps through matches.
  const focusRow = meta.data && !meta.isPlaceholderData ? meta.data.focusRow : null;
  const focusTarget = useMemo(() => (focusRow === null ? null : { row: focusRow }), [focusRow]);
  const [stepTarget, setStepTarget] = useState<{ row: number; q: string } | null>(null);
  const scrollTarget = stepTarget && stepTarget.q === state.q ? stepTarget : focusTarget;
  const [match, setMatch] = useState({ q: '', index: -1 });
  const matchIndex = match.q === state.q ? match.index : -1;

  const selected = state.span ?? overview.data?.root?.spanId ?? null;
  const onSelect = useCallback((row: Row) => update({ span: row.spanId }, 'replace'), [update]);
  const onToggle = useCallback(
    (row: Row) =>
      setCollapse((c) => ({
        ...c,
        toggled: c.toggled.includes(row.spanId)
          ? c.toggled.filter((t) => t !== row.spanId)
          : [...c.toggled, row.spanId],
      })),
    [],
  );
  const onStep = (dir: 1 | -1) => {
    const rows = meta.data?.matchRows ?? [];
    if (rows.length === 0) return;
    const next = (matchIndex + dir + rows.length) % rows.length;
    setMatch({ q: state.q, index: next });
    setStepTarget({ row: rows[next]!, q: state.q });
  };

  if (overview.isPending) {
    return (
      <div data-testid="trace-loading" aria-busy className="space-y-3">
        <div className="skeleton h-24 rounded-lg bg-slate-200 dark:bg-slate-800" />
        <div className="skeleton h-96 rounded-lg bg-slate-200 dark:bg-slate-800" />
      </div>
    );
  }
  if (overview.error) {
    return (
      <LoadError
        variant="block"
        testId="trace-error"
        className="mx-auto mt-10 max-w-xl"
        what="This trace could not be shown"
        message={overview.error.message}
        onRetry={() => void overview.refetch()}
      />
    );
  }
  const o = overview.data;
  const dur = Math.max(o.durationNs, 1);
  const win: [number, number] = state.zoom ? [state.zoom[0] * dur, state.zoom[1] * dur] : [0, dur];
  const m = meta.data;
  const detail = selected && (
    <SpanDetail
      source={source}
      spanId={selected}
      traceStartNs={o.startNs}
      onClose={() => update({ span: null }, 'replace')}
    />
  );
  const toggleService = (s: string) =>
    update({ hide: state.hide.includes(s) ? state.hide.filter((h) => h !== s) : [...state.hide, s] });
  return (
    <div className="flex h-[calc(100vh-5.5rem)] min-h-[32rem] flex-col gap-2">
      {notices.length > 0 && (
        <p
          role="status"
          className="rounded bg-amber-50 px-3 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {notices.join(' ')}
        </p>
      )}
      <TraceHeader overview={o} hidden={state.hide} onToggleService={toggleService} actions={actions} />
      <Minimap overview={o} zoom={state.zoom} onZoom={(zoom) => update({ zoom })} />
      <TabList
        label="Trace views"
        tabs={TAB_NAMES}
        selected={state.tab}
        onSelect={(tab) => update({ tab })}
        className="text-sm"
      />
      {state.tab === 'stats' ? (
        <StatsTable overview={o} />
      ) : state.tab === 'flame' ? (
        <div className="flex min-h-0 flex-1 gap-2">
          <FlameGraph
            source={source}
            zoom={state.zoom}
            services={o.services.map((s) => s.service)}
            selected={selected}
            onSelect={(span) => update({ span }, 'replace')}
          />
          {detail}
        </div>
      ) : (
        <>
          <Toolbar
            state={state}
            update={update}
            matchCount={m?.matchCount ?? 0}
            matchShown={m?.matchRows.length ?? 0}
            matchIndex={matchIndex}
            onStep={onStep}
            hidden={m?.hidden ?? 0}
            collapsedAway={m?.collapsedAway ?? 0}
            skewedCount={o.skewedCount}
            onCollapseAll={() => setCollapse({ collapseAll: true, toggled: [] })}
            onExpandAll={() => setCollapse({ collapseAll: false, toggled: [] })}
          />
          {meta.error && (
            <LoadError
              what="The rows could not load"
              message={meta.error.message}
              onRetry={() => void meta.refetch()}
            />
          )}
          <div className="flex min-h-0 flex-1 gap-2">
            {m && m.total === 0 ? (
              <div
                data-testid="waterfall-empty"
                className="flex flex-1 items-center justify-center rounded-lg border border-slate-200 bg-white text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-900"
              >
                Every span is hidden by the filters. Clear a filter to see spans again.
              </div>
            ) : (
              <WaterfallList
                source={source}
                view={view}
                total={m?.total ?? 0}
                selected={selected}
                win={win}
                adjust={state.adjust}
                scrollTarget={scrollTarget}
                onSelect={onSelect}
                onToggle={onToggle}
              />
            )}
            {detail}
          </div>
        </>
      )}
    </div>
  );
}
