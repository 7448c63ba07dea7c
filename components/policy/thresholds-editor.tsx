'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { DEFAULT_THRESHOLDS, type Thresholds } from '@/lib/stats/canary';
import { Popover } from '@/components/shell/popover';

export type ThresholdsEditorProps = { thresholds: Thresholds };

/** Each threshold as the verdict shows it: rates in percentage points, latency in ms; the URL keeps fractions and seconds. */
const FIELDS: { key: keyof Thresholds; label: string; unit: string; scale: number }[] = [
  { key: 'denyPass', label: 'Deny rate rise: pass within', unit: 'points', scale: 100 },
  { key: 'denyFail', label: 'Deny rate rise: fail beyond', unit: 'points', scale: 100 },
  { key: 'errorPass', label: 'Error rate rise: pass within', unit: 'points', scale: 100 },
  { key: 'errorFail', label: 'Error rate rise: fail beyond', unit: 'points', scale: 100 },
  { key: 'latencyPass', label: 'Mean latency rise: pass within', unit: 'ms', scale: 1000 },
  { key: 'latencyFail', label: 'Mean latency rise: fail beyond', unit: 'ms', scale: 1000 },
  { key: 'p95Pass', label: 'p95 enforce ÷ dry-run: pass up to', unit: '×', scale: 1 },
  { key: 'p95Fail', label: 'p95 enforce ÷ dry-run: fail above', unit: '×', scale: 1 },
  { key: 'cachePass', label: 'Cache hit rate drop: pass within', unit: 'points', scale: 100 },
  { key: 'cacheFail', label: 'Cache hit rate drop: fail beyond', unit: 'points', scale: 100 },
  { key: 'scorePass', label: 'Score for pass', unit: 'of 100', scale: 1 },
  { key: 'scoreMarginal', label: 'Score for marginal', unit: 'of 100', scale: 1 },
  { key: 'minEvaluations', label: 'Evaluations needed per mode', unit: '', scale: 1 },
];

/** A shown value back to the URL's unit, without float noise (0.7 points → 0.007, not 0.007000000000000001). */
const toStored = (shown: number, scale: number) => Number((shown / scale).toPrecision(12));
const toShown = (stored: number, scale: number) => Number((stored * scale).toPrecision(12));

/** The verdict's thresholds, kept in the URL so a shared link judges the same way. */
export function ThresholdsEditor({ thresholds }: ThresholdsEditorProps) {
  const params = useSearchParams();
  const pathname = usePathname();
  const set = (k: keyof Thresholds, shown: string, scale: number) => {
    const sp = new URLSearchParams(params.toString());
    const v = shown.trim() === '' ? null : toStored(Number(shown), scale);
    if (v === null || v === DEFAULT_THRESHOLDS[k]) sp.delete(k);
    else sp.set(k, Number.isFinite(v) ? String(v) : shown);
    window.history.replaceState(null, '', `${pathname}?${sp}`);
  };
  return (
    <Popover align="right" title="Verdict thresholds" testId="thresholds-button" label={<span>Thresholds</span>}>
      {() => (
        <form
          className="grid w-96 grid-cols-[1fr_5rem_3rem] items-center gap-x-2 gap-y-1 text-xs"
          onSubmit={(e) => e.preventDefault()}
        >
          {FIELDS.map(({ key, label, unit, scale }) => (
            <label key={key} className="contents">
              <span>{label}</span>
              <input
                aria-label={`${label}${unit ? ` (${unit})` : ''}`}
                data-testid={`threshold-${key}`}
                type="number"
                step="any"
                defaultValue={toShown(thresholds[key], scale)}
                onBlur={(e) => set(key, e.target.value, scale)}
                className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-950"
              />
              <span className="text-slate-500">{unit}</span>
            </label>
          ))}
        </form>
      )}
    </Popover>
  );
}
