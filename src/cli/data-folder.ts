import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * Checks the --data folder before anything opens it: it must be a folder (or not exist yet, for a command
 * that creates it), and a command that only reads needs a store already there.
 */
export function checkDataFolder(dataDir: string, options: { mustExist: boolean }): string {
  const folder = resolve(dataDir);
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new UsageError(`--data ${dataDir} is a file, not a folder: give the folder that holds (or will hold) the store.`);
  }
  if (options.mustExist && !existsSync(join(folder, 'storydesk.sqlite'))) {
    throw new UsageError(`No storydesk store in ${folder}: ingest articles into it first (ingest --corpus PATH --data ${dataDir}), or pass the right --data.`);
  }
  return folder;
}
