import type { Coordination, Leadership } from '../../src/core/coordination.js';

/** Resolves when `leadership` is (or becomes) `leading`; the test's own timeout bounds the wait. */
export function untilLeading(leadership: Leadership, leading = true): Promise<void> {
  if (leadership.leading === leading) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = leadership.onChange((now) => {
      if (now !== leading) return;
      stop();
      resolve();
    });
  });
}

/** Counts the notices `coordination` receives per topic, and waits for one. */
export class NoticeLog {
  readonly counts = new Map<string, number>();
  readonly #waiters: { topic: string; count: number; resolve: () => void }[] = [];

  static async listen(coordination: Coordination, topics: string[]): Promise<NoticeLog> {
    const log = new NoticeLog();
    for (const topic of topics) await coordination.onChange(topic, () => log.record(topic));
    return log;
  }

  count(topic: string): number {
    return this.counts.get(topic) ?? 0;
  }

  /** Resolves once `topic` has been received `count` times in all. */
  until(topic: string, count = 1): Promise<void> {
    if (this.count(topic) >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ topic, count, resolve }));
  }

  record(topic: string): void {
    this.counts.set(topic, this.count(topic) + 1);
    for (const waiter of [...this.#waiters]) {
      if (waiter.topic !== topic || this.count(topic) < waiter.count) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
