'use client';

import { type ReactNode, useCallback } from 'react';
import { PANEL_KIND_NAMES, type PanelDef } from '@/lib/dashboards/types';
import { type PanelContext, panelKind, type PlannedRange } from './kinds';
import type { PanelData } from './kinds/types';
import { PanelFrame } from './panel-frame';

export type { PlannedRange };

export type PanelProps = PanelContext & { def: PanelDef };

/**
 * One panel: the frame (title, "show query", states, retry) around what its kind draws. The kind
 * (components/panel/kinds) fetches and draws; this only frames, and says so plainly when the
 * definition names a kind the console does not have.
 */
export function Panel({ def, vars, range, onZoom }: PanelProps) {
  const entry = panelKind(def.kind);
  const frame = useCallback(
    (data: PanelData<unknown>, body: ReactNode) => (
      <PanelFrame
        id={def.id}
        title={def.title}
        description={def.description}
        state={data.state}
        wide={def.wide}
        queries={data.queries}
        warnings={data.warnings}
        problems={data.problems}
        notice={data.notice}
        error={data.error}
        emptyText={data.emptyText}
        fetching={data.fetching}
        onRetry={data.retry}
        dataAttrs={{
          'data-kind': def.kind,
          'data-start': String(range.start),
          'data-end': String(range.end),
          'data-step': String(range.step),
        }}
      >
        {body}
      </PanelFrame>
    ),
    [def, range],
  );
  if (!entry) {
    return (
      <PanelFrame
        id={def.id}
        title={def.title}
        description={def.description}
        state="unsupported"
        wide={def.wide}
        queries={[]}
        error={`This panel's kind "${String(def.kind)}" is not one the console draws. Kinds it draws: ${PANEL_KIND_NAMES.join(', ')}.`}
        dataAttrs={{ 'data-kind': String(def.kind) }}
      />
    );
  }
  const { Kind } = entry;
  return <Kind key={def.kind} def={def} ctx={{ vars, range, onZoom }} frame={frame} />;
}
