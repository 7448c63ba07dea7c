'use client';

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Popover } from '@/components/shell/popover';
import { ADHOC_OPS, type AdhocOp, formatAdhoc, parseAdhoc } from '@/lib/prometheus/adhoc';
import type { VariableDef } from '@/lib/dashboards/types';
import { variableChoicesOptions } from '@/lib/queries/prom';

type Props = {
  def: VariableDef;
  selected: string[];
  start: number;
  end: number;
  onChange: (values: string[]) => void;
};

const field = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950';

/**
 * An ad hoc variable's filters: one chip per filter (× removes it) and "Add filter", a label, a
 * matcher and a value, the labels and values offered from Prometheus over the page's range.
 * Every query on the page gets the filters' matchers.
 */
export function AdhocControl({ def, selected, start, end, onChange }: Props) {
  const filters = selected.flatMap((t) => {
    const r = parseAdhoc(t);
    return r.ok ? [{ text: t, filter: r.filter }] : [];
  });
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-sm" data-testid={`var-${def.name}`}>
      <span className="text-slate-500">{def.label}</span>
      {filters.map(({ text, filter: f }) => (
        <span
          key={text}
          data-testid="adhoc-filter"
          className="flex items-center gap-1 rounded border border-sky-300 bg-sky-50 py-0.5 pl-2 pr-1 font-mono text-xs dark:border-sky-800 dark:bg-sky-950"
        >
          {f.key}
          {f.op}&quot;{f.value}&quot;
          <button
            type="button"
            aria-label={`Remove filter ${f.key}${f.op}${f.value}`}
            className="rounded px-1 hover:bg-sky-100 dark:hover:bg-sky-900"
            onClick={() => onChange(selected.filter((s) => s !== text))}
          >
            ×
          </button>
        </span>
      ))}
      <Popover
        align="left"
        width="w-[26rem]"
        title="Add a filter to every query"
        testId={`var-${def.name}-add`}
        label="+ Filter"
      >
        {(close) => (
          <AddFilter
            def={def}
            start={start}
            end={end}
            onAdd={(text) => {
              if (!selected.includes(text)) onChange([...selected, text]);
              close();
            }}
          />
        )}
      </Popover>
    </div>
  );
}

function AddFilter({
  def,
  start,
  end,
  onAdd,
}: {
  def: VariableDef;
  start: number;
  end: number;
  onAdd: (text: string) => void;
}) {
  const [key, setKey] = useState('');
  const [op, setOp] = useState<AdhocOp>('=');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const source = def.source?.trim() ?? '';
  const keys = useQuery(variableChoicesOptions({ from: 'names', label: '', source }, start, end));
  const values = useQuery({
    ...variableChoicesOptions({ from: 'values', label: key, source }, start, end),
    enabled: /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(key),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = formatAdhoc({ key: key.trim(), op, value });
    const r = parseAdhoc(text);
    if (!r.ok) setError(r.error);
    else onAdd(text);
  };
  return (
    <form onSubmit={submit} className="space-y-2" aria-label="New filter">
      <div className="flex items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs">
          Label
          <input
            autoFocus
            className={`${field} w-full font-mono`}
            list={`${id}-keys`}
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setError(null);
            }}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs">
          Matcher
          <select className={`${field} font-mono`} value={op} onChange={(e) => setOp(e.target.value as AdhocOp)}>
            {ADHOC_OPS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs">
          Value
          <input
            className={`${field} w-full font-mono`}
            list={`${id}-values`}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
        </label>
      </div>
      <datalist id={`${id}-keys`}>
        {(keys.data?.values ?? [])
          .filter((k) => !k.startsWith('__'))
          .map((k) => (
            <option key={k} value={k} />
          ))}
      </datalist>
      <datalist id={`${id}-values`}>
        {(values.data?.values ?? []).map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      {keys.error && (
        <p className="text-xs text-amber-700 dark:text-amber-300">
          The labels could not be read ({keys.error.message}); type one.
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <button type="submit" className={`${field} hover:bg-slate-100 dark:hover:bg-slate-800`}>
        Add filter
      </button>
    </form>
  );
}
