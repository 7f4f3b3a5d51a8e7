import type { StorageBackend } from '../core/storage.js';
import { sqliteStorageBackend } from '../providers/sqlite-storage-backend.js';

/**
 * The storage backends storydesk can open, by id; the first is the default. A new backend is one folder
 * under src/providers exporting a `StorageBackend`, plus one line here.
 */
export const storageBackends: readonly StorageBackend[] = [sqliteStorageBackend];

/** The default storage backend (SQLite + hnswlib). */
export const defaultStorageBackend: StorageBackend = sqliteStorageBackend;
