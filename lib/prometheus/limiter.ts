import { PromError } from './errors';

export type LimiterOptions = {
  /** queries in flight, in all */
  concurrency: number;
  /** queries in flight for one key (a user, or an address when there are no users) */
  perKey: number;
  /** queries waiting for a slot; beyond: refused at once */
  queue: number;
  /** how long a query may wait for a slot before it is refused */
  queueWaitMs: number;
};

type Waiter = { key: string; resolve: (release: () => void) => void; timer: NodeJS.Timeout };

/**
 * Upstream queries in flight, bounded in all and per user, with a short first-come queue; past
 * the queue (or its wait) a query is refused with 429 and Retry-After, so that one user's burst
 * neither runs Prometheus and the console out of memory nor starves everyone else.
 */
export class QueryLimiter {
  private inFlight = 0;
  private perKey = new Map<string, number>();
  private waiting: Waiter[] = [];

  constructor(private readonly opts: LimiterOptions) {}

  get stats() {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }

  private canRun(key: string): boolean {
    return this.inFlight < this.opts.concurrency && (this.perKey.get(key) ?? 0) < this.opts.perKey;
  }

  private take(key: string): () => void {
    this.inFlight++;
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight--;
      const n = (this.perKey.get(key) ?? 1) - 1;
      if (n === 0) this.perKey.delete(key);
      else this.perKey.set(key, n);
      this.next();
    };
  }

  private next(): void {
    for (let i = 0; i < this.waiting.length && this.inFlight < this.opts.concurrency; i++) {
      const w = this.waiting[i]!;
      if (!this.canRun(w.key)) continue;
      this.waiting.splice(i--, 1);
      clearTimeout(w.timer);
      w.resolve(this.take(w.key));
    }
  }

  /** A slot for `key`: resolves with its release, or rejects with an `overloaded` PromError. */
  acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    if (this.canRun(key)) return Promise.resolve(this.take(key));
    const retryAfterS = Math.max(1, Math.ceil(this.opts.queueWaitMs / 1000));
    if (this.waiting.length >= this.opts.queue) {
      return Promise.reject(
        new PromError(
          'overloaded',
          `the console is running ${this.inFlight} queries with ${this.waiting.length} waiting (QUERY_CONCURRENCY, QUERY_QUEUE): ask again in ${retryAfterS} s`,
          [],
          retryAfterS,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const leave = (e: PromError) => {
        this.waiting = this.waiting.filter((w) => w !== waiter);
        reject(e);
      };
      const waiter: Waiter = {
        key,
        resolve,
        timer: setTimeout(
          () =>
            leave(
              new PromError(
                'overloaded',
                `no query slot came free within ${this.opts.queueWaitMs} ms (${this.opts.perKey} at once per user, ${this.opts.concurrency} in all): ask again in ${retryAfterS} s`,
                [],
                retryAfterS,
              ),
            ),
          this.opts.queueWaitMs,
        ),
      };
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(waiter.timer);
          leave(new PromError('aborted', 'the request was cancelled by the client'));
        },
        { once: true },
      );
      this.waiting.push(waiter);
    });
  }
}
