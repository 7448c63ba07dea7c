'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTimeZone } from '@/components/hooks/time-zone';
import { formatClock } from '@/lib/format/time-zone';
import { formatValue, type Unit } from '@/lib/format/units';
import { fetchJson } from '@/lib/queries/fetch-json';
import { traceSearchResponseSchema } from '@/lib/queries/traces';

export type PointMenuProps = {
  t: number;
  values: { name: string; color: string; value: number; unit?: Unit }[];
  unit: Unit;
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
export function PointMenu({ t, values, unit, stepMs, service, x, y, onClose }: PointMenuProps) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timeZone = useTimeZone();
  const from = Math.floor(t - stepMs);
  const to = Math.ceil(t + stepMs);
  const base = (extra: Record<string, string>) =>
    new URLSearchParams({ ...(service ? { service } : {}), from: String(from), to: String(to), ...extra });
  const slowestBelow = async (name: string, value: number) => {
    setBusy(name);
    setError(null);
    try {
      const ms = asMs(value, unit);
      const r = await fetchJson(
        `/api/traces?${base({ maxDuration: `${ms.toFixed(3)}ms`, limit: '1000' })}`,
        traceSearchResponseSchema,
      );
      const best = r.traces
        .filter((tr) => Number(tr.durationNs) <= ms * 1e6)
        .sort((a, b) => Number(b.durationNs) - Number(a.durationNs))[0];
      if (!best)
        setError(
          `No trace at or below ${formatValue(value, unit)} between ${formatClock(from, timeZone)} and ${formatClock(to, timeZone)}.`,
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
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
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
        {values.slice(0, 5).map((v) => (
          <li key={v.name}>
            <p>
              <span style={{ color: v.color }}>{v.name}</span>{' '}
              <span className="font-mono">{formatValue(v.value, v.unit ?? unit)}</span>
            </p>
            <div className="flex gap-3">
              <Link
                className="text-indigo-700 underline dark:text-indigo-300"
                href={`/traces?${base({ minDuration: `${asMs(v.value, unit).toFixed(3)}ms` })}`}
              >
                slower than this, in this window
              </Link>
              <button
                type="button"
                disabled={busy !== null}
                className="text-indigo-700 underline disabled:opacity-50 dark:text-indigo-300"
                onClick={() => void slowestBelow(v.name, v.value)}
              >
                {busy === v.name ? 'searching…' : 'slowest at or below'}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="mt-1 text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
