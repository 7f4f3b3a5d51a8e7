import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config/load-config.js';
import type { Env } from '../config/schema.js';
import { createLogger, type Logger } from '../app/logger.js';
import { openStorydesk } from '../app/open-storydesk.js';
import { storageBackendFor } from '../app/storage-backends.js';
import type { Storydesk } from '../app/storydesk.js';
import { checkDataFolder } from './data-folder.js';

/** What every command needs: validated config, a logger on stderr, and a way to open the store. */
export interface CliContext {
  env: Env;
  logger: Logger;
  /**
   * Opens the store as a reader (writing nothing while another process writes); `ingest` opens it as the
   * writer. Commands that neither ingest nor read stories pass `{ stories: false }` to start faster.
   */
  open(dataDir: string | undefined, options?: CliOpenOptions): Promise<Storydesk>;
  /** Writes one line to stdout. */
  print(line: string): void;
}

/** How a command opens the store. */
export interface CliOpenOptions {
  /** Load the story service. @default true */
  stories?: boolean;
  /** Refuse a --data folder without a store (ask, search). @default false */
  mustExist?: boolean;
  /** Hold the write lock from open to close (ingest); `wait` queues behind another writer. */
  writer?: { wait: boolean };
}

export function createCliContext(): CliContext {
  loadDotenv({ quiet: true });
  const env = loadConfig(process.env);
  // Commands print results on stdout; only warnings and errors belong on the terminal by default.
  const logger = createLogger(process.env.LOG_LEVEL ? env.LOG_LEVEL : 'warn');
  return {
    env,
    logger,
    open: (dataDir, options = {}) => {
      const backend = storageBackendFor(env);
      // A database backend (DATABASE_URL) does not use the folder: there is nothing in it to check.
      const given = dataDir ?? env.STORYDESK_DATA_DIR;
      const folder = backend.usesDataDir ? checkDataFolder(given, { mustExist: options.mustExist ?? false }) : given;
      const { writer } = options;
      return openStorydesk({
        dataDir: folder,
        env,
        backend,
        logger,
        ...(options.stories === undefined ? {} : { stories: options.stories }),
        ...(writer
          ? {
              role: 'writer',
              holdWriteLock: true,
              waitForWriter: writer.wait,
              onWaitForWriter: (holder) => process.stderr.write(`storydesk: waiting for pid ${holder.pid} (${holder.command}) to finish writing…\n`),
            }
          : { role: 'reader' }),
      });
    },
    print: (line) => {
      process.stdout.write(`${line}\n`);
    },
  };
}
