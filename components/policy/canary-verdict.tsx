'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { z } from 'zod/mini';
import { useViewState } from '@/components/hooks/use-view-state';
import { fetchJson } from '@/lib/queries/fetch-json';
import { canaryVerdict, type Status } from '@/lib/stats/canary';
import { parseThresholds } from '@/lib/url/thresholds';
import { resolveRange } from '@/lib/url/view-state';
import { ThresholdsEditor } from './thresholds-editor';
import { LoadError } from '@/components/shell/load-error';
import { useServerAnswers } from '@/components/dashboard/prefetched-queries';
import { canaryKey } from '@/lib/policy/canary-queries';

const bucket = z.object({ le: z.nullable(z.number()), count: z.number() });
const sample = z.object({
  evaluations: z.number(),
  wouldDeny: z.number(),
  errors: z.number(),
  latency: z.object({ sum: z.number(), count: z.number(), buckets: z.array(bucket) }),
  cacheHits: z.number(),
  cacheMisses: z.number(),
});
const canarySchema = z.object({
  samples: z.object({ 'dry-run': sample, enforce: sample }),
  enforcePercent: z.nullable(z.number()),
  routing: z.array(z.object({ reason: z.string(), mode: z.string(), count: z.number() })),
  killSwitchActive: z.boolean(),
  queries: z.record(z.string(), z.string()),
});
type Sample = z.infer<typeof sample>;
// JSON has no Infinity: the +Inf bucket arrives as null.
const fromWire = (s: Sample) => ({
  ...s,
  latency: { ...s.latency, buckets: s.latency.buckets.map((b) => ({ le: b.le ?? Infinity, count: b.count })) },
});

const STATUS: Record<Status, string> = {
  pass: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  marginal: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  fail: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  nodata: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};
const LABEL: Record<Status, string> = { pass: 'Pass', marginal: 'Marginal', fail: 'Fail', nodata: 'No data' };

function fmt(id: string, v: number | null): string {
  if (v === null) return '–';
  if (id.includes('latency')) return `${(v * 1000).toFixed(3)} ms`;
  return `${(v * 100).toFixed(2)} %`;
}

/** The verdict's place while its inputs are on their way. */
export function VerdictSkeleton() {
  return (
    <section
      data-testid="canary-verdict"
      data-state="loading"
      aria-busy
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">Canary verdict: enforce vs dry-run in this range</h2>
      <div className="skeleton mt-3 h-36 rounded bg-slate-100 dark:bg-slate-800" aria-label="Loading" />
    </section>
  );
}

/** Is it safe to enforce more? Enforce vs dry-run over the page's range, judged against the URL's thresholds. */
export function CanaryVerdict() {
  const { state, anchorMs } = useViewState({ variables: [] });
  const params = useSearchParams();
  const { thresholds, notices } = parseThresholds(new URLSearchParams(params.toString()));
  const { fromMs, toMs } = resolveRange(state, anchorMs);
  const start = Math.floor(fromMs / 1000);
  const end = Math.floor(toMs / 1000);
  useServerAnswers([canaryKey(start, end)]);
  const q = useQuery({
    queryKey: canaryKey(start, end),
    queryFn: ({ signal }) => fetchJson(`/api/policy/canary?start=${start}&end=${end}`, canarySchema, signal),
  });
  const v = q.data
    ? canaryVerdict(
        fromWire(q.data.samples['dry-run']),
        fromWire(q.data.samples.enforce),
        thresholds,
        q.data.enforcePercent,
      )
    : null;
  const state_ = q.isPending ? 'loading' : q.error ? 'error' : 'ready';
  return (
    <section
      data-testid="canary-verdict"
      data-state={state_}
      data-status={v?.status ?? ''}
      aria-labelledby="verdict-title"
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      {q.data?.killSwitchActive && (
        <p
          role="alert"
          data-testid="kill-switch-banner"
          className="mb-3 rounded bg-red-600 px-3 py-2 text-sm font-medium text-white"
        >
          Incident: the emergency kill switch is on. Every policy evaluation is forced to dry-run; nothing is being
          enforced.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="verdict-title" className="text-base font-semibold">
          Canary verdict: enforce vs dry-run in this range
        </h2>
        {v && (
          <span data-testid="verdict-badge" className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS[v.status]}`}>
            {LABEL[v.status]}
            {v.score !== null ? ` · score ${v.score.toFixed(0)}` : ''}
          </span>
        )}
        {q.data && (
          <span data-testid="enforce-percent" className="text-sm text-slate-600 dark:text-slate-300">
            enforce share {q.data.enforcePercent === null ? '–' : `${q.data.enforcePercent.toFixed(1)} %`}
          </span>
        )}
        <ThresholdsEditor thresholds={thresholds} />
      </div>
      {notices.length > 0 && <p className="mt-1 text-xs text-amber-800 dark:text-amber-200">{notices.join(' ')}</p>}
      {q.isPending && <div className="skeleton mt-3 h-40 rounded bg-slate-100 dark:bg-slate-800" />}
      {q.error && (
        <LoadError
          variant="block"
          className="mt-3"
          what="The canary inputs could not load"
          message={q.error.message}
          onRetry={() => void q.refetch()}
        />
      )}
      {v && (
        <>
          {v.nextStep && <p className="mt-2 text-sm text-emerald-800 dark:text-emerald-300">Next step: {v.nextStep}</p>}
          <table className="mt-3 w-full text-xs">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="py-1">Metric</th>
                <th className="whitespace-nowrap py-1 text-right">Dry-run</th>
                <th className="whitespace-nowrap py-1 pl-2 text-right">Enforce</th>
                <th className="py-1 pl-3">Result</th>
                <th className="py-1">Effect and interval</th>
              </tr>
            </thead>
            <tbody>
              {v.metrics.map((m) => (
                <tr
                  key={m.id}
                  data-testid="verdict-metric"
                  data-metric={m.id}
                  data-status={m.status}
                  className="border-t border-slate-100 dark:border-slate-800"
                >
                  <td className="py-1">{m.label}</td>
                  <td className="py-1 text-right">{fmt(m.id, m.dryRun)}</td>
                  <td className="py-1 text-right">{fmt(m.id, m.enforce)}</td>
                  <td className="py-1 pl-3">
                    <span
                      className={`rounded px-1.5 ${STATUS[m.status]}`}
                      data-more-data={m.moreData ? 'true' : undefined}
                    >
                      {m.moreData ? 'More data needed' : LABEL[m.status]}
                    </span>
                  </td>
                  <td className="py-1 text-slate-600 dark:text-slate-300">
                    {m.moreData && (
                      <span className="font-medium text-slate-800 dark:text-slate-100">
                        More data needed: {m.moreData.have.toLocaleString('en-US')} of about{' '}
                        {m.moreData.need.toLocaleString('en-US')} evaluations per mode to decide.{' '}
                      </span>
                    )}
                    {m.why}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">
            Inputs: {Math.round(q.data!.samples['dry-run'].evaluations).toLocaleString('en-US')} dry-run and{' '}
            {Math.round(q.data!.samples.enforce.evaluations).toLocaleString('en-US')} enforce evaluations (increase over
            the range). Score = pass 1, marginal ½, fail 0, averaged over metrics with data; pass ≥{' '}
            {thresholds.scorePass}, marginal ≥ {thresholds.scoreMarginal}; any failing metric fails the canary.
          </p>
        </>
      )}
    </section>
  );
}
