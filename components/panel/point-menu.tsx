'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTimeZone } from '@/components/hooks/time-zone';
import { formatClock } from '@/lib/format/time-zone';
import { formatValue, type Unit } from '@/lib/format/units';
import { fetchJson } from '@/lib/queries/fetch-json';
import { traceSearchResponseSchema } from '@/lib/queries/trace-search';
import { seriesTraceTags } from '@/lib/dashboards/trace-tags';
import { formatLogfmt } from '@/lib/traces/search';

export type PointMenuProps = {
  t: number;
  values: { name: string; color: string; value: number; unit?: Unit; labels?: Record<string, string> }[];
  unit: Unit;
  /** The histogram's top finite bucket (panel unit): a value there means "at least this". */
  ceiling?: number;
  stepMs: number;
  service?: string;
  x: number;
  y: number;
  onClose: () => void;
};

/** A value on the chart in ms, as a trace search duration. */
function asMs(v: number, unit: Unit): number {
  return unit === 's' ? v * 1000 : v;
}

/** From a point on a latency line to traces: slower than it in its window, or the slowest at or below it. */
export function PointMenu({ t, values, unit, ceiling, stepMs, service, x, y, onClose }: PointMenuProps) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timeZone = useTimeZone();
  const from = Math.floor(t - stepMs);
  const to = Math.ceil(t + stepMs);
  // The series' own labels (workflow type, agent, model) as span attributes: its traces, not the service's.
  const base = (labels: Record<string, string> | undefined, extra: Record<string, string>) => {
    const tags = formatLogfmt(seriesTraceTags(labels));
    return new URLSearchParams({
      ...(service ? { service } : {}),
      ...(tags ? { tags } : {}),
      from: String(from),
      to: String(to),
      ...extra,
    });
  };
  const atCeiling = (v: number) => ceiling !== undefined && Math.abs(v - ceiling) <= ceiling * 1e-6;
  /** The slowest trace at or below the value (or, at the histogram's ceiling, the slowest of all above it). */
  const slowest = async (v: PointMenuProps['values'][number]) => {
    setBusy(v.name);
    setError(null);
    try {
      const ms = asMs(v.value, unit);
      const above = atCeiling(v.value);
      const bound: Record<string, string> = { [above ? 'minDuration' : 'maxDuration']: `${ms.toFixed(3)}ms` };
      const r = await fetchJson(
        `/api/traces?${base(v.labels, { ...bound, limit: '1000' })}`,
        traceSearchResponseSchema,
      );
      const best = r.traces
        .filter((tr) => above || Number(tr.durationNs) <= ms * 1e6)
        .sort((a, b) => Number(b.durationNs) - Number(a.durationNs))[0];
      if (!best)
        setError(
          `No trace ${above ? 'at or above' : 'at or below'} ${formatValue(v.value, unit)} of ${v.name} between ${formatClock(from, timeZone)} and ${formatClock(to, timeZone)}.`,
        );
      else router.push(`/traces/${best.traceId}`);
    } catch (e) {
      setError(`The trace search failed: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div
      role="dialog"
      aria-label="Traces at this point"
      data-testid="point-menu"
      onMouseDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault(); // this Escape closes the menu only (not a view the page is in)
        onClose();
      }}
      className="absolute z-20 w-80 rounded border border-slate-200 bg-white p-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900"
      style={{ left: Math.max(0, x - 160), top: y + 8 }}
    >
      <div className="mb-1 flex items-center">
        <p className="flex-1 font-medium">
          Traces at <span data-testid="point-time">{formatClock(t, timeZone)}</span>
        </p>
        <button
          type="button"
          autoFocus
          aria-label="Close"
          onClick={onClose}
          className="rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          ×
        </button>
      </div>
      <ul className="space-y-1.5">
        {values.slice(0, 5).map((v) => {
          const top = atCeiling(v.value);
          return (
            <li key={v.name} data-testid="point-series" data-series={v.name}>
              <p>
                <span style={{ color: v.color }}>{v.name}</span>{' '}
                <span className="font-mono" data-testid="point-value">
                  {top ? '≥ ' : ''}
                  {formatValue(v.value, v.unit ?? unit)}
                </span>
                {top && <span className="text-slate-500"> (the histogram’s top bucket)</span>}
              </p>
              <div className="flex gap-3">
                <Link
                  data-testid="point-slower"
                  className="text-indigo-700 underline dark:text-indigo-300"
                  href={`/traces?${base(v.labels, { minDuration: `${asMs(v.value, unit).toFixed(3)}ms` })}`}
                >
                  {top ? 'this long or longer, in this window' : 'slower than this, in this window'}
                </Link>
                <Link
                  data-testid="point-why"
                  className="text-indigo-700 underline dark:text-indigo-300"
                  href={`/traces/analyze?${base(v.labels, {
                    // The window around the point (five steps before it), split at its value.
                    from: String(Math.floor(t - 5 * stepMs)),
                    split: `${asMs(v.value, unit).toFixed(3)}ms`,
                  })}`}
                >
                  why is this slow?
                </Link>
                <button
                  type="button"
                  data-testid="point-slowest"
                  disabled={busy !== null}
                  className="text-indigo-700 underline disabled:opacity-50 dark:text-indigo-300"
                  onClick={() => void slowest(v)}
                >
                  {busy === v.name ? 'searching…' : top ? 'the slowest' : 'slowest at or below'}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="mt-1 text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
