'use client';

import 'react-grid-layout/css/styles.css';
import { useMemo, useRef } from 'react';
import { GridLayout, useContainerWidth, type Layout } from 'react-grid-layout';
import { Panel } from '@/components/panel/panel';
import { PanelErrorBoundary } from '@/components/panel/panel-error-boundary';
import { repeatable } from '@/lib/dashboards/repeat';
import type { PanelContext } from '@/components/panel/kinds/types';
import { applyLayout, duplicatePanel, removePanel, removeRow, toLayout, updateRow } from '@/lib/dashboards/edit';
import { drawPx, GAP_PX, GRID_COLS, ROW_PX } from '@/lib/dashboards/layout';
import type { DashboardDef } from '@/lib/dashboards/types';

type Props = {
  def: DashboardDef;
  onChange: (next: DashboardDef) => void;
  onEdit: (panelId: string) => void;
  ctx: PanelContext;
};

const button =
  'rounded px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-200 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-slate-200 dark:hover:bg-slate-700';

/**
 * The editor's grid: panels drawn live, dragged by their bar and resized from their corner on
 * the 24 columns; rows are bars across it (drag one to move it, and the panels below it are its
 * own). Every change goes back into the dashboard through `onChange`.
 */
export function EditGrid({ def, onChange, onEdit, ctx }: Props) {
  const { width, containerRef, mounted } = useContainerWidth();
  const layout = useMemo(
    () =>
      toLayout(def).map((l) =>
        l.i.startsWith('row:') ? { ...l, isResizable: false, minW: GRID_COLS } : { ...l, minW: 2, minH: 2 },
      ),
    [def],
  );
  // While a panel is being dragged or resized the grid keeps its own layout: a new one from the
  // dashboard mid-gesture would restart the gesture from the old size. It is written back at the end.
  const moving = useRef(false);
  const write = (next: Layout) => {
    const changed = applyLayout(def, next);
    if (changed !== def) onChange(changed);
  };
  const start = () => {
    moving.current = true;
  };
  const stop = (next: Layout) => {
    moving.current = false;
    write(next);
  };
  return (
    <div ref={containerRef} data-testid="edit-grid" className="min-h-40">
      {mounted && (
        <GridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: GRID_COLS, rowHeight: ROW_PX, margin: [GAP_PX, GAP_PX], containerPadding: [0, 0] }}
          dragConfig={{ handle: '.drag-handle', cancel: 'button,input,a,select,textarea' }}
          resizeConfig={{ handles: ['se'] }}
          onLayoutChange={(next) => !moving.current && write(next)}
          onDragStart={start}
          onResizeStart={start}
          onDragStop={stop}
          onResizeStop={stop}
        >
          {(def.rows ?? []).map((r) => (
            <div
              key={`row:${r.id}`}
              data-testid="edit-row"
              className="drag-handle flex cursor-move items-center gap-2 border-b-2 border-slate-300 bg-slate-50 px-2 dark:border-slate-700 dark:bg-slate-900"
            >
              <span aria-hidden className="text-slate-400">
                ⠿
              </span>
              <input
                aria-label="Row title"
                value={r.title}
                maxLength={200}
                onChange={(e) => onChange(updateRow(def, r.id, { title: e.target.value }))}
                className="min-w-0 flex-1 bg-transparent text-sm font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
              />
              <label className="flex items-center gap-1 text-xs">
                <input
                  type="checkbox"
                  checked={!!r.collapsed}
                  onChange={(e) => onChange(updateRow(def, r.id, { collapsed: e.target.checked }))}
                />
                Collapsed when opened
              </label>
              <select
                aria-label="Repeat the row for"
                value={r.repeat?.variable ?? ''}
                onChange={(e) =>
                  onChange(updateRow(def, r.id, { repeat: e.target.value ? { variable: e.target.value } : undefined }))
                }
                className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-950"
              >
                <option value="">Not repeated</option>
                {def.variables
                  .filter((v) => repeatable(v.kind))
                  .map((v) => (
                    <option key={v.name} value={v.name}>
                      One per ${v.name}
                    </option>
                  ))}
              </select>
              <button type="button" className={button} onClick={() => onChange(removeRow(def, r.id))}>
                Remove row
              </button>
            </div>
          ))}
          {def.panels.map((p) => (
            <div
              key={`panel:${p.id}`}
              data-testid="edit-panel"
              data-panel-id={p.id}
              className="flex flex-col overflow-hidden rounded-lg ring-1 ring-slate-300 dark:ring-slate-700"
            >
              <div className="drag-handle flex cursor-move items-center gap-1 bg-slate-100 px-2 py-0.5 dark:bg-slate-800">
                <span aria-hidden className="text-slate-400">
                  ⠿
                </span>
                <span className="min-w-0 flex-1 truncate text-xs text-slate-600 dark:text-slate-300">
                  {p.title}
                  {p.repeat && (
                    <span className="ml-1 text-slate-500 dark:text-slate-400" data-testid="repeat-note">
                      · one per ${p.repeat.variable} when viewed
                    </span>
                  )}
                </span>
                <button type="button" className={button} onClick={() => onEdit(p.id)} aria-label={`Edit ${p.title}`}>
                  Edit
                </button>
                <button
                  type="button"
                  className={button}
                  onClick={() => onChange(duplicatePanel(def, p.id))}
                  aria-label={`Duplicate ${p.title}`}
                >
                  Duplicate
                </button>
                <button
                  type="button"
                  className={button}
                  onClick={() => onChange(removePanel(def, p.id))}
                  aria-label={`Remove ${p.title}`}
                >
                  Remove
                </button>
              </div>
              <div className="min-h-0 flex-1 [&>section]:h-full [&>section]:overflow-y-auto [&>section]:rounded-none [&>section]:border-0">
                <PanelErrorBoundary id={p.id} title={p.title}>
                  <Panel def={{ ...p, height: drawPx(p.grid?.h ?? 8, p) - 24 }} {...ctx} />
                </PanelErrorBoundary>
              </div>
            </div>
          ))}
        </GridLayout>
      )}
    </div>
  );
}
