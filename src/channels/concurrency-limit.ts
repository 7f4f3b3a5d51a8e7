import { yieldToEventLoop } from './yield-to-event-loop.js';

/**
 * Runs at most `max` tasks at once and queues the rest in arrival order. Answering is CPU-bound on a
 * small machine; fifty simultaneous mentions should queue, not fifty-way thrash.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  /** Runs `task` when a slot is free and resolves with its result. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      // Acknowledgements queued by other events go out before this task's CPU-bound work starts.
      await yieldToEventLoop();
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
