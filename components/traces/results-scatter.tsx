'use client';

import { useRouter } from 'next/navigation';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useTimeZone } from '@/components/hooks/time-zone';
import { formatDateTime } from '@/lib/format/time-zone';
import { formatTime, formatValue } from '@/lib/format/units';
import type { TraceSummaryRow } from '@/lib/queries/trace-search';

export type ResultsScatterProps = { traces: TraceSummaryRow[] };

type Dot = { t: number; ms: number; id: string; label: string; errors: number };

/** The time axis spans the results (a little past each end), not the whole range searched. */
function resultsDomain(dots: Dot[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of dots) {
    lo = Math.min(lo, d.t);
    hi = Math.max(hi, d.t);
  }
  const pad = Math.max((hi - lo) * 0.03, 1000);
  return [lo - pad, hi + pad];
}

/** Duration over time, one dot per trace (errors in red); click a dot to open its trace. */
export function ResultsScatter({ traces }: ResultsScatterProps) {
  const router = useRouter();
  const timeZone = useTimeZone();
  const dots: Dot[] = traces.map((t) => ({
    t: Number(BigInt(t.startNs) / 1_000_000n),
    ms: Number(t.durationNs) / 1e6,
    id: t.traceId,
    label: `${t.rootService}: ${t.rootName}`,
    errors: t.errorCount,
  }));
  const domain = resultsDomain(dots);
  const open = (d: unknown) => {
    const id = (d as { payload?: Dot }).payload?.id;
    if (id) router.push(`/traces/${id}`);
  };
  return (
    <div
      data-testid="trace-scatter"
      className="h-56 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="var(--chart-grid)" />
          <XAxis
            dataKey="t"
            type="number"
            domain={domain}
            scale="time"
            tickFormatter={(v: number) => formatTime(v, domain[1] - domain[0], timeZone)}
            stroke="var(--chart-axis)"
            fontSize={11}
            name="Start"
          />
          <YAxis
            dataKey="ms"
            type="number"
            tickFormatter={(v: number) => formatValue(v, 'ms')}
            stroke="var(--chart-axis)"
            fontSize={11}
            width={64}
            name="Duration"
            label={{ value: 'duration', angle: -90, position: 'insideLeft', fontSize: 11, fill: 'var(--chart-axis)' }}
          />
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            content={({ payload }) => {
              const d = payload?.[0]?.payload as Dot | undefined;
              if (!d) return null;
              return (
                <div className="rounded border border-slate-200 bg-white p-2 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
                  <p className="font-medium">{d.label}</p>
                  <p>
                    {formatValue(d.ms, 'ms')} · {formatDateTime(d.t, timeZone, true)}
                    {d.errors ? ` · ${d.errors} errors` : ''}
                  </p>
                  <p className="text-slate-500">click to open</p>
                </div>
              );
            }}
          />
          <Scatter
            data={dots.filter((d) => d.errors === 0)}
            fill="#6366f1"
            onClick={open}
            cursor="pointer"
            isAnimationActive={false}
            name="traces"
          />
          <Scatter
            data={dots.filter((d) => d.errors > 0)}
            fill="#dc2626"
            onClick={open}
            cursor="pointer"
            isAnimationActive={false}
            name="traces with errors"
          />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
