'use client';

import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import { Panel } from '@/components/panel/panel';
import { EditorDialog, editorField } from './editor-dialog';
import { PanelOptions } from './panel-options';
import { RepeatFields } from './option-fields';
import { PanelErrorBoundary } from '@/components/panel/panel-error-boundary';
import type { PanelContext } from '@/components/panel/kinds/types';
import { UNITS, type Unit } from '@/lib/format/units';
import { blankPanel, replacePanel } from '@/lib/dashboards/edit';
import { parseDashboard } from '@/lib/dashboards/schema';
import { drawPx } from '@/lib/dashboards/layout';
import { type DashboardDef, hasQueries, PANEL_KIND_NAMES, type PanelDef, type PanelKind } from '@/lib/dashboards/types';

const PromqlEditor = dynamic(() => import('@/components/explore/promql-editor').then((m) => m.PromqlEditor), {
  ssr: false,
  loading: () => <div className="skeleton h-9 rounded border border-slate-300 bg-slate-100 dark:border-slate-700" />,
});

type Props = {
  dashboard: DashboardDef;
  panel: PanelDef;
  ctx: PanelContext;
  onApply: (next: PanelDef) => void;
  onCancel: () => void;
};

const field = editorField;

/** A panel of another kind that keeps what the two kinds share (title, place, queries, unit). */
function changeKind(p: PanelDef, kind: PanelKind): PanelDef {
  const next = blankPanel(kind, p.id, p.grid ?? { x: 0, y: 0, w: 12, h: 8 });
  const shared = { title: p.title, description: p.description };
  if (hasQueries(p) && hasQueries(next))
    return { ...next, ...shared, unit: p.unit, queries: p.queries, variables: p.variables } as PanelDef;
  return { ...next, ...shared } as PanelDef;
}

/**
 * One panel's editor: its live preview above, its fields below (title, description, kind, unit,
 * range of values, place on the grid, display options (components/dashboard/editor/panel-options),
 * and its queries in the Explore PromQL editor, each with
 * its legend format). The preview asks for the queries when they are run (Shift-Enter, or the
 * button), the rest as it is typed. Apply checks the panel against the model first.
 */
export function PanelEditor({ dashboard, panel, ctx, onApply, onCancel }: Props) {
  const [draft, setDraft] = useState<PanelDef>(panel);
  const [ran, setRan] = useState<PanelDef>(panel);
  const run = () => setRan(draft);
  const shown = useMemo(() => {
    const live = { ...draft, height: Math.min(320, drawPx(draft.grid?.h ?? 8, draft)) } as PanelDef;
    return hasQueries(live) && hasQueries(ran) ? ({ ...live, queries: ran.queries } as PanelDef) : live;
  }, [draft, ran]);
  const problem = useMemo(() => {
    const r = parseDashboard(replacePanel(dashboard, draft, panel.id));
    return r.ok ? null : r.error;
  }, [dashboard, draft, panel.id]);
  const set = (change: Partial<PanelDef>) => setDraft((d) => ({ ...d, ...change }) as PanelDef);
  const grid = draft.grid ?? { x: 0, y: 0, w: 12, h: 8 };
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

  return (
    <EditorDialog
      title="Edit panel"
      label={`Edit panel ${panel.title}`}
      testId="panel-editor"
      width="max-w-5xl"
      problem={problem}
      onApply={() => onApply(draft)}
      onCancel={onCancel}
    >
      <div className="space-y-3">
        <div data-testid="panel-preview">
          <PanelErrorBoundary id={shown.id} title={shown.title}>
            <Panel def={shown} {...ctx} />
          </PanelErrorBoundary>
        </div>
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm">
            Title
            <input
              autoFocus
              className={field}
              value={draft.title}
              maxLength={200}
              onChange={(e) => set({ title: e.target.value })}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Kind
            <select
              className={field}
              value={draft.kind}
              onChange={(e) => {
                const next = changeKind(draft, e.target.value as PanelKind);
                setDraft(next);
                setRan(next);
              }}
            >
              {PANEL_KIND_NAMES.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm md:col-span-2">
            Description
            <input
              className={field}
              value={draft.description}
              maxLength={5000}
              onChange={(e) => set({ description: e.target.value })}
            />
          </label>
          {hasQueries(draft) && (
            <label className="flex flex-col gap-1 text-sm">
              Unit
              <select className={field} value={draft.unit} onChange={(e) => set({ unit: e.target.value as Unit })}>
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            </label>
          )}
          {(draft.kind === 'timeseries' || draft.kind === 'gauge' || draft.kind === 'bargauge') && (
            <div className="flex gap-2 text-sm">
              {(['min', 'max'] as const).map((k) => (
                <label key={k} className="flex flex-1 flex-col gap-1">
                  {k === 'min' ? 'Min' : 'Max'}
                  <input
                    className={field}
                    type="number"
                    value={draft[k] ?? ''}
                    onChange={(e) => set({ [k]: num(e.target.value) ?? (draft.kind === 'gauge' ? 0 : undefined) })}
                  />
                </label>
              ))}
            </div>
          )}
          <fieldset className="flex gap-2 text-sm md:col-span-2">
            <legend className="mb-1">Place on the grid (24 columns; rows of 30 px)</legend>
            {(['x', 'y', 'w', 'h'] as const).map((k) => (
              <label key={k} className="flex flex-1 flex-col gap-1">
                {{ x: 'Column', y: 'Row', w: 'Width', h: 'Height' }[k]}
                <input
                  className={field}
                  type="number"
                  min={k === 'w' || k === 'h' ? 1 : 0}
                  value={grid[k]}
                  onChange={(e) => set({ grid: { ...grid, [k]: Math.round(Number(e.target.value) || 0) } })}
                />
              </label>
            ))}
          </fieldset>
          <RepeatFields variables={dashboard.variables} value={draft.repeat} onChange={(repeat) => set({ repeat })} />
        </div>
        {draft.kind === 'text' && (
          <label className="flex flex-col gap-1 text-sm">
            Content (Markdown)
            <textarea
              className={`${field} min-h-40 font-mono`}
              value={draft.content}
              onChange={(e) => set({ content: e.target.value })}
            />
          </label>
        )}
        {hasQueries(draft) && <PanelOptions draft={draft} set={set} />}
        {hasQueries(draft) && (
          <QueriesEditor draft={draft} onChange={(queries) => set({ queries } as Partial<PanelDef>)} onRun={run} />
        )}
      </div>
    </EditorDialog>
  );
}

function QueriesEditor({
  draft,
  onChange,
  onRun,
}: {
  draft: Extract<PanelDef, { queries: unknown }>;
  onChange: (queries: Extract<PanelDef, { queries: unknown }>['queries']) => void;
  onRun: () => void;
}) {
  const qs = draft.queries;
  const put = (i: number, change: Partial<(typeof qs)[number]>) =>
    onChange(qs.map((q, j) => (j === i ? { ...q, ...change } : q)));
  return (
    // Shift-Enter runs the queries from anywhere among them (a legend field as well as the editor).
    <section
      aria-label="Queries"
      className="space-y-2"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.shiftKey && !e.defaultPrevented) {
          e.preventDefault();
          onRun();
        }
      }}
    >
      <div className="flex items-center gap-2">
        <h3 className="flex-1 text-sm font-semibold">Queries</h3>
        <button type="button" onClick={onRun} className={`${field} hover:bg-slate-100 dark:hover:bg-slate-800`}>
          Run queries <span className="text-xs text-slate-500">(Shift-Enter)</span>
        </button>
        <button
          type="button"
          disabled={qs.length >= 26}
          onClick={() => onChange([...qs, { expr: '' }])}
          className={`${field} hover:bg-slate-100 dark:hover:bg-slate-800`}
        >
          Add query
        </button>
      </div>
      {qs.map((q, i) => {
        const ref = String.fromCharCode(65 + i);
        return (
          <div
            key={i}
            className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-800"
            data-testid="query-row"
          >
            <div className="flex items-center gap-2 text-xs font-semibold">
              <span className="flex-1">Query {ref}</span>
              <button
                type="button"
                disabled={qs.length === 1}
                onClick={() => onChange(qs.filter((_, j) => j !== i))}
                className="rounded px-1.5 py-0.5 hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800"
              >
                Remove query {ref}
              </button>
            </div>
            <PromqlEditor
              value={q.expr}
              onChange={(expr) => put(i, { expr })}
              onRun={onRun}
              label={`Query ${ref} (PromQL)`}
            />
            <label className="flex items-center gap-2 text-xs">
              Legend
              <input
                className={`${field} flex-1 font-mono text-xs`}
                placeholder="{{label}} …"
                value={q.legend ?? ''}
                maxLength={500}
                onChange={(e) => put(i, { legend: e.target.value || undefined })}
              />
            </label>
          </div>
        );
      })}
    </section>
  );
}
