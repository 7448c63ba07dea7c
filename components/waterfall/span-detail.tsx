'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { spanOptions, type TraceSource } from '@/lib/queries/traces';
import { formatNs } from '@/lib/traces/view/ticks';
import { AttributeList } from './attribute-list';
import { CopyButton } from './copy-button';
import { LoadError } from '@/components/shell/load-error';
import { ApiError } from '@/lib/queries/fetch-json';

export type SpanDetailProps = { source: TraceSource; spanId: string; traceStartNs: string; onClose: () => void };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="border-t border-slate-200 py-2 dark:border-slate-800">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

/** Everything about one span; raw timings always, relative to the trace start. */
export function SpanDetail({ source, spanId, traceStartNs, onClose }: SpanDetailProps) {
  const q = useQuery(spanOptions(source, spanId));
  const rel = (ns: string) => formatNs(Number(BigInt(ns) - BigInt(traceStartNs)));
  return (
    <aside
      data-testid="span-detail"
      data-span-id={spanId}
      aria-label="Span details"
      className="flex min-h-0 w-[22rem] xl:w-[28rem] shrink-0 flex-col overflow-auto rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-2 flex items-start gap-2">
        <h2 className="min-w-0 flex-1 break-words text-sm font-semibold">{q.data?.span.name ?? 'Span'}</h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close span details"
          className="rounded px-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          ×
        </button>
      </div>
      {q.isPending && <div className="skeleton h-40 rounded bg-slate-100 dark:bg-slate-800" />}
      {q.error && q.error instanceof ApiError && q.error.status === 404 ? (
        // A deep link (a traceparent's parent span, an old link) to a span this trace does not hold:
        // nothing to retry. Say so, and let the trace be read without it.
        <div role="status" data-testid="span-missing" className="text-sm">
          <p>
            Span <span className="font-mono">{spanId}</span> is not in this trace.
          </p>
          <p className="mt-1 text-xs text-slate-500">
            A traceparent names the caller’s span, which may have been sent to another store or not sent at all.
          </p>
          <button
            type="button"
            onClick={onClose}
            className="mt-2 text-xs text-indigo-700 underline dark:text-indigo-300"
          >
            Show the trace without it
          </button>
        </div>
      ) : (
        q.error && (
          <LoadError what="Could not load the span" message={q.error.message} onRetry={() => void q.refetch()} />
        )
      )}
      {q.data && (
        <div className="text-xs">
          <dl className="mb-2 grid grid-cols-[7rem_1fr] gap-y-0.5">
            <dt className="text-slate-500">Service</dt>
            <dd>{q.data.span.service}</dd>
            <dt className="text-slate-500">Kind</dt>
            <dd>{q.data.span.kind}</dd>
            <dt className="text-slate-500">Status</dt>
            <dd
              data-testid="span-status"
              className={q.data.span.status.code === 'error' ? 'font-medium text-red-700 dark:text-red-400' : ''}
            >
              {q.data.span.status.code}
              {q.data.span.status.message && `: ${q.data.span.status.message}`}
            </dd>
            <dt className="text-slate-500">Duration</dt>
            <dd data-testid="span-duration" data-duration-ns={q.data.span.durationNs}>
              {formatNs(Number(q.data.span.durationNs))}
            </dd>
            <dt className="text-slate-500">Start</dt>
            <dd>
              +{rel(q.data.span.startNs)} <span className="text-slate-500">({q.data.span.startNs} ns)</span>
            </dd>
            <dt className="text-slate-500">Span id</dt>
            <dd className="font-mono">
              {q.data.span.spanId} <CopyButton text={q.data.span.spanId} label="Copy span id" />
            </dd>
            <dt className="text-slate-500">Trace id</dt>
            <dd className="break-all font-mono">
              {q.data.span.traceId} <CopyButton text={q.data.span.traceId} label="Copy trace id" />
            </dd>
            {q.data.span.parentSpanId && (
              <>
                <dt className="text-slate-500">Parent</dt>
                <dd className="font-mono">{q.data.span.parentSpanId}</dd>
              </>
            )}
          </dl>
          <Section title={`Attributes (${q.data.span.attributes.length})`}>
            <AttributeList attributes={q.data.span.attributes} />
            {q.data.span.droppedAttributesCount > 0 && (
              <p className="text-slate-500">{q.data.span.droppedAttributesCount} attributes dropped by the SDK</p>
            )}
          </Section>
          <Section title={`Events (${q.data.span.events.length})`}>
            {q.data.span.events.length === 0 && <p className="text-slate-500">None</p>}
            <ol className="space-y-1">
              {q.data.span.events.map((ev, i) => (
                <li key={i}>
                  <span className="font-medium">{ev.name}</span>{' '}
                  <span className="text-slate-500">
                    at +{formatNs(Number(BigInt(ev.timeNs) - BigInt(q.data.span.startNs)))} into the span
                  </span>
                  <AttributeList attributes={ev.attributes} empty="" />
                </li>
              ))}
            </ol>
          </Section>
          <Section title={`Links (${q.data.span.links.length})`}>
            {q.data.span.links.length === 0 && <p className="text-slate-500">None</p>}
            <ul>
              {q.data.span.links.map((l, i) => (
                <li key={i}>
                  <Link
                    className="font-mono text-indigo-700 underline dark:text-indigo-300"
                    href={`/traces/${l.traceId}?span=${l.spanId}`}
                  >
                    {l.traceId.slice(0, 12)}…/{l.spanId}
                  </Link>
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Resource">
            <AttributeList attributes={q.data.resource.attributes} />
          </Section>
          <Section title="Instrumentation scope">
            <p>
              {q.data.scope.name || '(unnamed)'} {q.data.scope.version}
            </p>
          </Section>
        </div>
      )}
    </aside>
  );
}
