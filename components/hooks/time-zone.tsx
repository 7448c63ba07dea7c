'use client';

import { useSearchParams } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState, useSyncExternalStore } from 'react';
import {
  BROWSER_ZONE,
  effectiveZone,
  parseZoneSetting,
  runtimeTimeZone,
  ZONE_PREF_COOKIE,
} from '@/lib/format/time-zone';

type ZoneCtx = { browserZone: string; saved: string | null; setSaved: (s: string) => void };
const Ctx = createContext<ZoneCtx>({ browserZone: 'UTC', saved: null, setSaved: () => {} });

export type TimeZoneProviderProps = {
  /** The viewer's own zone as the server knows it (from its cookie), or the server's. */
  timeZone: string;
  /** The setting the viewer saved (`tzpref` cookie): browser, UTC or a zone name. */
  saved?: string | null;
  children: ReactNode;
};

export function TimeZoneProvider({ timeZone, saved: initial = null, children }: TimeZoneProviderProps) {
  const [saved, setSaved] = useState(parseZoneSetting(initial));
  const value = useMemo(() => ({ browserZone: timeZone, saved, setSaved }), [timeZone, saved]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

const never = () => () => {};

/**
 * The zone to show wall-clock times in: the URL's `tz=`, else the viewer's saved setting, else
 * the browser's zone. While hydrating the browser's zone is the one the server rendered with (so
 * the HTML matches); it differs only on a first visit from a zone the server did not know about.
 */
export function useTimeZone(): string {
  return useZoneSetting().zone;
}

export function useZoneSetting() {
  const { browserZone, saved, setSaved } = useContext(Ctx);
  const params = useSearchParams();
  const browser = useSyncExternalStore(never, runtimeTimeZone, () => browserZone);
  // Null outside the App Router (component tests render panels without it).
  const url = (params as URLSearchParams | null)?.get('tz') ?? null;
  const setting = parseZoneSetting(url) ?? saved ?? BROWSER_ZONE;
  const zone = effectiveZone(url, saved, browser);

  /** Save a setting (cookie) and put it in the URL, so that a copied link shows the same times. */
  const choose = useCallback(
    (next: string) => {
      const s = parseZoneSetting(next);
      if (!s) return;
      document.cookie = `${ZONE_PREF_COOKIE}=${encodeURIComponent(s)};path=/;max-age=31536000;samesite=lax`;
      setSaved(s);
      const qs = new URLSearchParams(window.location.search);
      if (s === BROWSER_ZONE) qs.delete('tz');
      else qs.set('tz', s);
      const q = qs.toString();
      window.history.pushState(null, '', `${window.location.pathname}${q ? `?${q}` : ''}`);
    },
    [setSaved],
  );
  return { setting, zone, browser, choose };
}
