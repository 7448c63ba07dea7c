'use client';

import dynamic from 'next/dynamic';
import { usePathname, useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Panel } from '@/components/panel/panel';
import { PanelErrorBoundary } from '@/components/panel/panel-error-boundary';
import { panelExprs } from '@/lib/dashboards/panel-queries';
import type { TimeseriesPanelDef } from '@/lib/dashboards/types';
import { remember } from '@/lib/explore/history';
import { guessUnit, LETTERS, MAX_QUERIES, parseExplore } from '@/lib/explore/state';
import { UNITS } from '@/lib/format/units';
import { planViewRange, type RangeSettings, type ViewState } from '@/lib/url/view-state';
import { HistoryMenu, readHistory, writeHistory } from './history-menu';
import { TabList } from '@/components/shell/tab-list';
import { InstantTable } from './instant-table';
import { MetricsBrowser } from './metrics-browser';
import { RawJson } from './raw-json';

// The editor (CodeMirror and the PromQL grammar) loads only here, after the page.
const PromqlEditor = dynamic(() => import('./promql-editor').then((m) => m.PromqlEditor), {
  ssr: false,
  loading: () => (
    <div className="skeleton h-9 flex-1 rounded border border-slate-300 bg-slate-100 dark:border-slate-700 dark:bg-slate-800" />
  ),
});

export type ExplorePaneProps = {
  settings: RangeSettings;
  /** '' for the left (or only) pane, '2' for the right one: its URL keys carry it (q2, tab2, …) */
  suffix: '' | '2';
  /** the pane's range: the header's, or its own when unlinked */
  view: ViewState;
  anchorMs: number;
  onZoom: (fromMs: number, toMs: number) => void;
  /** what the pane is called in labels ("right pane"): no two fields on the page share a name */
  name: string;
  /** where its range comes from, as the graph's description says it */
  rangeNote: string;
  /** beside another pane: a narrower legend (last and max only) */
  narrow: boolean;
};

type Problem = { q: string; message: string };

/** Prometheus's own parser on each query (its formatter): the messages of those it cannot parse. */
async function parseProblems(queries: readonly string[]): Promise<Problem[]> {
  const found = await Promise.all(
    queries.map(async (q): Promise<Problem | null> => {
      const res = await fetch('/api/prom/format_query', { method: 'POST', body: new URLSearchParams({ query: q }) });
      if (res.status !== 400) return null;
      const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      return json?.error?.message ? { q, message: json.error.message } : null;
    }),
  );
  return found.filter((p): p is Problem => p !== null);
}

const TAB_NAMES = { graph: 'Graph', table: 'Table', json: 'JSON' } as const;

/** One Explore pane: type PromQL (completion from the console), run it, see it as a graph or a table; all in the URL. */
export function ExplorePane({ settings, suffix, view, anchorMs, onZoom, name, rangeNote, narrow }: ExplorePaneProps) {
  const params = useSearchParams();
  const pathname = usePathname();
  const raw = params.toString();
  const { state } = useMemo(() => parseExplore(new URLSearchParams(raw), suffix), [raw, suffix]);
  const key = (k: string) => `${k}${suffix}`;
  // What is typed, until it is run (the URL holds what ran).
  const [drafts, setDrafts] = useState<{ raw: string; queries: string[] }>({ raw, queries: state.queries });
  const queries = drafts.raw === raw ? drafts.queries : state.queries.length ? state.queries : [''];
  const shown = queries.length ? queries : [''];
  const setQuery = (i: number, q: string) => setDrafts({ raw, queries: shown.map((x, k) => (k === i ? q : x)) });
  const write = (mutate: (sp: URLSearchParams) => void) => {
    const sp = new URLSearchParams(raw);
    mutate(sp);
    window.history.pushState(null, '', `${pathname}?${sp}`);
  };
  // Prometheus's parse errors of the queries that ran (typed and run, or opened from a link), to mark in each editor.
  const parsed = useQuery({
    queryKey: ['explore-parse', ...state.queries],
    queryFn: () => parseProblems(state.queries),
    enabled: state.queries.length > 0,
    staleTime: Infinity,
  });
  const problemOf = (q: string) => parsed.data?.find((p) => p.q === q)?.message ?? null;
  const run = () => {
    let history = readHistory();
    for (const q of shown)
      if (q.trim()) history = remember(history, { q: q.trim(), at: Date.now(), from: view.from, to: view.to });
    writeHistory(history);
    write((sp) => {
      sp.delete(key('q'));
      for (const q of shown) if (q.trim()) sp.append(key('q'), q.trim());
    });
  };
  const [formatError, setFormatError] = useState<string | null>(null);
  // Prometheus's own formatter, query by query; one it cannot parse is named and left as typed.
  const format = async () => {
    setFormatError(null);
    const out = await Promise.all(
      shown.map(async (q, i) => {
        if (!q.trim()) return q;
        try {
          const body = new URLSearchParams({ query: q });
          const res = await fetch('/api/prom/format_query', { method: 'POST', body });
          const json = (await res.json()) as { query?: string; error?: { message: string } };
          if (!res.ok || json.query === undefined) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
          return json.query;
        } catch (e) {
          setFormatError(`Query ${LETTERS[i]} could not be formatted: ${(e as Error).message}`);
          return q;
        }
      }),
    );
    setDrafts({ raw, queries: out });
  };
  const pick = (q: string) =>
    setDrafts({
      raw,
      queries: !shown[0]?.trim() ? [q, ...shown.slice(1)] : shown.length < MAX_QUERIES ? [...shown, q] : shown,
    });
  const range = useMemo(() => planViewRange(view, anchorMs, settings), [view, anchorMs, settings]);
  // The queries that run: those not switched off.
  const live = state.queries.filter((_, i) => !state.off.includes(i));
  const toggleOff = (i: number) =>
    write((sp) => {
      const off = new Set(state.off.map((k) => LETTERS[k]!));
      const l = LETTERS[i]!;
      if (off.has(l)) off.delete(l);
      else off.add(l);
      sp.delete(key('off'));
      for (const x of [...off].sort()) sp.append(key('off'), x);
    });
  const unit = state.unit ?? (live[0] ? guessUnit(live[0]) : 'short');
  const def: TimeseriesPanelDef | null = live.length
    ? {
        id: `explore${suffix}`,
        title: `Graph${suffix ? ` (${name})` : ''}`,
        description: `${live.length} quer${live.length === 1 ? 'y' : 'ies'} over ${rangeNote}${state.off.length ? ` (${state.off.length} switched off)` : ''}`,
        kind: 'timeseries',
        unit,
        variables: [],
        wide: true,
        height: 320,
        queries: live.map((expr) => ({ expr })),
        ...(narrow ? { legend: { columns: ['last', 'max'] } } : {}),
      }
    : null;

  return (
    <div className="min-w-0 space-y-3" data-testid="explore-pane" data-pane={suffix || '1'}>
      <section
        aria-label={`Queries${suffix ? ` of the ${name}` : ''}`}
        className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      >
        {shown.map((q, i) => (
          <div key={i} className="flex items-start gap-2" data-testid="explore-query">
            <span className="mt-2 w-4 text-xs font-semibold text-slate-500">{LETTERS[i]}</span>
            <div className="min-w-0 flex-1">
              <PromqlEditor
                value={q}
                onChange={(v) => setQuery(i, v)}
                onRun={run}
                label={`Query ${LETTERS[i]}${suffix ? ` (${name})` : ''}`}
                problem={problemOf(q)}
              />
              {problemOf(q) && (
                <p role="alert" data-testid="query-problem" className="mt-1 text-xs text-red-700 dark:text-red-400">
                  Prometheus: {problemOf(q)}
                </p>
              )}
            </div>
            {i < state.queries.length && (
              <button
                type="button"
                data-testid="explore-toggle"
                aria-pressed={!state.off.includes(i)}
                aria-label={`${state.off.includes(i) ? 'Switch on' : 'Switch off'} query ${LETTERS[i]}${suffix ? ` (${name})` : ''}`}
                title={state.off.includes(i) ? 'Off: kept here, not run' : 'On: shown in the results'}
                onClick={() => toggleOff(i)}
                className={`mt-1 rounded px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800 ${state.off.includes(i) ? 'text-slate-400 line-through' : ''}`}
              >
                {state.off.includes(i) ? 'off' : 'on'}
              </button>
            )}
            {shown.length > 1 && (
              <button
                type="button"
                aria-label={`Remove query ${LETTERS[i]}${suffix ? ` (${name})` : ''}`}
                onClick={() => setDrafts({ raw, queries: shown.filter((_, k) => k !== i) })}
                className="mt-1 rounded px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                ×
              </button>
            )}
          </div>
        ))}
        {formatError && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400">
            {formatError}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button
            type="button"
            data-testid="explore-run"
            onClick={run}
            className="rounded bg-indigo-600 px-3 py-1 font-medium text-white hover:bg-indigo-500"
          >
            Run query
          </button>
          <span className="text-xs text-slate-500">Shift-Enter or Ctrl/Cmd-Enter in the editor</span>
          <button
            type="button"
            data-testid="explore-format"
            onClick={() => void format()}
            className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Format
          </button>
          <HistoryMenu onPick={pick} />
          <MetricsBrowser onInsert={pick} />
          {shown.length < MAX_QUERIES && (
            <button
              type="button"
              onClick={() => setDrafts({ raw, queries: [...shown, ''] })}
              className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              + Add query
            </button>
          )}
          <span className="ml-auto flex items-center gap-2">
            <TabList
              label={`Result${suffix ? ` (${name})` : ''}`}
              tabs={TAB_NAMES}
              selected={state.tab}
              onSelect={(t) => write((sp) => (t === 'graph' ? sp.delete(key('tab')) : sp.set(key('tab'), t)))}
            />
            <label className="flex items-center gap-1">
              <span className="text-slate-500">Unit</span>
              <select
                data-testid="explore-unit"
                value={state.unit ?? ''}
                onChange={(e) =>
                  write((sp) => (e.target.value ? sp.set(key('unit'), e.target.value) : sp.delete(key('unit'))))
                }
                className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
              >
                <option value="">guessed ({unit})</option>
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            </label>
          </span>
        </div>
      </section>
      {!def && (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-900">
          Type a PromQL query and run it: its series over the range in the header, as a graph or as a table of the
          values at the range’s end. The editor completes metric names, labels and their values from Prometheus.
        </p>
      )}
      {def && state.tab === 'graph' && (
        <PanelErrorBoundary id={def.id} title={def.title}>
          <Panel def={def} vars={{}} range={range} onZoom={onZoom} />
        </PanelErrorBoundary>
      )}
      {def && state.tab === 'table' && <InstantTable queries={live} atSec={range.end} unit={unit} />}
      {def && state.tab === 'json' && <RawJson queries={panelExprs(def, {}, range)} range={range} />}
    </div>
  );
}
