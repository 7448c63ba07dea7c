'use client';

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/**
 * The instant that relative ranges (now-1h) resolve against. It moves only when the person
 * refreshes, changes the range, or auto-refresh ticks, so queries keep stable keys between.
 */
type TimeAnchor = { anchorMs: number; bump: () => void };

const Ctx = createContext<TimeAnchor | null>(null);

export function TimeAnchorProvider({ children }: { children: ReactNode }) {
  const [anchorMs, setAnchor] = useState(() => Date.now());
  const bump = useCallback(() => setAnchor(Date.now()), []);
  const value = useMemo(() => ({ anchorMs, bump }), [anchorMs, bump]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useTimeAnchor(): TimeAnchor {
  const v = useContext(Ctx);
  if (!v) throw new Error('useTimeAnchor needs a TimeAnchorProvider');
  return v;
}
