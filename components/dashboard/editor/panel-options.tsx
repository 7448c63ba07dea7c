'use client';

import {
  type ColorThresholds,
  LEGEND_COLUMNS,
  type PanelDef,
  type QueryPanelDef,
  type ThresholdLine,
} from '@/lib/dashboards/types';
import { editorField } from './editor-dialog';
import { Colour, num, NumberField, Rows } from './option-fields';
import { Mappings, Overrides } from './option-lists';

const field = editorField;

type Props = { draft: QueryPanelDef; set: (change: Partial<PanelDef>) => void };

/** Kinds that colour one value per series by thresholds. */
const COLOURED = new Set(['stat', 'gauge', 'bargauge', 'barchart']);
/** Kinds that write values as text, where decimals and value mappings apply. */
const WRITTEN = new Set(['stat', 'gauge', 'bargauge', 'barchart', 'piechart', 'table']);

/**
 * A panel's display options, by its kind: decimals and value mappings where values are written,
 * colour thresholds on single-value kinds, and on a time series its threshold lines, legend and
 * series overrides. Each list edits in place; Apply checks the whole panel against the model.
 */
export function PanelOptions({ draft, set }: Props) {
  return (
    <section aria-label="Display options" className="space-y-3 text-sm">
      {(WRITTEN.has(draft.kind) || draft.kind === 'timeseries') && (
        <label className="flex w-40 flex-col gap-1">
          Decimals
          <input
            className={field}
            type="number"
            min={0}
            max={10}
            placeholder="auto"
            value={draft.decimals ?? ''}
            onChange={(e) => set({ decimals: num(e.target.value) })}
          />
        </label>
      )}
      {COLOURED.has(draft.kind) && (
        <ColourThresholds
          value={(draft as { thresholds?: ColorThresholds }).thresholds}
          onChange={(thresholds) => set({ thresholds } as Partial<PanelDef>)}
        />
      )}
      {draft.kind === 'timeseries' && (
        <>
          <LineThresholds
            value={draft.thresholds ?? []}
            onChange={(t) => set({ thresholds: t.length ? t : undefined })}
          />
          <Legend draft={draft} set={set} />
          <Overrides value={draft.overrides ?? []} onChange={(o) => set({ overrides: o.length ? o : undefined })} />
        </>
      )}
      {(WRITTEN.has(draft.kind) || draft.kind === 'timeseries') && (
        <Mappings value={draft.mappings ?? []} onChange={(m) => set({ mappings: m.length ? m : undefined })} />
      )}
    </section>
  );
}

function ColourThresholds({ value, onChange }: { value?: ColorThresholds; onChange: (t?: ColorThresholds) => void }) {
  const t = value ?? { base: 'green', steps: [] };
  return (
    <div className="space-y-1">
      <Colour
        label="Colour below the first threshold"
        value={t.base}
        onChange={(base) => onChange({ ...t, base: base ?? 'green' })}
      />
      <Rows
        title="Thresholds"
        items={t.steps}
        blank={{ value: 0, color: 'red' }}
        onChange={(steps) => onChange(steps.length || value ? { ...t, steps } : undefined)}
      >
        {(s, put) => (
          <>
            <NumberField label="From" value={s.value} onChange={(v) => put({ value: v ?? 0 })} />
            <Colour label="Colour" value={s.color} onChange={(c) => put({ color: c ?? 'red' })} />
          </>
        )}
      </Rows>
    </div>
  );
}

function LineThresholds({ value, onChange }: { value: ThresholdLine[]; onChange: (t: ThresholdLine[]) => void }) {
  return (
    <Rows title="Threshold lines" items={value} blank={{ value: 0, label: 'limit' }} onChange={onChange}>
      {(l, put) => (
        <>
          <NumberField label="At" value={l.value} onChange={(v) => put({ value: v ?? 0 })} />
          <label className="flex flex-col gap-1 text-xs">
            Label
            <input className={`${field} w-32`} value={l.label} onChange={(e) => put({ label: e.target.value })} />
          </label>
          <Colour label="Colour" value={l.color} onChange={(color) => put({ color })} />
        </>
      )}
    </Rows>
  );
}

function Legend({ draft, set }: { draft: Extract<PanelDef, { kind: 'timeseries' }>; set: Props['set'] }) {
  const legend = draft.legend ?? {};
  const columns = legend.columns ?? ['last', 'mean', 'max'];
  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded border border-slate-200 p-2 dark:border-slate-800">
      <legend className="px-1 text-xs font-semibold">Legend</legend>
      <label className="flex flex-col gap-1 text-xs">
        Placement
        <select
          className={field}
          value={legend.placement ?? 'bottom'}
          onChange={(e) => set({ legend: { ...legend, placement: e.target.value as 'bottom' | 'right' | 'hidden' } })}
        >
          <option value="bottom">bottom</option>
          <option value="right">right</option>
          <option value="hidden">hidden</option>
        </select>
      </label>
      {LEGEND_COLUMNS.map((c) => (
        <label key={c} className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={columns.includes(c)}
            onChange={(e) =>
              set({
                legend: {
                  ...legend,
                  columns: e.target.checked
                    ? LEGEND_COLUMNS.filter((x) => x === c || columns.includes(x))
                    : columns.filter((x) => x !== c),
                },
              })
            }
          />
          {c}
        </label>
      ))}
    </fieldset>
  );
}
