import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Storage, StorageBackend, StorageOptions } from '../core/storage.js';
import { LiveVectorIndex } from './hnsw-live-index.js';
import { HnswPassageIndex } from './hnsw-passage-index.js';
import { removeIndexLeftovers } from './hnsw-vector-index.js';
import { WriteSessions } from './hnsw-write-sessions.js';
import { openConsistentIndex } from './index-consistency.js';
import { SqliteArticleStore } from './sqlite-article-store.js';
import { SqliteClaimStore } from './sqlite-claim-store.js';
import { SqliteCoordination } from './sqlite-coordination.js';
import { SqliteFeedState } from './sqlite-feed-state.js';
import { openStoryDatabase, SqliteStoryStore } from './sqlite-story-store.js';
import { SqliteSubscriptionStore } from './sqlite-subscription-store.js';
import { WriteLock } from './write-lock.js';

/** The database file and the vector index file in a data directory. */
export function sqliteStoragePaths(dataDir: string): { database: string; index: string; lock: string; reembedMarker: string } {
  const root = resolve(dataDir);
  return {
    database: join(root, 'storydesk.sqlite'),
    index: join(root, 'passages.hnsw'),
    lock: join(root, 'write.lock'),
    reembedMarker: join(root, 'reembed-pending'),
  };
}

/**
 * The default backend: everything in one SQLite file (WAL; the article store, the story tables, claims and
 * feed state each keep a connection) plus an hnswlib index derived from the stored vectors. SQLite
 * coordinates its own readers and writers; the index is one file, so writes across processes take the data
 * folder's write lock (`WriteSessions`), and a reader reloads the index another process saved (`refresh`).
 */
export const sqliteStorageBackend: StorageBackend = {
  id: 'sqlite',
  usesDataDir: true,
  async open(options: StorageOptions): Promise<Storage> {
    mkdirSync(resolve(options.dataDir), { recursive: true });
    const paths = sqliteStoragePaths(options.dataDir);
    const lock = new WriteLock(paths.lock, options.command ?? 'storydesk');
    const wait = options.waitForWriter ?? true;
    const onWait = options.onWaitForWriter;
    // Start-up may write (repair the index, re-embed, assign stories): a writer does it under the lock.
    if ((options.role ?? 'writer') === 'writer') await lock.acquire({ wait, ...(onWait ? { onWait } : {}) });
    let opened: ReturnType<typeof openStores>;
    try {
      opened = openStores(paths.database);
    } catch (error) {
      lock.release();
      throw error;
    }
    const { articles, storyDatabase, claims, feeds } = opened;
    if (lock.held) removeIndexLeftovers(paths.index);
    let sessions: WriteSessions | undefined;
    const coordination = new SqliteCoordination({ databasePath: paths.database, dataDir: resolve(options.dataDir), command: options.command ?? 'storydesk' });
    return {
      articles,
      stories: new SqliteStoryStore(storyDatabase),
      subscriptions: new SqliteSubscriptionStore(storyDatabase),
      claims,
      feeds,
      coordination,
      get writable() {
        return lock.held;
      },
      reembedMarker: {
        read: async () => (existsSync(paths.reembedMarker) ? readFileSync(paths.reembedMarker, 'utf8') : null),
        write: async (embedderId) => writeFileSync(paths.reembedMarker, embedderId),
        clear: async () => rmSync(paths.reembedMarker, { force: true }),
      },
      async openVectorIndex(dimension) {
        const consistent = await openConsistentIndex(articles, paths.index, dimension, { readOnly: !lock.held });
        const live = new LiveVectorIndex(consistent.index);
        sessions = new WriteSessions({
          lock,
          index: live,
          store: articles,
          indexPath: paths.index,
          dimension,
          logger: options.logger,
          wait,
          ...(onWait ? { onWait } : {}),
        });
        const index = new HnswPassageIndex(live, articles);
        return { index, repaired: consistent.repaired, ...(consistent.reason === undefined ? {} : { reason: consistent.reason }) };
      },
      write: (task) => (sessions ? sessions.write(task) : task()),
      refresh: () => (sessions ? sessions.refresh() : Promise.resolve(false)),
      endStartup: () => {
        if (!options.holdWriteLock) lock.release();
      },
      async close() {
        try {
          // Saves the index when this process is writing (its sidecar records the store generation it matches).
          sessions?.close();
        } finally {
          await coordination.close();
          feeds.close();
          claims.close();
          if (storyDatabase.open) storyDatabase.close();
          articles.close();
          lock.release();
        }
      },
    };
  },
};

function openStores(databasePath: string) {
  const articles = SqliteArticleStore.open(databasePath);
  try {
    return { articles, storyDatabase: openStoryDatabase(databasePath), claims: SqliteClaimStore.open(databasePath), feeds: SqliteFeedState.open(databasePath) };
  } catch (error) {
    articles.close();
    throw error;
  }
}
