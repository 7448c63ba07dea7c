'use client';

import { Suspense, useEffect, useMemo, useState } from 'react';
import { isTypingTarget } from '@/components/hooks/keys';
import { useAnnotationsShown, usePanelView } from '@/components/hooks/use-panel-url';
import { annotationSources } from '@/lib/annotations/sources';
import { useViewState } from '@/components/hooks/use-view-state';
import { adhocFilters, adhocProblems, effectiveVars, variableSource } from '@/lib/dashboards/variables';
import { usePromqlParser } from '@/components/hooks/use-promql-parser';
import { Panel } from '@/components/panel/panel';
import { PanelErrorBoundary } from '@/components/panel/panel-error-boundary';
import { PanelFrame } from '@/components/panel/panel-frame';
import { InteractionsCode } from '@/components/panel/timeseries-chart';
import type { DashboardDef, PanelDef } from '@/lib/dashboards/types';
import type { PanelContext } from '@/components/panel/kinds/types';
import { parseShiftSec, planViewRange, type RangeSettings } from '@/lib/url/view-state';
import { usesGrid } from '@/lib/dashboards/layout';
import { AnswersBoundary } from './prefetched-queries';
import { GridView } from './grid-view';
import { AnnotationsMenu } from './annotations-menu';
import { CompareSelect } from './compare-select';
import { VariableControl } from './variable-select';
import { useRepeated } from './use-repeats';
import { DashboardLinks } from './dashboard-links';

export type DashboardViewProps = { dashboard: DashboardDef; settings: RangeSettings };

/** A dashboard page: notices, variables, and its panels, all driven by the URL. */
export function DashboardView({ dashboard, settings }: DashboardViewProps) {
  const spec = useMemo(() => ({ variables: dashboard.variables.map((v) => v.name) }), [dashboard]);
  const { state, notices, update, anchorMs } = useViewState(spec);
  const [dismissed, setDismissed] = useState<string>('');
  const range = useMemo(() => planViewRange(state, anchorMs, settings), [state, anchorMs, settings]);
  const onZoom = (fromMs: number, toMs: number) =>
    update({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
  const shiftSec = state.shift ? parseShiftSec(state.shift) : null;
  const shift = useMemo(
    () => (state.shift && shiftSec ? { sec: shiftSec, label: state.shift } : undefined),
    [state.shift, shiftSec],
  );
  const [annotationsShown, setAnnotationsShown] = useAnnotationsShown();
  const sources = useMemo(() => annotationSources(dashboard), [dashboard]);
  const rangeSec = range.end - range.start;
  const vars = useMemo(
    () => effectiveVars(dashboard.variables, state.vars, rangeSec),
    [dashboard.variables, state.vars, rangeSec],
  );
  const ctx: PanelContext = {
    vars,
    range,
    onZoom,
    ...(shift ? { shift } : {}),
    ...(annotationsShown ? { annotations: sources } : {}),
  };
  const linkCtx = useMemo(
    () => ({ vars, fromMs: range.start * 1000, toMs: range.end * 1000 }),
    [vars, range.start, range.end],
  );
  const { viewing, close } = usePanelView();
  const grid = usesGrid(dashboard);
  const repeated = useRepeated(dashboard, state.vars, range);
  // With ad hoc filters, every panel waits for the parser that puts them into its queries.
  const filtered = adhocFilters(vars).length > 0;
  const parser = usePromqlParser(filtered);
  const drawn = useMemo(
    () => (filtered && !parser.ready ? { ...repeated, waiting: new Set(repeated.panels.map((p) => p.id)) } : repeated),
    [repeated, filtered, parser.ready],
  );
  const alone = viewing === null ? undefined : drawn.panels.find((p) => p.id === viewing);
  const allNotices = [
    ...notices,
    ...adhocProblems(dashboard.variables, state.vars),
    ...(parser.error ? [parser.error] : []),
    ...drawn.notices,
    ...(viewing !== null && !alone
      ? [`"view=${viewing.slice(0, 60)}" is not a panel of this page; showing them all.`]
      : []),
  ];
  const noticeKey = allNotices.join('|');
  useEffect(() => {
    if (!alone) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !isTypingTarget(e.target)) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [alone, close]);

  return (
    <div className="mx-auto max-w-[1800px] space-y-3">
      {/* Rendered on the server: the HTML then preloads the charts' interaction code. */}
      <Suspense fallback={null}>
        {dashboard.panels.some((p) => p.kind === 'timeseries') && <InteractionsCode />}
      </Suspense>
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">{dashboard.title}</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">{dashboard.description}</p>
      </div>
      {dashboard.links?.length ? <DashboardLinks links={dashboard.links} ctx={linkCtx} /> : null}
      {allNotices.length > 0 && dismissed !== noticeKey && (
        <div
          role="status"
          data-testid="url-notice"
          className="flex items-start gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <ul className="flex-1 list-disc pl-4">
            {allNotices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setDismissed(noticeKey)} className="text-xs underline">
            Dismiss
          </button>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-4">
        {dashboard.variables.length > 0 && (
          <div className="flex flex-wrap items-center gap-4" aria-label="Filters">
            {dashboard.variables.map((v) => (
              <VariableControl
                key={v.name}
                def={v}
                source={variableSource(dashboard.variables, v.name, state.vars)}
                selected={state.vars[v.name] ?? []}
                start={range.start}
                end={range.end}
                onChange={(values) => update({ vars: { [v.name]: values } })}
              />
            ))}
          </div>
        )}
        <CompareSelect value={state.shift} onChange={(next) => update({ shift: next })} />
        <AnnotationsMenu sources={sources} range={range} shown={annotationsShown} onShownChange={setAnnotationsShown} />
      </div>
      {alone && (
        <div data-testid="panel-view" className="space-y-2">
          <button
            type="button"
            onClick={close}
            className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            ← Back to {dashboard.title} <span className="text-xs text-slate-500">(Esc)</span>
          </button>
          <PanelSlot def={alone} ctx={ctx} full waiting={drawn.waiting} />
        </div>
      )}
      {!alone && grid && (
        <GridView dashboard={drawn} slot={(def) => <PanelSlot def={def} ctx={ctx} waiting={drawn.waiting} />} />
      )}
      {!alone && !grid && (
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
          {drawn.panels.map((p) => (
            <PanelSlot key={p.id} def={p} ctx={ctx} waiting={drawn.waiting} />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * One panel in its own error boundary; a panel whose answers are still on their way streams in
 * on its own behind a skeleton of its frame.
 */
function PanelSlot({
  def,
  ctx,
  full = false,
  waiting,
}: {
  def: PanelDef;
  ctx: PanelContext;
  full?: boolean;
  /** Repeated panels still waiting for their variable's values: loading until they are known. */
  waiting?: ReadonlySet<string>;
}) {
  const loading = (
    <PanelFrame
      id={def.id}
      title={def.title}
      description={def.description}
      state="loading"
      queries={[]}
      wide={def.wide}
      full={full}
    />
  );
  if (waiting?.has(def.id)) return loading;
  return (
    <PanelErrorBoundary id={def.id} title={def.title}>
      <AnswersBoundary fallback={loading}>
        <Panel def={def} {...ctx} full={full} />
      </AnswersBoundary>
    </PanelErrorBoundary>
  );
}
