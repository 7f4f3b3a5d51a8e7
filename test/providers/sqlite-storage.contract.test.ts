import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll } from 'vitest';
import { sqliteStorageBackend } from '../../src/providers/sqlite-storage-backend.js';
import { describeStorageContract } from '../contracts/describe-storage-contract.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir('storydesk-contract-');
afterAll(() => temp.remove());

describeStorageContract({
  name: 'SQLite + hnswlib',
  newLocation: async () => mkdtempSync(join(temp.path, 'data-')),
  open: (location) => sqliteStorageBackend.open({ dataDir: location, logger: pino({ level: 'silent' }) }),
});
