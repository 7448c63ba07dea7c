'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { compareOptions, type CompareResponse } from '@/lib/queries/traces';
import { parseTraceIdInput } from '@/lib/traces/trace-id-input';
import { formatNs } from '@/lib/traces/view/ticks';
import { LoadError } from '@/components/shell/load-error';

const STATUS_STYLE = {
  matched: '',
  added: 'bg-emerald-50 dark:bg-emerald-950/50',
  removed: 'bg-rose-50 dark:bg-rose-950/50',
} as const;

function Delta({ ns, base }: { ns: number; base: number }) {
  if (ns === 0) return <span className="text-slate-400">±0</span>;
  const pct = base > 0 ? ` (${ns > 0 ? '+' : ''}${((ns / base) * 100).toFixed(0)}%)` : '';
  return (
    <span
      className={ns > 0 ? 'text-rose-700 dark:text-rose-300' : 'text-emerald-700 dark:text-emerald-300'}
    >{`${ns > 0 ? '+' : '−'}${formatNs(Math.abs(ns))}${pct}`}</span>
  );
}

function Side({ label, s }: { label: string; s: CompareResponse['a'] }) {
  return (
    <div className="min-w-0 flex-1 rounded-lg border border-slate-200 bg-white p-3 text-xs dark:border-slate-800 dark:bg-slate-900">
      <p className="font-semibold">
        {label}: {s.root ? `${s.root.service}: ${s.root.name}` : 'trace'}
      </p>
      <Link href={`/traces/${s.traceId}`} className="font-mono text-indigo-700 underline dark:text-indigo-300">
        {s.traceId}
      </Link>
      <p className="mt-1">
        {formatNs(s.durationNs)} · {s.spanCount.toLocaleString('en-US')} spans · {s.errorCount} errors
      </p>
    </div>
  );
}

/** /traces/compare?a=&b=: structure and duration differences between two traces. */
export function TraceCompare() {
  const params = useSearchParams();
  const pathname = usePathname();
  const [a, setA] = useState(params.get('a') ?? '');
  const [b, setB] = useState(params.get('b') ?? '');
  const [error, setError] = useState<string | null>(null);
  const qa = params.get('a') ?? '';
  const qb = params.get('b') ?? '';
  const changesOnly = params.get('changes') === '1';
  const q = useQuery({ ...compareOptions(qa, qb), enabled: qa !== '' && qb !== '' });
  const go = (next: Record<string, string>) =>
    window.history.pushState(
      null,
      '',
      `${pathname}?${new URLSearchParams({ ...Object.fromEntries(params), ...next })}`,
    );
  const rows = q.data
    ? changesOnly
      ? q.data.rows.filter(
          (r) => r.status !== 'matched' || r.subtreeChanged || (r.deltaNs !== undefined && Math.abs(r.deltaNs) >= 1e6),
        )
      : q.data.rows
    : [];
  return (
    <div className="space-y-3">
      <form
        aria-label="Traces to compare"
        className="flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          const pa = parseTraceIdInput(a);
          const pb = parseTraceIdInput(b);
          if ('error' in pa) return setError(`A: ${pa.error}`);
          if ('error' in pb) return setError(`B: ${pb.error}`);
          setError(null);
          go({ a: pa.traceId, b: pb.traceId });
        }}
      >
        {(
          [
            ['A (before)', a, setA],
            ['B (after)', b, setB],
          ] as const
        ).map(([label, v, set]) => (
          <label key={label} className="flex flex-col text-xs">
            {label}
            <input
              aria-label={`Trace ${label[0]}`}
              value={v}
              onChange={(e) => set(e.target.value)}
              className="w-80 rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-950"
            />
          </label>
        ))}
        <button type="submit" className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500">
          Compare
        </button>
        <label className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            checked={changesOnly}
            onChange={(e) => go({ changes: e.target.checked ? '1' : '0' })}
          />{' '}
          changes only
        </label>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {!qa || !qb ? (
        <p className="text-sm text-slate-500">
          Enter two trace ids: the waterfall of each has a “Compare with…” box too.
        </p>
      ) : null}
      {q.isPending && qa && qb && <div className="skeleton h-64 rounded-lg bg-slate-200 dark:bg-slate-800" />}
      {q.error && (
        <LoadError
          variant="block"
          what="The comparison failed"
          message={q.error.message}
          onRetry={() => void q.refetch()}
        />
      )}
      {q.data && (
        <>
          <div className="flex gap-3">
            <Side label="A" s={q.data.a} />
            <Side label="B" s={q.data.b} />
          </div>
          <p data-testid="compare-summary" className="text-sm">
            Duration <Delta ns={q.data.b.durationNs - q.data.a.durationNs} base={q.data.a.durationNs} /> ·{' '}
            {q.data.matched} matched ·{' '}
            <span className="text-emerald-700 dark:text-emerald-300">{q.data.added} added</span> ·{' '}
            <span className="text-rose-700 dark:text-rose-300">{q.data.removed} removed</span>
            {q.data.truncated ? ' · showing the first 5,000 rows' : ''}
          </p>
          <div className="overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table data-testid="compare-table" className="w-full text-xs">
              <thead className="bg-slate-50 dark:bg-slate-800">
                <tr>
                  <th className="px-2 py-1 text-left">Service · operation</th>
                  <th className="px-2 py-1 text-right">A</th>
                  <th className="px-2 py-1 text-right">B</th>
                  <th className="px-2 py-1 text-right">Change</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr
                    key={i}
                    data-testid="compare-row"
                    data-status={r.status}
                    data-changed={r.subtreeChanged ? 'true' : 'false'}
                    className={`border-t border-slate-100 dark:border-slate-800 ${STATUS_STYLE[r.status]}`}
                  >
                    <td className="px-2 py-1" style={{ paddingLeft: 8 + r.depth * 14 }}>
                      <span aria-label={r.status} className="mr-1 inline-block w-3 font-bold">
                        {r.status === 'added' ? '+' : r.status === 'removed' ? '−' : r.subtreeChanged ? '~' : ''}
                      </span>
                      <span className="text-slate-500">{r.service}</span> {r.name}
                    </td>
                    <td className="px-2 py-1 text-right">
                      {r.aDurNs !== undefined ? (
                        <Link className="hover:underline" href={`/traces/${q.data.a.traceId}?span=${r.aSpanId}`}>
                          {formatNs(r.aDurNs)}
                        </Link>
                      ) : (
                        ''
                      )}
                    </td>
                    <td className="px-2 py-1 text-right">
                      {r.bDurNs !== undefined ? (
                        <Link className="hover:underline" href={`/traces/${q.data.b.traceId}?span=${r.bSpanId}`}>
                          {formatNs(r.bDurNs)}
                        </Link>
                      ) : (
                        ''
                      )}
                    </td>
                    <td data-testid="compare-delta" className="px-2 py-1 text-right">
                      {r.deltaNs !== undefined ? <Delta ns={r.deltaNs} base={r.aDurNs!} /> : r.status}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
