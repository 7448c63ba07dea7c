'use client';

import { hashKey, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use, useContext, useEffect, useMemo, useState } from 'react';
import { type Prefetched, seedPrefetched } from '@/lib/queries/prefetched';

type Answers = { promises: Map<string, Prefetched['promise']>; written: Set<string> };
const Ctx = createContext<Answers | null>(null);

/**
 * The server's prefetches for this page. Answers a panel draws (`inline`) are read by the panel
 * itself while rendering, on the server and in the browser alike (useServerAnswers), so the
 * panel's HTML arrives drawn. The rest (the variables' values, the alerts) go into the browser's
 * query cache before the components asking for them mount.
 */
export function PrefetchedQueries({ entries, children }: { entries: Prefetched[]; children: ReactNode }) {
  const qc = useQueryClient();
  const answers = useMemo<Answers>(() => ({ promises: new Map(entries.filter((e) => e.inline).map((e) => [hashKey(e.key), e.promise])), written: new Set() }), [entries]);
  // Once, during the first render in the browser (the server renders these as loading). The
  // answers are held until this part of the page has hydrated: a component that rendered with
  // data against server HTML saying "loading" would make React throw the server HTML away.
  const [release] = useState(() => {
    let open = () => {};
    const hydrated = new Promise<void>((resolve) => {
      open = resolve;
    });
    if (typeof window !== 'undefined') seedPrefetched(qc, entries.filter((e) => !e.inline), hydrated);
    return open;
  });
  useEffect(() => release(), [release]);
  return <Ctx.Provider value={answers}>{children}</Ctx.Provider>;
}

/**
 * Wait (suspend) for the server's answers to these query keys and put them in the query cache,
 * so that the queries the component then runs start with the data: the same render on the server
 * and in the browser, and no request from the browser. Each answer goes into the cache once;
 * keys the server did not fetch are ignored, and a failed answer is left out (the browser then
 * asks for it itself).
 */
export function useServerAnswers(keys: readonly (readonly unknown[])[]): void {
  const answers = useContext(Ctx);
  const qc = useQueryClient();
  if (!answers) return;
  // The answers are never removed: a retried render must call use() on the same promises in the
  // same order as the attempt before it (React matches them by position).
  for (const key of keys) {
    const id = hashKey(key);
    const promise = answers.promises.get(id);
    if (!promise) continue;
    const answer = use(promise);
    if (answers.written.has(id)) continue;
    if (answer.ok && qc.getQueryState(key)?.data === undefined) qc.setQueryData(key, answer.data);
    answers.written.add(id);
  }
}
