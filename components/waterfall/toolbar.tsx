'use client';

import { useEffect, useState } from 'react';
import type { TracePageState } from '@/lib/url/trace-view';
import { parseDurationNs } from '@/lib/traces/search';

export type ToolbarProps = {
  state: TracePageState;
  update: (patch: Partial<TracePageState>) => void;
  matchCount: number;
  /** matches on visible rows (the ones next / previous step through) */
  matchShown: number;
  matchIndex: number;
  onStep: (dir: 1 | -1) => void;
  hidden: number;
  collapsedAway: number;
  skewedCount: number;
  onCollapseAll: () => void;
  onExpandAll: () => void;
};

const btn =
  'rounded border border-slate-200 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

/** Search in the trace, filters that hide spans, critical path only, skew adjustment, collapse. */
export function Toolbar({
  state,
  update,
  matchCount,
  matchShown,
  matchIndex,
  onStep,
  hidden,
  collapsedAway,
  skewedCount,
  onCollapseAll,
  onExpandAll,
}: ToolbarProps) {
  // The typed text wins until the URL moves on (back button, shared link): then the URL's.
  const [draft, setDraft] = useState({ value: state.q, base: state.q });
  const q = draft.base === state.q ? draft.value : state.q;
  const setQ = (value: string) => setDraft({ value, base: state.q });
  const [minDur, setMinDur] = useState(state.minDurationNs ? `${state.minDurationNs / 1e6}ms` : '');
  const [durError, setDurError] = useState<string | null>(null);
  // Search as you type, without a history entry per keystroke.
  useEffect(() => {
    if (q === state.q) return;
    const t = setTimeout(() => update({ q }), 250);
    return () => clearTimeout(t);
  }, [q, state.q, update]);
  // The minimum duration applies as you type too, once what is typed is a duration (a half-typed
  // "5" waits for its unit; Enter or leaving the box says what is wrong with it).
  useEffect(() => {
    const text = minDur.trim();
    const ns = text === '' ? 0 : parseDurationNs(text);
    if (ns === null || Number(ns) === (state.minDurationNs ?? 0)) return;
    const t = setTimeout(() => {
      setDurError(null);
      update({ minDurationNs: Number(ns) });
    }, 400);
    return () => clearTimeout(t);
  }, [minDur, state.minDurationNs, update]);
  const applyMinDur = () => {
    if (minDur.trim() === '') {
      setDurError(null);
      update({ minDurationNs: 0 });
      return;
    }
    const ns = parseDurationNs(minDur);
    if (ns === null) setDurError(`"${minDur}" is not a duration: use 5ms or 1.5s`);
    else {
      setDurError(null);
      update({ minDurationNs: Number(ns) });
    }
  };
  return (
    <div role="toolbar" aria-label="Waterfall tools" className="flex flex-wrap items-center gap-2 text-xs">
      <label className="flex items-center gap-1">
        <span className="sr-only">Search in the trace</span>
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onStep(e.shiftKey ? -1 : 1);
          }}
          placeholder="Search spans, attributes…"
          className="w-56 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
        />
      </label>
      {state.q && (
        <span data-testid="match-count" aria-live="polite" className="text-slate-600 dark:text-slate-300">
          {matchCount === 0 ? 'no matches' : `${matchIndex >= 0 ? matchIndex + 1 : '–'} of ${matchShown}`}
          {matchCount > matchShown ? ` (${matchCount - matchShown} more hidden or collapsed)` : ''}
        </span>
      )}
      <button
        type="button"
        className={btn}
        onClick={() => onStep(-1)}
        disabled={matchShown === 0}
        aria-label="Previous match"
      >
        ↑
      </button>
      <button
        type="button"
        className={btn}
        onClick={() => onStep(1)}
        disabled={matchShown === 0}
        aria-label="Next match"
      >
        ↓
      </button>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={state.matches} onChange={(e) => update({ matches: e.target.checked })} />{' '}
        matches only
      </label>
      <span className="mx-1 h-4 border-l border-slate-300 dark:border-slate-700" aria-hidden />
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={state.critical} onChange={(e) => update({ critical: e.target.checked })} />{' '}
        critical path only
      </label>
      <label className="flex items-center gap-1">
        min duration
        <input
          aria-label="Minimum span duration"
          aria-invalid={durError !== null}
          value={minDur}
          onChange={(e) => setMinDur(e.target.value)}
          onBlur={applyMinDur}
          onKeyDown={(e) => e.key === 'Enter' && applyMinDur()}
          placeholder="e.g. 5ms"
          className="w-20 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
        />
      </label>
      {durError && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {durError}
        </span>
      )}
      {skewedCount > 0 && (
        <label
          className="flex items-center gap-1"
          title="Move spans whose clocks disagree with their parent's inside it; raw timings stay in the span details"
        >
          <input type="checkbox" checked={state.adjust} onChange={(e) => update({ adjust: e.target.checked })} /> adjust
          clock skew ({skewedCount})
        </label>
      )}
      <span className="mx-1 h-4 border-l border-slate-300 dark:border-slate-700" aria-hidden />
      <button type="button" className={btn} onClick={onCollapseAll}>
        Collapse all
      </button>
      <button type="button" className={btn} onClick={onExpandAll}>
        Expand all
      </button>
      <span data-testid="hidden-count" className="ml-auto text-slate-600 dark:text-slate-300">
        {hidden > 0 ? `${hidden.toLocaleString('en-US')} span${hidden === 1 ? '' : 's'} hidden by filters` : ''}
        {hidden > 0 && collapsedAway > 0 ? ' · ' : ''}
        {collapsedAway > 0 ? `${collapsedAway.toLocaleString('en-US')} in collapsed rows` : ''}
      </span>
    </div>
  );
}
