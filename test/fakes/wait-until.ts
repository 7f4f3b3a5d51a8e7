import type { EventEmitter } from 'node:events';

/**
 * Resolves once `check` holds, re-checking whenever `emitter` emits `eventName`; rejects after `timeoutMs`
 * with a message naming the fake and what it waited for.
 */
export async function waitUntil(emitter: EventEmitter, eventName: string, label: string, what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  if (check()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(eventName, listener);
      reject(new Error(`${label}: timed out waiting for ${what}`));
    }, timeoutMs);
    const listener = (): void => {
      if (!check()) return;
      clearTimeout(timer);
      emitter.off(eventName, listener);
      resolve();
    };
    emitter.on(eventName, listener);
  });
}
