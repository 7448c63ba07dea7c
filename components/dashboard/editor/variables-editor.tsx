'use client';

import { useMemo, useState } from 'react';
import { parseDashboard } from '@/lib/dashboards/schema';
import { EditorDialog, editorField } from './editor-dialog';
import {
  type DashboardDef,
  type QueryVariableSource,
  VARIABLE_KINDS,
  type VariableDef,
  type VariableKind,
} from '@/lib/dashboards/types';

type Props = { dashboard: DashboardDef; onApply: (variables: VariableDef[]) => void; onCancel: () => void };

const field = editorField;
const small = 'rounded px-1.5 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800';

const HELP: Record<VariableKind, string> = {
  label: 'values of the label named like the variable; filters every panel that uses {{filter}}',
  query: 'label values, label names or the lines of a query result, kept by a regex; written where $name stands',
  custom: 'a fixed list; written where $name stands',
  interval: 'one of a list of durations, written as it is ([$name])',
  textbox: 'what the reader types, written as it is',
  constant: 'a fixed value, written as it is; not shown',
  adhoc: 'filters the reader adds (label, matcher, value), put into every series of every query',
};

const splitValues = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The dashboard's variables: add, remove, reorder (a variable's choices are narrowed by the
 * label variables before it), and each one's kind and where its values come from. Apply checks
 * them against the model first.
 */
export function VariablesEditor({ dashboard, onApply, onCancel }: Props) {
  const [vars, setVars] = useState<VariableDef[]>(dashboard.variables);
  const problem = useMemo(() => {
    const r = parseDashboard({ ...dashboard, variables: vars });
    return r.ok ? null : r.error;
  }, [dashboard, vars]);
  const put = (i: number, change: Partial<VariableDef>) =>
    setVars((vs) => vs.map((v, j) => (j === i ? { ...v, ...change } : v)));
  const move = (i: number, by: number) =>
    setVars((vs) => {
      const next = [...vs];
      const [v] = next.splice(i, 1);
      next.splice(i + by, 0, v!);
      return next;
    });
  return (
    <EditorDialog
      title="Variables"
      label="Variables"
      testId="variables-editor"
      width="max-w-4xl"
      problem={problem}
      onApply={() => onApply(vars)}
      onCancel={onCancel}
    >
      {vars.length === 0 && (
        <p className="text-sm text-slate-500">
          No variables. A variable puts a selector above the panels; queries use it as {'{{filter}}'} or $name.
        </p>
      )}
      {vars.map((v, i) => {
        const kind = v.kind ?? 'label';
        return (
          <fieldset
            key={i}
            data-testid="variable-row"
            className="grid grid-cols-1 gap-2 rounded border border-slate-200 p-2 md:grid-cols-3 dark:border-slate-800"
          >
            <legend className="flex items-center gap-1 px-1 text-xs font-semibold">
              ${v.name || '…'}
              <button type="button" className={small} disabled={i === 0} onClick={() => move(i, -1)}>
                Move up
              </button>
              <button type="button" className={small} disabled={i === vars.length - 1} onClick={() => move(i, 1)}>
                Move down
              </button>
              <button type="button" className={small} onClick={() => setVars(vars.filter((_, j) => j !== i))}>
                Remove ${v.name}
              </button>
            </legend>
            <label className="flex flex-col gap-1 text-sm">
              Name
              <input
                className={field}
                value={v.name}
                maxLength={64}
                onChange={(e) => put(i, { name: e.target.value })}
              />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              Label
              <input
                className={field}
                value={v.label}
                maxLength={200}
                onChange={(e) => put(i, { label: e.target.value })}
              />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              Kind
              <select
                className={field}
                value={kind}
                onChange={(e) => put(i, { kind: e.target.value as VariableKind })}
                aria-describedby={`var-help-${i}`}
              >
                {VARIABLE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
            <p id={`var-help-${i}`} className="text-xs text-slate-500 md:col-span-3">
              {HELP[kind]}
            </p>
            <SourceFields v={v} put={(change) => put(i, change)} />
            {kind === 'interval' && <AutoFields v={v} put={(change) => put(i, change)} />}
            {kind !== 'label' && kind !== 'query' && kind !== 'adhoc' && (
              <label className="flex flex-col gap-1 text-sm md:col-span-2">
                {kind === 'custom' || kind === 'interval' ? 'Values (comma-separated)' : 'Value'}
                {/* Uncontrolled: the text keeps what is typed (a trailing comma), the model its values. */}
                <input
                  key={`${i}-${kind}`}
                  className={`${field} font-mono`}
                  defaultValue={(v.values ?? []).join(kind === 'custom' || kind === 'interval' ? ', ' : '')}
                  onChange={(e) =>
                    put(i, {
                      values: kind === 'custom' || kind === 'interval' ? splitValues(e.target.value) : [e.target.value],
                    })
                  }
                />
              </label>
            )}
            {(kind === 'custom' || kind === 'query') && (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={!!v.multi} onChange={(e) => put(i, { multi: e.target.checked })} />
                Several values at once
              </label>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        className={field}
        onClick={() => setVars([...vars, { name: `var${vars.length + 1}`, label: 'New variable', source: 'up' }])}
      >
        Add variable
      </button>
    </EditorDialog>
  );
}

type FieldsProps = { v: VariableDef; put: (change: Partial<VariableDef>) => void };

const FROM: Record<QueryVariableSource, string> = {
  values: 'values of a label (label_values)',
  names: 'label names (label_names)',
  result: 'lines of a query result (query_result)',
};

/** Where a label or query variable's choices come from: a selector and label, or a query; and the regex. */
function SourceFields({ v, put }: FieldsProps) {
  const kind = v.kind ?? 'label';
  if (kind !== 'label' && kind !== 'query' && kind !== 'adhoc') return null;
  const from = kind === 'query' ? (v.from ?? 'values') : 'values';
  return (
    <>
      {kind === 'query' && (
        <label className="flex flex-col gap-1 text-sm">
          Choices
          <select
            className={field}
            value={from}
            onChange={(e) => {
              const next = e.target.value as QueryVariableSource;
              put({ from: next === 'values' ? undefined : next });
            }}
          >
            {Object.entries(FROM).map(([k, text]) => (
              <option key={k} value={k}>
                {text}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col gap-1 text-sm md:col-span-2">
        {from === 'result'
          ? 'Query (instant, at the end of the range)'
          : kind === 'adhoc'
            ? 'Series whose labels are offered (empty: every series)'
            : 'Series selector'}
        <input
          className={`${field} font-mono`}
          value={v.source ?? ''}
          placeholder={from === 'result' ? 'topk(5, sum by (job) (up))' : 'metric_name{job="…"}'}
          onChange={(e) => put({ source: e.target.value })}
        />
      </label>
      {kind === 'query' && from === 'values' && (
        <label className="flex flex-col gap-1 text-sm">
          Label
          <input
            className={`${field} font-mono`}
            value={v.labelName ?? ''}
            placeholder={v.name}
            onChange={(e) => put({ labelName: e.target.value || undefined })}
          />
        </label>
      )}
      {kind === 'query' && (
        <label className="flex flex-col gap-1 text-sm md:col-span-2">
          Regex (keeps matching values; the first group when there is one)
          <input
            className={`${field} font-mono`}
            value={v.regex ?? ''}
            placeholder={from === 'result' ? 'job="([^"]+)"' : ''}
            onChange={(e) => put({ regex: e.target.value || undefined })}
          />
        </label>
      )}
    </>
  );
}

/** An interval variable's "auto" choice: the range cut into a number of steps, never under a minimum. */
function AutoFields({ v, put }: FieldsProps) {
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm md:col-span-3">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={!!v.auto}
          onChange={(e) => put({ auto: e.target.checked ? { count: 30, min: '10s' } : undefined })}
        />
        Offer “auto” (follows the range)
      </label>
      {v.auto && (
        <>
          <label className="flex flex-col gap-1">
            Steps in the range
            <input
              type="number"
              min={1}
              max={10000}
              className={`${field} w-24`}
              value={v.auto.count}
              onChange={(e) => put({ auto: { ...v.auto!, count: Math.round(Number(e.target.value)) || 1 } })}
            />
          </label>
          <label className="flex flex-col gap-1">
            At least
            <input
              className={`${field} w-24 font-mono`}
              value={v.auto.min}
              onChange={(e) => put({ auto: { ...v.auto!, min: e.target.value } })}
            />
          </label>
        </>
      )}
    </div>
  );
}
