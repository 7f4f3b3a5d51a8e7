import type { Storage } from '../../src/core/storage.js';

/**
 * How a contract suite gets storage from a backend: a fresh, empty location per test, and storage opened
 * over a location (again, to check that data survives a close). For SQLite a location is a data directory;
 * a database backend may use a schema or a database name.
 */
export interface StorageFactory {
  /** The backend's name in test titles. */
  name: string;
  /** A new, empty location. */
  newLocation(): Promise<string>;
  /** Opens storage over a location (created on first use). */
  open(location: string): Promise<Storage>;
}

/** The embedder contract suites record before storing vectors. */
export const contractEmbedder = { id: 'contract-embedder', dimension: 4 } as const;

/** Opens fresh storage whose embedder is recorded, and closes what it opened after each test. */
export function freshStorage(factory: StorageFactory): { open(): Promise<Storage>; reopen(): Promise<Storage>; closeAll(): Promise<void> } {
  const opened: Storage[] = [];
  let location: string | undefined;
  return {
    async open() {
      location = await factory.newLocation();
      const storage = await factory.open(location);
      opened.push(storage);
      await storage.articles.setEmbedderInfo(contractEmbedder);
      return storage;
    },
    async reopen() {
      if (location === undefined) throw new Error('open() first');
      const storage = await factory.open(location);
      opened.push(storage);
      return storage;
    },
    async closeAll() {
      for (const storage of opened.splice(0)) await storage.close().catch(() => undefined);
    },
  };
}
