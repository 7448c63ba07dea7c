'use client';

import { useState } from 'react';
import { useTimeZone } from '@/components/hooks/time-zone';
import { TONE_COLOR } from '@/components/panel/annotation-marks';
import { useAnnotations } from '@/components/panel/kinds/use-annotations';
import type { PlannedRange } from '@/components/panel/kinds/types';
import { Popover } from '@/components/shell/popover';
import type { AnnotationKind } from '@/lib/annotations/detect';
import type { AnnotationSource } from '@/lib/annotations/sources';
import { formatTime } from '@/lib/format/units';

export type AnnotationsMenuProps = {
  sources: readonly AnnotationSource[];
  range: PlannedRange;
  shown: boolean;
  onShownChange: (on: boolean) => void;
};

const KIND_NAMES: Record<AnnotationKind, string> = {
  alert: 'alert',
  'kill-switch': 'kill switch',
  'policy-version': 'policy version',
  canary: 'canary',
  query: 'annotation query',
};

/** The page's annotations: a switch that shows or hides them on every chart, and their list. */
export function AnnotationsMenu({ sources, range, shown, onShownChange }: AnnotationsMenuProps) {
  // The URL is the source of truth but updates a moment later; show the click at once.
  const [local, setLocal] = useState({ shown, checked: shown });
  if (local.shown !== shown) setLocal({ shown, checked: shown });
  const checked = local.shown === shown ? local.checked : shown;
  return (
    <Popover label="Annotations" title="Annotations on this page" testId="annotations-menu" align="right">
      {() => (
        <div className="w-80 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              data-testid="annotations-toggle"
              checked={checked}
              onChange={(e) => {
                setLocal({ shown, checked: e.target.checked });
                onShownChange(e.target.checked);
              }}
            />
            Show annotations on the charts
          </label>
          <p className="mt-1 text-xs text-slate-500">
            Alert state changes{sources.length > 1 ? ', the kill switch, policy versions and canary steps' : ''} in the
            range shown.
          </p>
          <AnnotationList sources={sources} range={range} />
        </div>
      )}
    </Popover>
  );
}

function AnnotationList({ sources, range }: { sources: readonly AnnotationSource[]; range: PlannedRange }) {
  const timeZone = useTimeZone();
  const { annotations, failed, pending } = useAnnotations(sources, range);
  return (
    <div className="mt-2 max-h-64 overflow-y-auto border-t border-slate-200 pt-2 dark:border-slate-700">
      {pending && <p className="skeleton text-xs text-slate-500">Loading annotations…</p>}
      {failed.length > 0 && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          Could not load: {failed.map((k) => KIND_NAMES[k]).join(', ')}.
        </p>
      )}
      {!pending && annotations.length === 0 && failed.length === 0 && (
        <p className="text-xs text-slate-500">Nothing changed in this range.</p>
      )}
      <ul data-testid="annotation-list">
        {annotations.map((a, i) => (
          <li key={`${a.kind}-${a.t}-${i}`} data-kind={a.kind} className="flex items-baseline gap-2 py-0.5 text-xs">
            <span className="h-2 w-2 shrink-0 rotate-45" style={{ background: TONE_COLOR[a.tone] }} aria-hidden />
            <span className="shrink-0 font-mono text-slate-500">{formatTime(a.t, 0, timeZone)}</span>
            <span>
              {a.title}
              {a.text ? <span className="text-slate-500"> ({a.text})</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
