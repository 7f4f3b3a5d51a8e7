import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The development data folder beside the project (`../shared/data`), or null with a message when absent. */
export function sharedDataDir(): string | null {
  const candidates = [process.env.STORYDESK_SHARED_DATA, resolve(import.meta.dirname, '../../../shared/data')].filter(
    (path): path is string => typeof path === 'string' && path.length > 0,
  );
  return candidates.find((path) => existsSync(join(path, 'rtqa_corpus.jsonl'))) ?? null;
}
