'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseTracePage, serializeTracePage, type TracePageState } from '@/lib/url/trace-view';

/** The waterfall's shareable state, in the URL. Selection replaces history; the rest pushes. */
export function useTracePage() {
  const params = useSearchParams();
  const pathname = usePathname();
  const raw = params.toString();
  const { state, notices } = useMemo(() => parseTracePage(new URLSearchParams(raw)), [raw]);
  const update = useCallback(
    (patch: Partial<TracePageState>, mode: 'push' | 'replace' = 'push') => {
      const qs = serializeTracePage({ ...state, ...patch });
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (mode === 'replace') window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    },
    [state, pathname],
  );
  return { state, notices, update };
}
