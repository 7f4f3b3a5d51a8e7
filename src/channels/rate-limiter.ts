/** Options for {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Requests allowed per key within the window. */
  limit: number;
  /** Window length in milliseconds. @default 60000 */
  windowMs?: number;
  /** Clock, injected so tests need not sleep. @default Date.now */
  now?: () => number;
}

/** The outcome of one request: allowed, or refused with the wait until a slot frees up. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * A sliding-window limiter keyed by user. Sliding rather than fixed windows so a user cannot burst twice
 * the limit across a minute boundary. Memory is bounded by pruning keys whose window has emptied.
 */
export class RateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly hits = new Map<string, number[]>();

  constructor(options: RateLimiterOptions) {
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Records a request for `key` if it fits in the window; otherwise says how long to wait. */
  take(key: string): RateDecision {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((time) => now - time < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(0, oldest + this.windowMs - now) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return { allowed: true };
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((time) => now - time >= this.windowMs)) this.hits.delete(key);
    }
  }
}
