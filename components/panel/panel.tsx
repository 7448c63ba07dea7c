'use client';

import { type ReactNode, useCallback, useMemo } from 'react';
import { usePicked } from '@/components/hooks/use-panel-url';
import { panelChoices, withChoices } from '@/lib/dashboards/choices';
import { hasQueries, PANEL_KIND_NAMES, type PanelDef } from '@/lib/dashboards/types';
import { type PanelContext, panelKind, type PlannedRange } from './kinds';
import type { PanelData } from './kinds/types';
import { PanelFrame } from './panel-frame';
import { resolveLink } from '@/lib/dashboards/links';

export type { PlannedRange };

export type PanelProps = PanelContext & { def: PanelDef; /** view mode: alone, full size */ full?: boolean };

/**
 * One panel: the frame (title, "show query", states, retry) around what its kind draws. The kind
 * (components/panel/kinds) fetches and draws; this only frames, and says so plainly when the
 * definition names a kind the console does not have.
 */
export function Panel({ def: given, vars, range, onZoom, full = false, shift, annotations }: PanelProps) {
  const entry = panelKind(given.kind);
  const [picked, setPicked] = usePicked(given);
  const def = useMemo(() => withChoices(given, picked), [given, picked]);
  const selector = useMemo(
    () =>
      picked && hasQueries(given) && given.choices ? (
        <ChoiceSelector
          label={given.choices.label}
          offered={panelChoices(given)}
          picked={picked}
          onChange={setPicked}
        />
      ) : null,
    [given, picked, setPicked],
  );
  // A copy of a repeated panel writes its own value into its links.
  const links = useMemo(() => {
    if (!given.links?.length) return undefined;
    const ctx = {
      vars: given.bound ? { ...vars, ...given.bound } : vars,
      fromMs: range.start * 1000,
      toMs: range.end * 1000,
    };
    return given.links.map((l) => resolveLink(l, ctx));
  }, [given, vars, range.start, range.end]);
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
        csv={data.csv}
        full={full}
        links={links}
        headerExtra={selector}
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
    [def, range, full, selector, links],
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
  return <Kind key={def.kind} def={def} ctx={{ vars, range, onZoom, full, shift, annotations }} frame={frame} />;
}

type ChoiceSelectorProps = { label: string; offered: string[]; picked: string[]; onChange: (next: string[]) => void };

/** Which of the panel's queries run (p50 / p95 / p99): a click picks one alone, Ctrl/Cmd-click adds or removes one. */
function ChoiceSelector({ label, offered, picked, onChange }: ChoiceSelectorProps) {
  return (
    <div
      role="group"
      aria-label={label}
      className="flex shrink-0 overflow-hidden rounded border border-slate-300 dark:border-slate-700"
    >
      {offered.map((c) => {
        const on = picked.includes(c);
        return (
          <button
            key={c}
            type="button"
            data-testid="panel-choice"
            data-choice={c}
            aria-pressed={on}
            title={`${label} ${c}: click to show it alone, Ctrl/Cmd-click to add or remove it`}
            onClick={(e) => {
              if (!(e.ctrlKey || e.metaKey)) return onChange([c]);
              const next = on ? picked.filter((x) => x !== c) : offered.filter((x) => x === c || picked.includes(x));
              if (next.length > 0) onChange(next);
            }}
            className={`px-1.5 py-0.5 text-xs ${on ? 'bg-slate-700 text-white dark:bg-slate-300 dark:text-slate-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
          >
            {c}
          </button>
        );
      })}
    </div>
  );
}
