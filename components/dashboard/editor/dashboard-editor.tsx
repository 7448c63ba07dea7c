'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { useViewState } from '@/components/hooks/use-view-state';
import type { PanelContext } from '@/components/panel/kinds/types';
import { addPanel, addRow, forEditing, replacePanel, withUsedVariables } from '@/lib/dashboards/edit';
import type { DashboardDef } from '@/lib/dashboards/types';
import { effectiveVars, withoutAdhoc } from '@/lib/dashboards/variables';
import { planViewRange, type RangeSettings } from '@/lib/url/view-state';
import { EditGrid } from './edit-grid';
import { PanelEditor } from './panel-editor';
import { SaveDialog, type Saved } from './save-dialog';
import { SettingsEditor } from './settings-editor';
import { VariablesEditor } from './variables-editor';

export type DashboardEditorProps = {
  initial: DashboardDef;
  /** null for a dashboard not saved yet (new, or a copy of a built-in page) */
  uid: string | null;
  version: number | null;
  tags: string[];
  settings: RangeSettings;
};

const tool =
  'rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:hover:bg-slate-800';

/**
 * The dashboard editor: title, panels on the grid (drag, resize, add, duplicate, remove), rows,
 * the panel editor, and saving with a message. Leaving with unsaved changes asks first (closing
 * the tab, and links inside the console).
 */
export function DashboardEditor({ initial, uid, version, tags, settings }: DashboardEditorProps) {
  const router = useRouter();
  const [def, setDef] = useState(() => forEditing(initial));
  const [saved, setSaved] = useState<{ json: string; uid: string | null; version: number | null }>(() => ({
    json: JSON.stringify(forEditing(initial)),
    uid,
    version,
  }));
  const dirty = JSON.stringify(def) !== saved.json;
  const [editing, setEditing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [varsOpen, setVarsOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  useLeaveWarning(dirty);

  const spec = useMemo(() => ({ variables: def.variables.map((v) => v.name) }), [def.variables]);
  const { state, anchorMs } = useViewState(spec);
  const range = useMemo(() => planViewRange(state, anchorMs, settings), [state, anchorMs, settings]);
  const rangeSec = range.end - range.start;
  // The editor draws the panels as saved: without the reader's ad hoc filters.
  const vars = useMemo(
    () => withoutAdhoc(effectiveVars(def.variables, state.vars, rangeSec)),
    [def.variables, state.vars, rangeSec],
  );
  const ctx: PanelContext = { vars, range, onZoom: () => {} };
  const panel = editing ? def.panels.find((p) => p.id === editing) : undefined;

  const onSaved = (s: Saved) => {
    setSaved({ json: JSON.stringify(def), uid: s.uid, version: s.version });
    setSaving(false);
    if (!saved.uid) router.replace(`/dashboards/${s.uid}/edit`);
  };

  return (
    <div className="mx-auto max-w-[1800px] space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="dashboard-title">
          Dashboard title
        </label>
        <input
          id="dashboard-title"
          value={def.title}
          maxLength={200}
          onChange={(e) => setDef({ ...def, title: e.target.value })}
          className="min-w-64 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-lg font-semibold dark:border-slate-700 dark:bg-slate-950"
        />
        <button
          type="button"
          className={tool}
          onClick={() => {
            const r = addPanel(def);
            setDef(r.def);
            setEditing(r.id);
          }}
        >
          Add panel
        </button>
        <button type="button" className={tool} onClick={() => setDef(addRow(def))}>
          Add row
        </button>
        <button type="button" className={tool} onClick={() => setVarsOpen(true)}>
          Variables ({def.variables.length})
        </button>
        <button type="button" className={tool} onClick={() => setSettingsOpen(true)}>
          Settings
        </button>
        {saved.uid && (
          <Link className={tool} href={`/dashboards/${saved.uid}/versions`}>
            Versions
          </Link>
        )}
        {saved.uid && (
          <Link className={tool} href={`/dashboards/${saved.uid}`}>
            {dirty ? 'Leave editor' : 'Done'}
          </Link>
        )}
        <button
          type="button"
          onClick={() => setSaving(true)}
          disabled={!dirty && saved.uid !== null}
          className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50"
        >
          Save
        </button>
        <span data-testid="save-state" className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {dirty ? 'Unsaved changes' : saved.version ? `Saved: version ${saved.version}` : ''}
        </span>
      </div>
      {def.panels.length === 0 && (def.rows ?? []).length === 0 && (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
          This dashboard has no panels yet. “Add panel” puts one on the grid and opens its editor.
        </p>
      )}
      <EditGrid def={def} onChange={setDef} onEdit={setEditing} ctx={ctx} />
      {panel && (
        <PanelEditor
          key={panel.id}
          dashboard={def}
          panel={panel}
          ctx={ctx}
          onCancel={() => setEditing(null)}
          onApply={(next) => {
            // A panel that had {{filter}} keeps its choice of label variables; a new use takes them all.
            const had = 'queries' in panel && panel.queries.some((q) => q.expr.includes('{{filter}}'));
            setDef(replacePanel(def, withUsedVariables(next, def.variables, had ? [] : def.variables), panel.id));
            setEditing(null);
          }}
        />
      )}
      {settingsOpen && (
        <SettingsEditor
          dashboard={def}
          onCancel={() => setSettingsOpen(false)}
          onApply={(s) => {
            setDef({ ...def, ...s });
            setSettingsOpen(false);
          }}
        />
      )}
      {varsOpen && (
        <VariablesEditor
          dashboard={def}
          onCancel={() => setVarsOpen(false)}
          onApply={(variables) => {
            // Panels keep only variables that still exist, and take up new ones their queries use.
            const names = new Set(variables.map((v) => v.name));
            const before = new Set(def.variables.map((v) => v.name));
            const added = variables.filter((v) => !before.has(v.name));
            const panels = def.panels.map((p) =>
              'variables' in p
                ? withUsedVariables({ ...p, variables: p.variables.filter((n) => names.has(n)) }, variables, added)
                : p,
            );
            setDef({ ...def, variables, panels });
            setVarsOpen(false);
          }}
        />
      )}
      {saving && (
        <SaveDialog
          def={def}
          uid={saved.uid}
          version={saved.version}
          tags={tags}
          onSaved={onSaved}
          onCancel={() => setSaving(false)}
        />
      )}
    </div>
  );
}

/** Ask before leaving with unsaved changes: closing or reloading the tab, and links inside the console. */
function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a || e.defaultPrevented || (a as HTMLAnchorElement).target === '_blank') return;
      if (!window.confirm('This dashboard has unsaved changes. Leave without saving?')) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);
}
