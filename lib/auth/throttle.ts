/**
 * Failed logins, counted per user name and per client address: `limit` failures within `windowMs`
 * lock the key for `lockMs` from the last of them. Kept in memory (a restart forgives).
 */
export class LoginThrottle {
  private failures = new Map<string, number[]>();
  private locked = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly lockMs: number,
  ) {}

  /** When the key's lockout ends, or null when it is not locked. */
  lockedUntil(key: string, nowMs: number): number | null {
    const until = this.locked.get(key);
    if (until === undefined) return null;
    if (until <= nowMs) {
      this.locked.delete(key);
      this.failures.delete(key);
      return null;
    }
    return until;
  }

  /** Notes a failure; returns when the lockout it started ends, or null when it started none. */
  fail(key: string, nowMs: number): number | null {
    const recent = (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    recent.push(nowMs);
    this.failures.set(key, recent);
    if (recent.length < this.limit) return null;
    const until = nowMs + this.lockMs;
    this.locked.set(key, until);
    return until;
  }

  clear(key: string): void {
    this.failures.delete(key);
    this.locked.delete(key);
  }

  /** Forget what is past its window (called now and then, so memory stays bounded). */
  prune(nowMs: number): void {
    for (const [k, ts] of this.failures) if (ts.every((t) => nowMs - t >= this.windowMs)) this.failures.delete(k);
    for (const [k, until] of this.locked) if (until <= nowMs) this.locked.delete(k);
  }
}
