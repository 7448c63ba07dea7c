'use client';

import type { ReactNode } from 'react';
import { cssColor } from '@/lib/charts/reduce';
import { repeatable } from '@/lib/dashboards/repeat';
import type { PanelRepeat, VariableDef } from '@/lib/dashboards/types';
import { editorField } from './editor-dialog';

/** The small parts the panel editor's option lists are made of. */
const field = editorField;
export const small = 'rounded px-1.5 py-0.5 text-xs underline hover:bg-slate-100 dark:hover:bg-slate-800';
export const num = (v: string) => (v.trim() === '' || Number.isNaN(Number(v)) ? undefined : Number(v));

/** A titled list of rows, each removable, with a button that adds one. */
export function Rows<T>({
  title,
  items,
  onChange,
  blank,
  children,
}: {
  title: string;
  items: T[];
  onChange: (next: T[]) => void;
  blank: T;
  children: (item: T, put: (change: Partial<T>) => void, i: number) => ReactNode;
}) {
  return (
    <fieldset className="rounded border border-slate-200 p-2 dark:border-slate-800">
      <legend className="px-1 text-xs font-semibold">{title}</legend>
      <ul className="space-y-1.5">
        {items.map((item, i) => (
          <li
            key={i}
            className="flex flex-wrap items-end gap-2"
            data-testid={`${title.toLowerCase().replace(/ /g, '-')}-row`}
          >
            {children(item, (change) => onChange(items.map((x, j) => (j === i ? { ...x, ...change } : x))), i)}
            <button type="button" className={small} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className={`${small} mt-1`} onClick={() => onChange([...items, blank])}>
        Add to {title.toLowerCase()}
      </button>
    </fieldset>
  );
}

export function Colour({ label, value, onChange }: { label: string; value?: string; onChange: (c?: string) => void }) {
  return (
    <label className="flex flex-col gap-1 text-xs">
      {label}
      <span className="flex items-center gap-1">
        <span
          aria-hidden
          className="inline-block h-4 w-4 rounded border border-slate-300 dark:border-slate-600"
          style={{ background: value ? cssColor(value) : 'transparent' }}
        />
        <input
          className={`${field} w-28 font-mono`}
          value={value ?? ''}
          placeholder="red, #e02f44"
          onChange={(e) => onChange(e.target.value.trim() || undefined)}
        />
      </span>
    </label>
  );
}

export function NumberField({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: number;
  onChange: (v?: number) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs">
      {label}
      <input
        className={`${field} w-28`}
        type="number"
        value={value ?? ''}
        onChange={(e) => onChange(num(e.target.value))}
      />
    </label>
  );
}

/**
 * "Repeat for": one copy of the panel per value of a variable (label, query or custom), side by
 * side (at most "per row" to a row) or stacked.
 */
export function RepeatFields({
  variables,
  value,
  onChange,
}: {
  variables: readonly VariableDef[];
  value?: PanelRepeat;
  onChange: (r?: PanelRepeat) => void;
}) {
  const offered = variables.filter((v) => repeatable(v.kind));
  return (
    <fieldset className="flex flex-wrap items-end gap-2 text-sm md:col-span-2" data-testid="repeat-fields">
      <legend className="mb-1">Repeat (one copy per value of a variable)</legend>
      <label className="flex flex-col gap-1">
        Repeat for
        <select
          className={field}
          value={value?.variable ?? ''}
          onChange={(e) => onChange(e.target.value ? { ...value, variable: e.target.value } : undefined)}
        >
          <option value="">{offered.length ? 'Not repeated' : 'Not repeated (no variable to repeat by)'}</option>
          {offered.map((v) => (
            <option key={v.name} value={v.name}>
              ${v.name}
            </option>
          ))}
        </select>
      </label>
      {value && (
        <>
          <label className="flex flex-col gap-1">
            Direction
            <select
              className={field}
              value={value.direction ?? 'h'}
              onChange={(e) => onChange({ ...value, direction: e.target.value === 'v' ? 'v' : undefined })}
            >
              <option value="h">Side by side</option>
              <option value="v">Stacked</option>
            </select>
          </label>
          {value.direction !== 'v' && (
            <label className="flex flex-col gap-1">
              Per row
              <input
                className={`${field} w-20`}
                type="number"
                min={1}
                max={24}
                placeholder="4"
                value={value.maxPerRow ?? ''}
                onChange={(e) => {
                  const n = num(e.target.value);
                  onChange({ ...value, maxPerRow: n === undefined ? undefined : Math.round(n) });
                }}
              />
            </label>
          )}
        </>
      )}
    </fieldset>
  );
}
