'use client';

import { useEffect, useRef } from 'react';
import { isTypingTarget } from '@/components/hooks/keys';
import { shiftRange, zoomOut, type Range } from '@/lib/url/range-moves';

type Props = { range: Range; onChange: (r: Range) => void };

const btn =
  'rounded border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

/**
 * Shift earlier, zoom out ×2, shift later; and Grafana's keys for them: `t` then `←`, `-`, `→`
 * (within a second, not while typing in a field).
 */
export function RangeNudge({ range, onChange }: Props) {
  // When `t` was pressed lives outside the effect: a re-render between `t` and the arrow (panels
  // answering, a new callback) re-adds the listener and must not forget the armed `t`.
  const armed = useRef(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const now = Date.now();
      if (e.key === 't') {
        armed.current = now;
        return;
      }
      if (now - armed.current > 1000) return;
      armed.current = 0;
      if (e.key === '-') onChange(zoomOut(range, Date.now()));
      else if (e.key === 'ArrowLeft') onChange(shiftRange(range, -1, Date.now()));
      else if (e.key === 'ArrowRight') onChange(shiftRange(range, 1, Date.now()));
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [range, onChange]);
  return (
    <div className="flex" role="group" aria-label="Move the range">
      <button
        type="button"
        data-testid="shift-earlier"
        className={`${btn} rounded-r-none`}
        title="Earlier by half the range (t ←)"
        aria-label="Shift the range earlier by half"
        onClick={() => onChange(shiftRange(range, -1, Date.now()))}
      >
        ‹
      </button>
      <button
        type="button"
        data-testid="zoom-out"
        className={`${btn} rounded-none border-x-0`}
        title="Zoom out ×2 (t −)"
        aria-label="Zoom out: twice the range"
        onClick={() => onChange(zoomOut(range, Date.now()))}
      >
        −
      </button>
      <button
        type="button"
        data-testid="shift-later"
        className={`${btn} rounded-l-none`}
        title="Later by half the range (t →)"
        aria-label="Shift the range later by half"
        onClick={() => onChange(shiftRange(range, 1, Date.now()))}
      >
        ›
      </button>
    </div>
  );
}
