'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { operationsOptions, servicesOptions } from '@/lib/queries/trace-search';
import { parseTraceSearch } from '@/lib/traces/search';

export type SearchFields = {
  service: string;
  operation: string;
  minDuration: string;
  maxDuration: string;
  tags: string;
  limit: string;
};
export type SearchFormProps = {
  initial: SearchFields;
  onSearch: (f: SearchFields) => void;
  /** The form holds a bad value: the results shown are not of what it says any more. */
  onInvalid?: () => void;
  /** where the time range comes from, said under the button */
  rangeNote?: string;
};

const input =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950';

/** Service and operation (from the store), duration bounds, logfmt tags and a result limit. */
export function SearchForm({
  initial,
  onSearch,
  onInvalid,
  rangeNote = 'The time range is the one in the header.',
}: SearchFormProps) {
  const [f, setF] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const services = useQuery(servicesOptions());
  const operations = useQuery({ ...operationsOptions(f.service), enabled: f.service !== '' });
  const set = (k: keyof SearchFields) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value, ...(k === 'service' ? { operation: '' } : {}) });
  return (
    <form
      aria-label="Trace search"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
      onSubmit={(e) => {
        e.preventDefault();
        const sp = new URLSearchParams(Object.entries(f).filter(([, v]) => v.trim() !== ''));
        const r = parseTraceSearch(sp, Date.now());
        if ('error' in r) {
          setError(r.error);
          onInvalid?.();
          return;
        }
        setError(null);
        onSearch(f);
      }}
    >
      <label className="block">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Service</span>
        <select aria-label="Service" value={f.service} onChange={set('service')} className={input}>
          <option value="">All services</option>
          {services.data?.services.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        {services.error && (
          <span className="text-xs text-red-700 dark:text-red-400">
            Services could not load: {services.error.message}
          </span>
        )}
      </label>
      <label className="block">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Operation</span>
        <select
          aria-label="Operation"
          value={f.operation}
          onChange={set('operation')}
          disabled={f.service === ''}
          className={input}
        >
          <option value="">{f.service === '' ? 'Pick a service first' : 'All operations'}</option>
          {operations.data?.operations.map((o) => (
            <option key={o.name} value={o.name}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className="block">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Min duration</span>
          <input
            aria-label="Min duration"
            value={f.minDuration}
            onChange={set('minDuration')}
            placeholder="250ms"
            className={input}
          />
        </label>
        <label className="block">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Max duration</span>
          <input
            aria-label="Max duration"
            value={f.maxDuration}
            onChange={set('maxDuration')}
            placeholder="1.5s"
            className={input}
          />
        </label>
      </div>
      <label className="block">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Tags (logfmt)</span>
        <input
          aria-label="Tags"
          value={f.tags}
          onChange={set('tags')}
          placeholder='status=error gen_ai.request.model="gpt-4o"'
          className={`${input} font-mono text-xs`}
        />
      </label>
      <label className="block">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Limit</span>
        <input
          aria-label="Limit"
          type="number"
          min={1}
          max={1000}
          value={f.limit}
          onChange={set('limit')}
          placeholder="20"
          className={input}
        />
      </label>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="w-full rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500"
      >
        Find traces
      </button>
      <p className="text-xs text-slate-500">{rangeNote}</p>
    </form>
  );
}
