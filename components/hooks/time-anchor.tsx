'use client';

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/**
 * The instant that relative ranges (now-1h) resolve against. It moves only when the person
 * refreshes, changes the range, or auto-refresh ticks, so queries keep stable keys between.
 */
type TimeAnchor = { anchorMs: number; bump: () => void };

const Ctx = createContext<TimeAnchor | null>(null);

export type TimeAnchorProviderProps = { children: ReactNode; initialMs: number };

/** `initialMs` comes from the server's render, so both sides resolve "now-1h" the same way. */
export function TimeAnchorProvider({ children, initialMs }: TimeAnchorProviderProps) {
  const [anchorMs, setAnchor] = useState(initialMs);
  const bump = useCallback(() => setAnchor(Date.now()), []);
  const value = useMemo(() => ({ anchorMs, bump }), [anchorMs, bump]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useTimeAnchor(): TimeAnchor {
  const v = useContext(Ctx);
  if (!v) throw new Error('useTimeAnchor needs a TimeAnchorProvider');
  return v;
}
