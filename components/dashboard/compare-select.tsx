'use client';

import { SHIFT_PRESETS } from '@/lib/url/view-state';

export type CompareSelectProps = {
  /** The page's `shift` (e.g. "1d"), or null for no comparison. */
  value: string | null;
  onChange: (shift: string | null) => void;
};

const NAMES: Record<string, string> = { '1h': '1 hour ago', '1d': '1 day ago', '1w': '1 week ago' };

/** "Compare with 1 day ago": every time series panel overlays the same series that long before, dashed. */
export function CompareSelect({ value, onChange }: CompareSelectProps) {
  const options: string[] = [...SHIFT_PRESETS];
  if (value && !options.includes(value)) options.push(value);
  return (
    <label className="ml-auto flex items-center gap-1.5 text-sm">
      <span className="text-slate-500">Compare with</span>
      <select
        data-testid="compare-select"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">nothing</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {NAMES[o] ?? `${o} ago`}
          </option>
        ))}
      </select>
    </label>
  );
}
