'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { DEFAULT_THRESHOLDS, type Thresholds } from '@/lib/stats/canary';
import { Popover } from '@/components/shell/popover';

export type ThresholdsEditorProps = { thresholds: Thresholds };

const FIELDS: [keyof Thresholds, string][] = [
  ['denyPass', 'Deny-rate increase: pass within (fraction)'],
  ['denyFail', 'Deny-rate increase: fail beyond'],
  ['errorPass', 'Error-rate increase: pass within'],
  ['errorFail', 'Error-rate increase: fail beyond'],
  ['latencyPass', 'Mean latency increase: pass within (s)'],
  ['latencyFail', 'Mean latency increase: fail beyond (s)'],
  ['p95Pass', 'p95 ratio: pass up to'],
  ['p95Fail', 'p95 ratio: fail above'],
  ['cachePass', 'Cache-hit drop: pass within'],
  ['cacheFail', 'Cache-hit drop: fail beyond'],
  ['scorePass', 'Score for pass'],
  ['scoreMarginal', 'Score for marginal'],
  ['minEvaluations', 'Evaluations needed per mode'],
];

/** The verdict's thresholds, kept in the URL so a shared link judges the same way. */
export function ThresholdsEditor({ thresholds }: ThresholdsEditorProps) {
  const params = useSearchParams();
  const pathname = usePathname();
  const set = (k: keyof Thresholds, v: string) => {
    const sp = new URLSearchParams(params.toString());
    if (v === '' || Number(v) === DEFAULT_THRESHOLDS[k]) sp.delete(k);
    else sp.set(k, v);
    window.history.replaceState(null, '', `${pathname}?${sp}`);
  };
  return (
    <Popover align="right" title="Verdict thresholds" testId="thresholds-button" label={<span>Thresholds</span>}>
      {() => (
        <form className="grid w-80 grid-cols-[1fr_6rem] gap-x-2 gap-y-1 text-xs" onSubmit={(e) => e.preventDefault()}>
          {FIELDS.map(([k, label]) => (
            <label key={k} className="contents">
              <span>{label}</span>
              <input
                aria-label={label}
                type="number"
                step="any"
                defaultValue={thresholds[k]}
                onBlur={(e) => set(k, e.target.value)}
                className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-950"
              />
            </label>
          ))}
        </form>
      )}
    </Popover>
  );
}
