'use client';

import { hashKey, type QueryState, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, Suspense, use, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError } from '@/lib/queries/fetch-json';
import { type Prefetched, seedPrefetched } from '@/lib/queries/prefetched';

type Answers = { byKey: Map<string, Prefetched['answer']>; written: Set<string>; pending: boolean };
const Ctx = createContext<Answers | null>(null);

/**
 * The server's prefetches for this page. Answers a panel draws (`inline`) are read by the panel
 * itself while rendering, on the server and in the browser alike (useServerAnswers), so the
 * panel's HTML arrives drawn. The rest (the variables' values, the alerts) go into the browser's
 * query cache before the components asking for them mount.
 */
export function PrefetchedQueries({ entries, children }: { entries: Prefetched[]; children: ReactNode }) {
  const qc = useQueryClient();
  const answers = useMemo<Answers>(
    () => ({
      byKey: new Map(entries.filter((e) => e.inline).map((e) => [hashKey(e.key), e.answer])),
      written: new Set(),
      pending: entries.some((e) => e.inline && isThenable(e.answer)),
    }),
    [entries],
  );
  // Once, during the first render in the browser (the server renders these as loading). The
  // answers are held until this part of the page has hydrated: a component that rendered with
  // data against server HTML saying "loading" would make React throw the server HTML away.
  const [release] = useState(() => {
    let open = () => {};
    const hydrated = new Promise<void>((resolve) => {
      open = resolve;
    });
    if (typeof window !== 'undefined')
      seedPrefetched(
        qc,
        entries.filter((e) => !e.inline),
        hydrated,
      );
    return open;
  });
  useEffect(() => release(), [release]);
  return <Ctx.Provider value={answers}>{children}</Ctx.Provider>;
}

/**
 * Whether some answer a component reads while rendering is still on its way (it will suspend:
 * it needs a Suspense boundary). The same on the server and in the browser.
 */
export function useAnswersPending(): boolean {
  return useContext(Ctx)?.pending ?? false;
}

/**
 * A Suspense boundary while some answer is still on its way; none when every answer is at hand.
 * (React sends a large boundary's content apart from the page and reveals such boundaries in
 * batches 300 ms apart after the first paint: a page whose answers are all there arrives whole.)
 */
export function AnswersBoundary({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return useAnswersPending() ? <Suspense fallback={fallback}>{children}</Suspense> : children;
}

/**
 * Wait (suspend) for the server's answers to these query keys and put them in the query cache,
 * so that the queries the component then runs start with the data: the same render on the server
 * and in the browser, and no request from the browser. Each answer goes into the cache once;
 * keys the server did not fetch are ignored. A failed answer is kept as the query's error, shown
 * with Retry and not asked again as the component mounts.
 */
export function useServerAnswers(keys: readonly (readonly unknown[])[]): void {
  const answers = useContext(Ctx);
  const qc = useQueryClient();
  if (!answers) return;
  // The answers are never removed: a retried render must call use() on the same promises in the
  // same order as the attempt before it (React matches them by position).
  for (const key of keys) {
    const id = hashKey(key);
    const sent = answers.byKey.get(id);
    if (!sent) continue;
    const answer = isThenable(sent) ? use(sent) : sent;
    if (answers.written.has(id)) continue;
    const known = qc.getQueryState(key);
    if (answer.ok && known?.data === undefined) qc.setQueryData(key, answer.data);
    // The server's failure, as the API would have answered it: shown (with Retry) on both sides,
    // and not asked again as the component mounts.
    if (!answer.ok && known === undefined) {
      qc.setQueryDefaults(key, { retryOnMount: false });
      qc.getQueryCache().build(
        qc,
        { queryKey: key },
        failedState(new ApiError(answer.status, answer.code, answer.message)),
      );
    }
    answers.written.add(id);
  }
}

/** A query that has failed once with `error` and holds no data. */
function failedState(error: ApiError): QueryState<unknown, ApiError> {
  return {
    data: undefined,
    dataUpdateCount: 0,
    dataUpdatedAt: 0,
    error,
    errorUpdateCount: 1,
    errorUpdatedAt: Date.now(),
    fetchFailureCount: 1,
    fetchFailureReason: error,
    fetchMeta: null,
    isInvalidated: false,
    status: 'error',
    fetchStatus: 'idle',
  };
}

function isThenable<T>(v: PromiseLike<T> | T): v is PromiseLike<T> & Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}
