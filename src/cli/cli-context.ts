import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config/load-config.js';
import type { Env } from '../config/schema.js';
import { createLogger, type Logger } from '../app/logger.js';
import { openStorydesk } from '../app/open-storydesk.js';
import type { Storydesk } from '../app/storydesk.js';

/** What every command needs: validated config, a logger on stderr, and a way to open the store. */
export interface CliContext {
  env: Env;
  logger: Logger;
  /** Opens the store; commands that neither ingest nor read stories pass `{ stories: false }` to start faster. */
  open(dataDir: string | undefined, options?: { stories?: boolean }): Promise<Storydesk>;
  /** Writes one line to stdout. */
  print(line: string): void;
}

export function createCliContext(): CliContext {
  loadDotenv({ quiet: true });
  const env = loadConfig(process.env);
  // Commands print results on stdout; only warnings and errors belong on the terminal by default.
  const logger = createLogger(process.env.LOG_LEVEL ? env.LOG_LEVEL : 'warn');
  return {
    env,
    logger,
    open: (dataDir, options = {}) => openStorydesk({ dataDir: dataDir ?? env.STORYDESK_DATA_DIR, env, logger, ...options }),
    print: (line) => {
      process.stdout.write(`${line}\n`);
    },
  };
}
