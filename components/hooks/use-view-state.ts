'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { absoluteState, parseViewState, serializeViewState, type ViewSpec, type ViewState } from '@/lib/url/view-state';
import { useTimeAnchor } from './time-anchor';

/** A page's view state, read from and written to the URL (the share-a-URL contract). */
export function useViewState(spec: ViewSpec) {
  const params = useSearchParams();
  const pathname = usePathname();
  const { anchorMs, bump } = useTimeAnchor();
  const raw = params.toString();
  const { state, notices } = useMemo(
    () => parseViewState(new URLSearchParams(raw), spec, anchorMs),
    [raw, spec, anchorMs],
  );

  const update = useCallback(
    (patch: Partial<ViewState>) => {
      const next: ViewState = { ...state, ...patch, vars: { ...state.vars, ...(patch.vars ?? {}) } };
      const qs = serializeViewState(next, new URLSearchParams(raw));
      // Native history keeps the change on the client (no server round trip); Next syncs
      // useSearchParams with it.
      window.history.pushState(null, '', `${pathname}?${qs}`);
      if (patch.from !== undefined || patch.to !== undefined) bump();
    },
    [state, raw, pathname, bump],
  );

  const links = useCallback(
    (origin: string) => ({
      relative: `${origin}${pathname}?${serializeViewState(state, new URLSearchParams(raw))}`,
      absolute: `${origin}${pathname}?${serializeViewState(absoluteState(state, anchorMs), new URLSearchParams(raw))}`,
    }),
    [state, raw, pathname, anchorMs],
  );

  return { state, notices, update, anchorMs, bump, links };
}
