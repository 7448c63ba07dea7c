'use client';

import type { Annotation } from '@/lib/annotations/detect';
import { formatTime } from '@/lib/format/units';
import { pct } from './chart-layers';

export type AnnotationMarksProps = {
  annotations: readonly Annotation[];
  /** Where a time sits across the plot (0 at the left edge, 1 at the right). */
  fx: (t: number) => number;
  timeZone: string;
};

/** A tone's colour: readable as a line and as text on a panel in both themes. */
export const TONE_COLOR: Record<Annotation['tone'], string> = {
  bad: '#dc2626',
  warn: '#d97706',
  good: '#16a34a',
  info: '#2563eb',
};

/**
 * Annotations on a chart: a dashed line across the plot at each change, and a mark on the time
 * axis that names it on hover (every annotation is also listed in the page's annotations menu,
 * which the keyboard reaches).
 */
export function AnnotationMarks({ annotations, fx, timeZone }: AnnotationMarksProps) {
  return (
    <>
      {annotations.map((a, i) => {
        const f = fx(a.t);
        if (!(f >= 0 && f <= 1)) return null;
        const color = TONE_COLOR[a.tone];
        const label = `${a.title}${a.text ? ` (${a.text})` : ''} · ${formatTime(a.t, 0, timeZone)}`;
        return (
          <div
            key={`${a.kind}-${a.t}-${i}`}
            data-testid="annotation"
            data-kind={a.kind}
            data-t={a.t}
            aria-label={label}
            className="group pointer-events-none absolute inset-y-0 w-0"
            style={{ left: pct(f) }}
          >
            <div className="absolute inset-y-0 border-l border-dashed opacity-70" style={{ borderColor: color }} />
            <span
              className="pointer-events-auto absolute bottom-0 h-2.5 w-2.5 -translate-x-1/2 translate-y-1/2 rotate-45 border border-white dark:border-slate-900"
              style={{ background: color }}
            />
            <span
              role="tooltip"
              className="pointer-events-none absolute bottom-3 z-20 hidden -translate-x-1/2 whitespace-nowrap rounded bg-slate-800 px-1.5 py-0.5 text-[11px] text-white shadow group-hover:block"
            >
              {label}
            </span>
          </div>
        );
      })}
    </>
  );
}
