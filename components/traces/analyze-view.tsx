'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { type FormEvent, useMemo } from 'react';
import { z } from 'zod/mini';
import { useTimeAnchor } from '@/components/hooks/time-anchor';
import { LoadError } from '@/components/shell/load-error';
import { formatValue } from '@/lib/format/units';
import { fetchJson } from '@/lib/queries/fetch-json';
import { ANALYZE_FIELDS, analyzeQuery, traceAnalysisKeys } from '@/lib/queries/trace-analysis';
import { useServerAnswers } from '@/components/dashboard/prefetched-queries';
import type { AnalysisResult } from '@/lib/server/analyze';
import { Icicle } from './icicle';

const answer = z.custom<AnalysisResult>((v) => typeof v === 'object' && v !== null && 'trees' in v);

const VIEWS = ['diff', 'slow', 'base'] as const;
type View = (typeof VIEWS)[number];

const field = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950';

/**
 * /traces/analyze (issue 17): a trace search split into slow and baseline at a percentile or a
 * duration; what grew on their aggregated critical path, in words and as icicles; and the
 * attribute values the slow requests have in common. Everything is in the URL.
 */
export function AnalyzeView() {
  const params = useSearchParams();
  const pathname = usePathname();
  const { anchorMs, bump } = useTimeAnchor();
  const qs = analyzeQuery(new URLSearchParams(params.toString()));
  const key = traceAnalysisKeys.analyze(qs, anchorMs);
  // On a full page load the server started the analysis: it comes with the page.
  useServerAnswers([key]);
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'diff';
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchJson(`/api/traces/analyze?${qs}`, answer, signal),
  });
  const set = (patch: Record<string, string>) => {
    const sp = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch))
      if (v) sp.set(k, v);
      else sp.delete(k);
    window.history.pushState(null, '', `${pathname}?${sp}`);
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    set(Object.fromEntries(ANALYZE_FIELDS.map((k) => [k, String(f.get(k) ?? '').trim()])));
    bump();
  };
  const diffByKey = useMemo(() => new Map((q.data?.diff ?? []).map((d) => [d.key, d])), [q.data]);
  const from = params.get('from') ?? 'now-1h';
  const to = params.get('to') ?? 'now';
  return (
    <div className="mx-auto max-w-[1800px] space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">Why is it slow?</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          The traces a search finds, split into slow and baseline: what grew on their critical path, and what the slow
          ones have in common.
        </p>
      </div>
      <form key={qs} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Traces to analyse">
        {(
          [
            ['service', 'Service', 'orchestrator'],
            ['operation', 'Operation', 'POST /v1/chat/completions'],
            ['tags', 'Tags', 'workflow.type=SimpleTaskWorkflow'],
            ['minDuration', 'Min duration', '100ms'],
            ['maxDuration', 'Max duration', '10s'],
            ['split', 'Slow from', 'p90'],
            ['sample', 'Traces per group', '5000'],
            ['population', 'Newest traces read', '20000'],
          ] as const
        ).map(([k, label, hint]) => (
          <label key={k} className="flex flex-col gap-1 text-xs">
            {label}
            <input name={k} defaultValue={params.get(k) ?? ''} placeholder={hint} className={field} />
          </label>
        ))}
        <button
          type="submit"
          className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
        >
          Analyse
        </button>
      </form>
      <section
        data-testid="analysis"
        data-state={q.isPending ? 'loading' : q.error ? 'error' : 'ready'}
        className="space-y-3"
      >
        {q.isPending && <div className="skeleton h-80 rounded-lg bg-slate-200 dark:bg-slate-800" />}
        {q.error && (
          <LoadError
            variant="block"
            what="The analysis failed"
            message={q.error.message}
            onRetry={() => void q.refetch()}
          />
        )}
        {q.data && (
          <>
            <p data-testid="analysis-headline" className="text-lg">
              {q.data.population === 0 ? (
                'No traces match this search in the range.'
              ) : q.data.headline ? (
                <Sentence text={q.data.headline} />
              ) : (
                'No stage takes a clearly larger share of the slow requests’ critical path.'
              )}
            </p>
            <p data-testid="analysis-counts" className="text-xs text-slate-500 dark:text-slate-400">
              {q.data.population.toLocaleString('en-US')} traces
              {q.data.capped ? ` (the newest ${q.data.population.toLocaleString('en-US')})` : ''}; slow from{' '}
              {formatValue(q.data.thresholdNs / 1e6, 'ms')}: {q.data.slow.traces.toLocaleString('en-US')} slow (
              {q.data.slow.sampled.toLocaleString('en-US')} read), {q.data.base.traces.toLocaleString('en-US')} baseline
              ({q.data.base.sampled.toLocaleString('en-US')} read); {q.data.tookMs} ms.
            </p>
            <div role="tablist" aria-label="Critical path view" className="flex gap-1">
              {VIEWS.map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  aria-selected={view === v}
                  onClick={() => set({ view: v === 'diff' ? '' : v })}
                  className={`rounded px-2 py-1 text-sm ${view === v ? 'bg-slate-200 font-medium dark:bg-slate-700' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
                >
                  {v === 'diff' ? 'Difference' : v === 'slow' ? 'Slow' : 'Baseline'}
                </button>
              ))}
            </div>
            <Icicle
              tree={view === 'base' ? q.data.trees.base : q.data.trees.slow}
              {...(view === 'diff' ? { diff: diffByKey } : {})}
              label={`Aggregated critical path: ${view === 'diff' ? 'slow, coloured by how its share grew' : view}`}
            />
            <Attributes data={q.data} from={from} to={to} />
          </>
        )}
      </section>
    </div>
  );
}

function Attributes({ data, from, to }: { data: AnalysisResult; from: string; to: string }) {
  const a = data.attributes;
  // Values that lean slow and that enough slow requests share (one-off values, such as token
  // counts, explain nothing).
  const rows = a.leans.filter((l) => l.slowShare > l.baseShare && l.slow >= 3 && l.slowShare >= 0.05).slice(0, 25);
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return (
    <section aria-labelledby="attrs" className="space-y-1">
      <h2 id="attrs" className="text-sm font-semibold">
        What the slow requests have in common
      </h2>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Span and resource attributes of {a.slowTraces.toLocaleString('en-US')} slow and{' '}
        {a.baseTraces.toLocaleString('en-US')} baseline traces (at most 2,000 of each, evenly spread).
      </p>
      {a.tooFew && (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          Too few traces to say ({a.slowTraces} slow, {a.baseTraces} baseline; 20 in each are needed): widen the range
          or the search.
        </p>
      )}
      <table data-testid="attribute-table" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
          <tr>
            <th className="py-1">Attribute</th>
            <th>Value</th>
            <th className="text-right">Slow</th>
            <th className="text-right">Baseline</th>
            <th className="pr-3 text-right">z</th>
            <th>Confidence</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={`${l.key}=${l.value}`} data-testid="attribute-row" data-confident={l.confident ? 'true' : 'false'}>
              <td className="py-0.5 font-mono text-xs">{l.key}</td>
              <td className="font-mono text-xs">
                <Link
                  className="text-indigo-700 hover:underline dark:text-indigo-300"
                  href={`/traces?${new URLSearchParams({ from, to, tags: `${l.key}=${l.value}` })}`}
                >
                  {l.value}
                </Link>
              </td>
              <td className="text-right font-mono">{pct(l.slowShare)}</td>
              <td className="text-right font-mono">{pct(l.baseShare)}</td>
              <td className="pr-3 text-right font-mono">{l.z.toFixed(1)}</td>
              <td className="text-xs">{l.confident ? 'confident' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && !a.tooFew && (
        <p className="text-sm text-slate-500">
          No attribute value is shared by the slow requests more than by the others.
        </p>
      )}
    </section>
  );
}

/** A sentence with `code` spans, as the server writes operation names. */
function Sentence({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-base dark:bg-slate-800">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
