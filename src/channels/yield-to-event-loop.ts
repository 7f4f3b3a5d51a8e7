/**
 * Resolves on the next turn of the event loop, after pending I/O. A burst of chat events arrives in one read:
 * each handler acknowledges and then yields here, so every acknowledgement is written before any answering
 * (CPU-bound on a small machine) starts.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
