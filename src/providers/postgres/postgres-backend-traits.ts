import type { StorageBackend } from '../../core/storage.js';

/**
 * What the PostgreSQL backend is, apart from opening it. In a module of its own so that choosing the backend
 * (`storageBackendFor`) does not load pg and the rest of the backend, which only opening it needs.
 */
export const POSTGRES_BACKEND_TRAITS: Pick<StorageBackend, 'id' | 'usesDataDir'> = { id: 'postgres', usesDataDir: false };
