import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryLimiter } from './limiter';

afterEach(() => vi.useRealTimers());

describe('QueryLimiter', () => {
  it('runs up to the per-user limit, queues the rest in order, and lets them in as slots free', async () => {
    const l = new QueryLimiter({ concurrency: 10, perKey: 2, queue: 10, queueWaitMs: 1000 });
    const a1 = await l.acquire('a');
    const a2 = await l.acquire('a');
    const order: string[] = [];
    const a3 = l.acquire('a').then((r) => (order.push('a3'), r));
    const b1 = await l.acquire('b'); // another user is not held up by a's queue
    expect(l.stats).toEqual({ inFlight: 3, waiting: 1 });
    a1();
    (await a3)();
    expect(order).toEqual(['a3']);
    a2();
    b1();
    expect(l.stats).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('refuses at once past the queue, and after the wait, with a Retry-After', async () => {
    vi.useFakeTimers();
    const l = new QueryLimiter({ concurrency: 1, perKey: 1, queue: 1, queueWaitMs: 2000 });
    const first = await l.acquire('a');
    const waiting = l.acquire('b');
    await expect(l.acquire('c')).rejects.toMatchObject({ status: 429, code: 'overloaded', retryAfterS: 2 });
    const late = expect(waiting).rejects.toMatchObject({
      status: 429,
      message: expect.stringMatching(/within 2000 ms/),
    });
    vi.advanceTimersByTime(2001);
    await late;
    first();
    expect(l.stats).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('a release is counted once, however often it is called', async () => {
    const l = new QueryLimiter({ concurrency: 2, perKey: 2, queue: 0, queueWaitMs: 10 });
    const r = await l.acquire('a');
    r();
    r();
    expect(l.stats.inFlight).toBe(0);
    await l.acquire('a');
    await l.acquire('a');
    await expect(l.acquire('a')).rejects.toMatchObject({ code: 'overloaded' });
  });
});
