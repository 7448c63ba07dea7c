'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { installPromqlParser, onPromqlParser, promqlParserReady } from '@/lib/prometheus/adhoc';

/**
 * Whether the PromQL parser that ad hoc filters need is loaded; loads it (once, in its own chunk)
 * when `needed`. On the server's render it is not: a page with filters is drawn loading there,
 * and its panels once the parser has come (their answers were started by the server already).
 */
export function usePromqlParser(needed: boolean): { ready: boolean; error: string | null } {
  const ready = useSyncExternalStore(onPromqlParser, promqlParserReady, () => false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!needed || ready) return;
    import('@prometheus-io/lezer-promql')
      .then((m) => installPromqlParser(m.parser))
      .catch((e: unknown) => setError(`The PromQL parser for the filters could not be loaded: ${String(e)}`));
  }, [needed, ready]);
  return { ready, error };
}
