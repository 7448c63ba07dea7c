'use client';

import { useTimeZone } from '@/components/hooks/time-zone';
import { formatDateTime, zoneOffsetLabel } from '@/lib/format/time-zone';
import type { Overview } from '@/lib/queries/traces';
import { formatNs } from '@/lib/traces/view/ticks';
import { serviceColor } from './colors';

export type TraceHeaderProps = {
  overview: Overview;
  hidden: string[];
  onToggleService: (service: string) => void;
  actions?: React.ReactNode;
};

function startText(ns: string, timeZone: string): string {
  const ms = Number(BigInt(ns) / 1_000_000n);
  return `${formatDateTime(ms, timeZone, true)} ${zoneOffsetLabel(timeZone, ms)}`;
}

/** Root, start, duration, counts, service legend (click to hide), warnings and tokens per model. */
export function TraceHeader({ overview: o, hidden, onToggleService, actions }: TraceHeaderProps) {
  const timeZone = useTimeZone();
  return (
    <header
      data-testid="trace-header"
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="text-base font-semibold">
          {o.root ? (
            <>
              <span className="text-slate-500 dark:text-slate-400">{o.root.service}:</span> {o.root.name}
            </>
          ) : (
            'Trace'
          )}
        </h1>
        <span className="font-mono text-xs text-slate-500">{o.traceId}</span>
        <div className="ml-auto flex gap-2">{actions}</div>
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xs">
        {[
          ['Start', startText(o.startNs, timeZone)],
          ['Duration', formatNs(o.durationNs)],
          ['Spans', o.spanCount.toLocaleString('en-US')],
          ['Services', String(o.services.length)],
          ['Errors', o.errorCount.toLocaleString('en-US')],
          ['Depth', String(o.depth)],
          ['Critical path', `${o.criticalCount.toLocaleString('en-US')} spans`],
        ].map(([k, v]) => (
          <div key={k} className="flex gap-1">
            <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
            <dd
              data-testid={`trace-${k!.toLowerCase().replace(' ', '-')}`}
              className={`font-medium ${k === 'Errors' && o.errorCount > 0 ? 'text-red-700 dark:text-red-400' : ''}`}
            >
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <ul aria-label="Services (click to hide or show)" className="mt-2 flex flex-wrap gap-2">
        {o.services.map((s, rank) => {
          const off = hidden.includes(s.service);
          return (
            <li key={s.service}>
              <button
                type="button"
                aria-pressed={!off}
                onClick={() => onToggleService(s.service)}
                title={off ? `Show ${s.service}` : `Hide ${s.service}`}
                className={`flex items-center gap-1 rounded border px-2 py-0.5 text-xs ${off ? 'border-dashed border-slate-300 text-slate-400 line-through dark:border-slate-700' : 'border-slate-200 dark:border-slate-700'}`}
              >
                <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: serviceColor(rank) }} />
                {s.service} <span className="text-slate-500">{s.spans.toLocaleString('en-US')}</span>
                {s.errors > 0 && <span className="text-red-700 dark:text-red-400">· {s.errors} err</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {o.tokensByModel.length > 0 && (
        <p data-testid="trace-tokens" className="mt-2 text-xs text-violet-800 dark:text-violet-300">
          LLM tokens:{' '}
          {o.tokensByModel
            .map(
              (t) =>
                `${t.model} (${t.provider}): ${t.inputTokens.toLocaleString('en-US')} in, ${t.outputTokens.toLocaleString('en-US')} out in ${t.spans} call${t.spans === 1 ? '' : 's'}`,
            )
            .join(' · ')}
          {o.extrasPending > 0 &&
            ` (counted over the ${(o.spanCount - o.extrasPending).toLocaleString('en-US')} spans loaded so far)`}
        </p>
      )}
      {o.warningCount > 0 && (
        <details className="mt-2 text-xs text-amber-800 dark:text-amber-200">
          <summary className="cursor-pointer">
            {o.warningCount.toLocaleString('en-US')} warning{o.warningCount === 1 ? '' : 's'}:{' '}
            {o.rootCount > 1 ? `${o.rootCount - 1} span(s) without their parent` : ''}
            {o.rootCount > 1 && o.skewedCount > 0 ? ', ' : ''}
            {o.skewedCount > 0 ? `${o.skewedCount} span(s) with clock skew` : ''}
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {o.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
            {o.warningCount > o.warnings.length && <li>… and {o.warningCount - o.warnings.length} more</li>}
          </ul>
        </details>
      )}
    </header>
  );
}
