import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Storage, StorageBackend, StorageOptions } from '../core/storage.js';
import { HnswPassageIndex } from './hnsw-passage-index.js';
import { openConsistentIndex } from './index-consistency.js';
import { SqliteArticleStore } from './sqlite-article-store.js';
import { SqliteClaimStore } from './sqlite-claim-store.js';
import { SqliteFeedState } from './sqlite-feed-state.js';
import { openStoryDatabase, SqliteStoryStore } from './sqlite-story-store.js';
import { SqliteSubscriptionStore } from './sqlite-subscription-store.js';

/** The database file and the vector index file in a data directory. */
export function sqliteStoragePaths(dataDir: string): { database: string; index: string } {
  const root = resolve(dataDir);
  return { database: join(root, 'storydesk.sqlite'), index: join(root, 'passages.hnsw') };
}

/**
 * The default backend: everything in one SQLite file (WAL; the article store, the story tables, claims and
 * feed state each keep a connection) plus an hnswlib index derived from the stored vectors.
 */
export const sqliteStorageBackend: StorageBackend = {
  id: 'sqlite',
  async open(options: StorageOptions): Promise<Storage> {
    mkdirSync(resolve(options.dataDir), { recursive: true });
    const paths = sqliteStoragePaths(options.dataDir);
    const articles = SqliteArticleStore.open(paths.database);
    const storyDatabase = openStoryDatabase(paths.database);
    const claims = SqliteClaimStore.open(paths.database);
    const feeds = SqliteFeedState.open(paths.database);
    let index: HnswPassageIndex | undefined;
    return {
      articles,
      stories: new SqliteStoryStore(storyDatabase),
      subscriptions: new SqliteSubscriptionStore(storyDatabase),
      claims,
      feeds,
      async openVectorIndex(dimension) {
        const opened = await openConsistentIndex(articles, paths.index, dimension);
        index = new HnswPassageIndex(opened.index, articles);
        return { index, repaired: opened.repaired, ...(opened.reason === undefined ? {} : { reason: opened.reason }) };
      },
      async close() {
        // The index is saved first: its sidecar records the store generation it matches.
        index?.hnsw.save();
        feeds.close();
        claims.close();
        if (storyDatabase.open) storyDatabase.close();
        articles.close();
      },
    };
  },
};
