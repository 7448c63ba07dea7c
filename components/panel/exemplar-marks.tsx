'use client';

import Link from 'next/link';
import { type KeyboardEvent, useState } from 'react';
import type { ChartExemplar } from '@/lib/charts/exemplars';
import { formatTime, formatValue, type Unit } from '@/lib/format/units';
import { pct } from './chart-layers';

export type ExemplarMarksProps = {
  exemplars: readonly ChartExemplar[];
  fx: (t: number) => number;
  fy: (v: number) => number;
  unit: Unit;
  timeZone: string;
};

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => Math.min(n - 1, i + 1),
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * Exemplar markers: each a link to its trace. One tab stop per chart (the last one reached);
 * arrow keys, Home and End move between them in time order, Enter opens the trace.
 */
export function ExemplarMarks({ exemplars, fx, fy, unit, timeZone }: ExemplarMarksProps) {
  // Only those inside the plot (a value above a fixed maximum, a time outside the range: not drawn).
  const drawn = exemplars
    .map((ex) => ({ ex, x: fx(ex.t), y: fy(ex.value) }))
    .filter((d) => d.x >= 0 && d.x <= 1 && d.y >= 0 && d.y <= 1)
    .sort((a, b) => a.ex.t - b.ex.t);
  const [active, setActive] = useState(0);
  const current = Math.min(active, drawn.length - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[e.key];
    if (!move || drawn.length === 0) return;
    e.preventDefault();
    const next = move(current, drawn.length);
    setActive(next);
    e.currentTarget.querySelectorAll<HTMLElement>('[data-testid=exemplar]')[next]?.focus();
  };
  return (
    <div
      role="group"
      aria-label={`${drawn.length} exemplars: arrow keys move between them, Enter opens the trace`}
      onKeyDown={onKeyDown}
    >
      {drawn.map(({ ex, x, y }, i) => (
        <Link
          key={`${ex.traceId}-${ex.t}`}
          href={`/traces/${ex.traceId}${ex.spanId ? `?span=${ex.spanId}` : ''}`}
          prefetch={false}
          tabIndex={i === current ? 0 : -1}
          onFocus={() => setActive(i)}
          data-testid="exemplar"
          data-trace-id={ex.traceId}
          data-value={ex.value}
          aria-label={`Exemplar: trace ${ex.traceId}, ${formatValue(ex.value, unit)} at ${formatTime(ex.t, 0, timeZone)}`}
          title={`trace ${ex.traceId.slice(0, 12)}… · ${formatValue(ex.value, unit)} · ${formatTime(ex.t, 0, timeZone)}`}
          className="pointer-events-auto absolute h-2 w-2 -translate-x-1/2 -translate-y-1/2 rotate-45 border border-white bg-slate-900/75 focus-visible:h-3 focus-visible:w-3 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-500"
          style={{ left: pct(x), top: pct(y) }}
        />
      ))}
    </div>
  );
}
