'use client';

import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import { runtimeTimeZone } from '@/lib/format/time-zone';

const Ctx = createContext<string>('UTC');

/** `timeZone` is the zone the server rendered the page in: the viewer's (from its cookie) or the server's. */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <Ctx.Provider value={timeZone}>{children}</Ctx.Provider>;
}

const never = () => () => {};

/**
 * The zone to show wall-clock times in: while hydrating, the one the server rendered with (so
 * the HTML matches); then the browser's own, which differs only on a first visit from a zone the
 * server did not know about.
 */
export function useTimeZone(): string {
  const server = useContext(Ctx);
  return useSyncExternalStore(never, runtimeTimeZone, () => server);
}
