'use client';

import { useMemo, useState } from 'react';
import { useTimeAnchor } from '@/components/hooks/time-anchor';
import { useZoneSetting } from '@/components/hooks/time-zone';
import { BROWSER_ZONE, isTimeZone, zoneOffsetLabel } from '@/lib/format/time-zone';
import { Popover } from './popover';

/** Old names that some engines still list (Chromium lists Asia/Calcutta), and the names people use now. */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const listed = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  const names = listed.map((z) => (RENAMED[z] && isTimeZone(RENAMED[z]) ? RENAMED[z] : z));
  return [...new Set(['UTC', ...names])].sort();
}

/** The zone every time on the page is shown in, next to the range; a choice is kept in the URL and a cookie. */
export function ZonePicker() {
  const { setting, zone, browser, choose } = useZoneSetting();
  const { anchorMs } = useTimeAnchor();
  const label = zoneOffsetLabel(zone, anchorMs);
  return (
    <Popover
      label={
        <span data-testid="zone-label" data-zone={zone}>
          {label}
        </span>
      }
      title={`Times are shown in ${zone}. Change the time zone`}
      testId="zone-picker"
    >
      {(close) => (
        <ZoneForm
          setting={setting}
          browser={browser}
          anchorMs={anchorMs}
          onChoose={(z) => {
            choose(z);
            close();
          }}
        />
      )}
    </Popover>
  );
}

type ZoneFormProps = { setting: string; browser: string; anchorMs: number; onChoose: (s: string) => void };

function ZoneForm({ setting, browser, anchorMs, onChoose }: ZoneFormProps) {
  const [filter, setFilter] = useState('');
  const zones = useMemo(() => {
    const f = filter.trim().toLowerCase().replace(/\s+/g, '_');
    return allZones().filter((z) => !f || z.toLowerCase().includes(f));
  }, [filter]);
  const option = (value: string, text: string) => (
    <button
      type="button"
      data-testid={`zone-${value}`}
      onClick={() => onChoose(value)}
      className={`w-full rounded px-2 py-0.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${setting === value ? 'font-semibold text-indigo-600 dark:text-indigo-400' : ''}`}
    >
      {text}
    </button>
  );
  return (
    <div className="space-y-2 text-sm">
      <p className="text-xs font-medium uppercase text-slate-500">Time zone</p>
      {option(BROWSER_ZONE, `Browser time (${browser}, ${zoneOffsetLabel(browser, anchorMs)})`)}
      {option('UTC', 'UTC')}
      <label className="block">
        Another zone
        <input
          data-testid="zone-search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Search: Kolkata, Berlin, America/…"
          className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
        />
      </label>
      <ul className="max-h-48 overflow-y-auto" aria-label="Time zones">
        {zones.slice(0, 200).map((z) => (
          <li key={z}>{option(z, `${z} (${zoneOffsetLabel(z, anchorMs)})`)}</li>
        ))}
        {zones.length === 0 && <li className="px-2 text-slate-500">No zone matches “{filter}”.</li>}
      </ul>
    </div>
  );
}
