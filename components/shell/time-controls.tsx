'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTimeZone } from '@/components/hooks/time-zone';
import { useViewState } from '@/components/hooks/use-view-state';
import {
  describeRange,
  parseTimeExpr,
  QUICK_RANGES,
  REFRESH_OPTIONS,
  type RefreshOption,
  refreshMs,
} from '@/lib/url/time';
import { CopyLink } from './copy-link';
import { Popover } from './popover';
import { RangeNudge } from './range-nudge';
import { ZonePicker } from './zone-picker';

const SPEC = { variables: [] as string[] };
const input =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-950';

/** The header's range picker, auto-refresh, refresh-now and copy-link controls. */
export function TimeControls() {
  const { state, update, bump, links } = useViewState(SPEC);
  const timeZone = useTimeZone();
  const client = useQueryClient();

  // Every tick asks again for everything on screen. Moving "now" alone is not enough: panel
  // ranges are aligned to their step, so a 5 s refresh of a 15 s step would leave two ticks in
  // three with the same queries. Queries whose range did move are already fetching (not cancelled).
  const refreshAll = useCallback(() => {
    bump();
    setTimeout(() => void client.invalidateQueries({ type: 'active' }, { cancelRefetch: false }), 0);
  }, [bump, client]);

  useEffect(() => {
    const ms = refreshMs(state.refresh);
    if (!ms) return;
    const t = setInterval(refreshAll, ms);
    return () => clearInterval(t);
  }, [state.refresh, refreshAll]);

  return (
    <div className="flex items-center gap-2" data-testid="time-controls">
      <RangeNudge range={state} onChange={(r) => update(r)} />
      <Popover
        label={<span data-testid="range-label">{describeRange(state.from, state.to, timeZone)}</span>}
        title="Time range"
        testId="range-picker"
      >
        {(close) => (
          <RangeForm
            from={state.from}
            to={state.to}
            onApply={(from, to) => {
              update({ from, to });
              close();
            }}
          />
        )}
      </Popover>
      <ZonePicker />
      <button
        type="button"
        onClick={refreshAll}
        title="Refresh now"
        aria-label="Refresh now"
        className="rounded border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        ⟳
      </button>
      <label className="sr-only" htmlFor="refresh-select">
        Auto-refresh
      </label>
      <select
        id="refresh-select"
        data-testid="refresh-select"
        value={state.refresh}
        onChange={(e) => update({ refresh: e.target.value as RefreshOption })}
        className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        title="Auto-refresh"
      >
        {REFRESH_OPTIONS.map((r) => (
          <option key={r} value={r}>
            {r === 'off' ? 'Auto-refresh off' : `Every ${r}`}
          </option>
        ))}
      </select>
      <CopyLink links={links} />
    </div>
  );
}

type RangeFormProps = { from: string; to: string; onApply: (from: string, to: string) => void };

function RangeForm({ from, to, onApply }: RangeFormProps) {
  const [f, setF] = useState(from);
  const [t, setT] = useState(to);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const fe = parseTimeExpr(f);
    const te = parseTimeExpr(t);
    if (!fe) return setError(`"From" is not a time: use now-6h, an ISO time or epoch ms.`);
    if (!te) return setError(`"To" is not a time: use now, an ISO time or epoch ms.`);
    const now = Date.now();
    const fm = fe.kind === 'relative' ? now - fe.offsetMs : fe.ms;
    const tm = te.kind === 'relative' ? now - te.offsetMs : te.ms;
    if (fm >= tm) return setError('"From" must be before "To".');
    setError(null);
    onApply(f.trim(), t.trim());
  };
  return (
    <div className="grid grid-cols-[1fr_9rem] gap-3">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <p className="text-xs font-medium uppercase text-slate-500">Absolute range</p>
        <label className="block text-sm">
          From
          <input data-testid="range-from" className={input} value={f} onChange={(e) => setF(e.target.value)} />
        </label>
        <label className="block text-sm">
          To
          <input data-testid="range-to" className={input} value={t} onChange={(e) => setT(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
        <button type="submit" className="rounded bg-indigo-600 px-3 py-1 text-sm text-white hover:bg-indigo-500">
          Apply
        </button>
      </form>
      <div>
        <p className="mb-1 text-xs font-medium uppercase text-slate-500">Quick ranges</p>
        <ul className="space-y-0.5">
          {QUICK_RANGES.map((r) => (
            <li key={r}>
              <button
                type="button"
                data-testid={`quick-${r}`}
                onClick={() => onApply(`now-${r}`, 'now')}
                className={`w-full rounded px-2 py-0.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${from === `now-${r}` && to === 'now' ? 'font-semibold text-indigo-600 dark:text-indigo-400' : ''}`}
              >
                Last {r}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
