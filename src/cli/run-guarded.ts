import { StorydeskError } from '../core/errors.js';

/** Runs one item of a batch so that its failure becomes an error value and the batch goes on. */
export async function runGuarded<T>(task: () => Promise<T>): Promise<{ value: T } | { error: string }> {
  try {
    return { value: await task() };
  } catch (error) {
    if (error instanceof StorydeskError) return { error: error.message };
    throw error;
  }
}
