'use client';

import type { SplitState } from '@/lib/explore/state';
import { TRACE_PANE_PREFIX } from '@/lib/explore/state';
import { useTimeZone } from '@/components/hooks/time-zone';
import { useInteractive } from '@/components/hooks/use-interactive';
import { formatDateTime } from '@/lib/format/time-zone';
import { resolveRange, type ViewState } from '@/lib/url/view-state';

const btn =
  'rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

const RIGHT_KEYS = ['split', 'q2', 'tab2', 'unit2', 'off2', 'unlink', 'from2', 'to2'];

export type SplitControlsProps = {
  split: SplitState;
  rightView: ViewState;
  headerView: ViewState;
  anchorMs: number;
  write: (mutate: (sp: URLSearchParams) => void) => void;
};

/** Open a second pane (PromQL or traces), link or unlink its range, close it. */
export function SplitControls({ split, rightView, headerView, anchorMs, write }: SplitControlsProps) {
  const zone = useTimeZone();
  const interactive = useInteractive();
  if (!split.split) {
    return (
      <div role="group" aria-label="Split view" className="flex items-center gap-2">
        <button
          type="button"
          className={btn}
          disabled={!interactive}
          data-testid="split-metrics"
          onClick={() => write((s) => s.set('split', 'metrics'))}
        >
          Split: queries
        </button>
        <button
          type="button"
          className={btn}
          disabled={!interactive}
          data-testid="split-traces"
          onClick={() => write((s) => s.set('split', 'traces'))}
        >
          Split: traces
        </button>
      </div>
    );
  }
  const close = () =>
    write((s) => {
      for (const k of RIGHT_KEYS) s.delete(k);
      for (const k of [...s.keys()]) if (k.startsWith(TRACE_PANE_PREFIX)) s.delete(k);
    });
  const toggleLink = () =>
    write((s) => {
      if (split.linked) {
        // Unlinked, the right pane starts from the range it was showing.
        s.set('unlink', '1');
        s.set('from2', headerView.from);
        s.set('to2', headerView.to);
      } else {
        for (const k of ['unlink', 'from2', 'to2']) s.delete(k);
      }
    });
  return (
    <div role="group" aria-label="Split view" className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          data-testid="split-link"
          disabled={!interactive}
          checked={split.linked}
          onChange={toggleLink}
        />
        Right pane on the header’s range
      </label>
      {!split.linked && (
        <span
          data-testid="right-range"
          className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs dark:bg-slate-800"
        >
          right pane: {formatDateTime(resolveRange(rightView, anchorMs).fromMs, zone)} →{' '}
          {formatDateTime(resolveRange(rightView, anchorMs).toMs, zone)}
        </span>
      )}
      <button type="button" className={btn} disabled={!interactive} data-testid="split-close" onClick={close}>
        Close the right pane
      </button>
    </div>
  );
}
