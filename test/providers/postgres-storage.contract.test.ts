import { pino } from 'pino';
import { describe } from 'vitest';
import { postgresStorageBackend } from '../../src/providers/postgres/postgres-storage-backend.js';
import { describeStorageContract } from '../contracts/describe-storage-contract.js';
import { createTestDatabase, postgresSuiteTitle, testPostgres } from '../helpers/postgres.js';

const server = testPostgres();

describe.skipIf(!server.adminUrl)(postgresSuiteTitle('PostgreSQL + pgvector storage'), () => {
  describeStorageContract({
    name: 'PostgreSQL + pgvector',
    newLocation: () => createTestDatabase(server.adminUrl ?? ''),
    open: (location) => postgresStorageBackend({ url: location, poolSize: 4 }).open({ dataDir: '/nonexistent', logger: pino({ level: 'silent' }) }),
  });
});
