import type { Env } from '../config/schema.js';
import type { StorageBackend } from '../core/storage.js';
import { POSTGRES_BACKEND_TRAITS } from '../providers/postgres/postgres-backend-traits.js';
import { sqliteStorageBackend } from '../providers/sqlite-storage-backend.js';

/**
 * The storage backend the configuration selects: PostgreSQL + pgvector when `DATABASE_URL` is set, else
 * SQLite + hnswlib in the data directory. A new backend is one folder under src/providers exporting a
 * `StorageBackend` (passing test/contracts), plus one line here.
 */
export function storageBackendFor(env: Env): StorageBackend {
  if (env.DATABASE_URL) {
    const settings = { url: env.DATABASE_URL, poolSize: env.STORYDESK_PG_POOL_SIZE };
    return {
      ...POSTGRES_BACKEND_TRAITS,
      // Loaded when opened: a SQLite user's every command would otherwise pay for loading pg at start-up.
      async open(options) {
        const { postgresStorageBackend } = await import('../providers/postgres/postgres-storage-backend.js');
        return postgresStorageBackend(settings).open(options);
      },
    };
  }
  return sqliteStorageBackend;
}
