import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/app/logger.js';
import { openStorydesk } from '../../src/app/open-storydesk.js';
import type { Storydesk } from '../../src/app/storydesk.js';

/** Opens a real storydesk (SQLite, hnswlib, the default local embedder) in a data folder, with default config. */
export function openTestStorydesk(dataDir: string, environment: Record<string, string> = {}): Promise<Storydesk> {
  const env = loadConfig(environment);
  return openStorydesk({ dataDir, env, logger: createLogger('silent') });
}
