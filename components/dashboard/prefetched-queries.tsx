'use client';

import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { type Prefetched, seedPrefetched } from '@/lib/queries/prefetched';

/** Seeds the browser's query cache with the server's prefetches before the panels mount. */
export function PrefetchedQueries({ entries, children }: { entries: Prefetched[]; children: ReactNode }) {
  const qc = useQueryClient();
  // Once, during the first render in the browser (the server renders the panels as loading).
  // The answers are held until this part of the page has hydrated: hydration yields to the event
  // loop, and a panel that rendered "ready" against server HTML saying "loading" would force React
  // to throw the server HTML away and render everything again.
  const [release] = useState(() => {
    let open = () => {};
    const hydrated = new Promise<void>((resolve) => {
      open = resolve;
    });
    if (typeof window !== 'undefined') seedPrefetched(qc, entries, hydrated);
    return open;
  });
  useEffect(() => release(), [release]);
  return children;
}
