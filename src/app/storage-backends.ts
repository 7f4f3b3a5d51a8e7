import type { Env } from '../config/schema.js';
import type { StorageBackend } from '../core/storage.js';
import { sqliteStorageBackend } from '../providers/sqlite-storage-backend.js';

/**
 * The storage backend the configuration selects. A new backend is one folder under src/providers exporting a
 * `StorageBackend` (passing test/contracts), plus one line here, e.g.
 * `if (env.DATABASE_URL) return postgresStorageBackend(env.DATABASE_URL);`.
 * @default SQLite + hnswlib in the data directory
 */
export function storageBackendFor(_env: Env): StorageBackend {
  return sqliteStorageBackend;
}
