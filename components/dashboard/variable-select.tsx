'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { VariableDef } from '@/lib/dashboards/types';
import { AUTO, autoInterval, choicesRequest, keepByRegex } from '@/lib/dashboards/variables';
import { variableChoicesOptions } from '@/lib/queries/prom';
import { Popover } from '@/components/shell/popover';
import { AdhocControl } from './adhoc-control';

export type VariableSelectProps = {
  def: VariableDef;
  /** The selector whose values are offered: the variable's own, narrowed by the ones before it. */
  source: string;
  selected: string[];
  start: number;
  end: number;
  onChange: (values: string[]) => void;
};

const field = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950';

/**
 * A variable's control, by its kind: a text box, a single choice of fixed values (an interval,
 * a single-valued custom variable), or the multi-select of values (from Prometheus, or fixed).
 * A constant shows nothing.
 */
export function VariableControl(p: VariableSelectProps) {
  const { def, selected, onChange } = p;
  const kind = def.kind ?? 'label';
  if (kind === 'constant') return null;
  if (kind === 'adhoc') return <AdhocControl {...p} />;
  if (kind === 'textbox')
    return <TextVariable def={def} value={selected[0] ?? def.values?.[0] ?? ''} onChange={onChange} />;
  if (kind === 'interval' || (kind === 'custom' && !def.multi)) {
    const auto = kind === 'interval' ? def.auto : undefined;
    const options = [...(auto ? [AUTO] : []), ...(def.values ?? [])];
    const value = selected[0] ?? (kind === 'interval' ? options[0] : '') ?? '';
    return (
      <label className="flex items-center gap-1.5 text-sm" data-testid={`var-${def.name}`}>
        <span className="text-slate-500">{def.label}</span>
        <select className={field} value={value} onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}>
          {kind === 'custom' && <option value="">All</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {auto && o === AUTO ? `auto (${autoInterval(p.end - p.start, auto)})` : o}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return <VariableSelect {...p} />;
}

function TextVariable({
  def,
  value,
  onChange,
}: {
  def: VariableSelectProps['def'];
  value: string;
  onChange: (v: string[]) => void;
}) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  return (
    <label className="flex items-center gap-1.5 text-sm" data-testid={`var-${def.name}`}>
      <span className="text-slate-500">{def.label}</span>
      <input
        className={field}
        value={text}
        maxLength={500}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== value && onChange([text])}
        onKeyDown={(e) => e.key === 'Enter' && onChange([text])}
      />
    </label>
  );
}

/** A multi-select of values (label values from Prometheus, or a custom variable's); nothing selected means all. */
export function VariableSelect({ def, source, selected, start, end, onChange }: VariableSelectProps) {
  const fixed = def.kind === 'custom' ? (def.values ?? []) : null;
  const q = useQuery({ ...variableChoicesOptions(choicesRequest(def, source), start, end), enabled: fixed === null });
  const offered = fixed ?? keepByRegex(q.data?.values ?? [], def.regex);
  const [filter, setFilter] = useState('');
  // The URL is the source of truth but updates a moment later; show the click at once.
  const urlKey = selected.join('\u0000');
  const [local, setLocal] = useState({ urlKey, values: selected });
  if (local.urlKey !== urlKey) setLocal({ urlKey, values: selected });
  const current = local.urlKey === urlKey ? local.values : selected;
  const values = [...new Set([...offered, ...current])].sort();
  const shown = values.filter((v) => v.toLowerCase().includes(filter.toLowerCase()));
  const summary = current.length === 0 ? 'All' : current.length === 1 ? current[0] : `${current.length} selected`;
  const set = (next: string[]) => {
    setLocal({ urlKey, values: next });
    onChange(next);
  };
  const toggle = (v: string) => set(current.includes(v) ? current.filter((x) => x !== v) : [...current, v]);

  return (
    <div className="flex items-center gap-1.5 text-sm" data-testid={`var-${def.name}`}>
      <span className="text-slate-500">{def.label}</span>
      <Popover
        align="left"
        title={`Filter by ${def.label}`}
        testId={`var-${def.name}-button`}
        label={<span className="inline-block max-w-[14rem] truncate align-bottom">{summary}</span>}
      >
        {() => (
          <div>
            <input
              autoFocus
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder={`Search ${def.label.toLowerCase()}…`}
              aria-label={`Search ${def.label}`}
              className="mb-2 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
            />
            {fixed === null && q.isPending && <p className="skeleton text-xs text-slate-500">Loading values…</p>}
            {q.error && (
              <p role="alert" className="text-xs text-red-600 dark:text-red-400">
                Could not load values: {q.error.message}{' '}
                <button type="button" className="underline" onClick={() => q.refetch()}>
                  Retry
                </button>
              </p>
            )}
            {(fixed !== null || q.data) && values.length === 0 && (
              <p className="text-xs text-slate-500">
                Prometheus has no values of {def.name} in this range
                {source === def.source ? '' : ' for the filters chosen before it'}.
              </p>
            )}
            <div className="mb-2 flex gap-2 text-xs">
              <button type="button" className="underline" onClick={() => set([])}>
                All
              </button>
            </div>
            <ul className="max-h-64 overflow-y-auto" role="group" aria-label={`${def.label} values`}>
              {shown.map((v) => (
                <li key={v}>
                  <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800">
                    <input
                      type="checkbox"
                      checked={current.includes(v)}
                      onChange={() => toggle(v)}
                      data-testid="var-option"
                      data-value={v}
                    />
                    <span className="break-all">{v}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Popover>
    </div>
  );
}
