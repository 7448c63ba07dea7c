import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from './fetch-json';

/** The server's answer to a prefetched query: the data, or the error the API would have given. */
export type PrefetchResult = { ok: true; data: unknown } | { ok: false; status: number; code: string; message: string };
export type Prefetched = {
  key: readonly unknown[];
  /** The answer: still on its way (streamed when it settles), or already there. */
  answer: Promise<PrefetchResult> | PrefetchResult;
  /** Read by the component that shows it while rendering (so its HTML arrives drawn), not seeded. */
  inline?: boolean;
};

/**
 * Put the server's in-flight answers into the browser's cache, so that the components asking
 * for the same keys wait for them instead of asking again. An error becomes the same ApiError a
 * fetch would have thrown (retry then asks the API itself). Keys already holding data are left.
 * Nothing settles before `after` does.
 */
export function seedPrefetched(
  qc: QueryClient,
  entries: readonly Prefetched[],
  after: Promise<void> = Promise.resolve(),
): void {
  for (const { key, answer } of entries) {
    if (qc.getQueryState(key)?.data !== undefined) continue;
    void qc.prefetchQuery({
      queryKey: key,
      // Promise.all adopts what arrives from the server: a thenable whose then() returns nothing.
      queryFn: () =>
        Promise.all([answer, after]).then(([r]: [PrefetchResult, void]) => {
          if (r.ok) return r.data;
          throw new ApiError(r.status, r.code, r.message);
        }),
    });
  }
}
