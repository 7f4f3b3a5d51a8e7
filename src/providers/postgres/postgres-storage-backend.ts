import type { Storage, StorageBackend, StorageOptions } from '../../core/storage.js';
import { PostgresArticleStore } from './postgres-article-store.js';
import { POSTGRES_BACKEND_TRAITS } from './postgres-backend-traits.js';
import { PostgresClaimStore } from './postgres-claim-store.js';
import { PostgresCoordination } from './postgres-coordination.js';
import { PostgresFeedStateStore } from './postgres-feed-state-store.js';
import { migrate } from './postgres-migrations.js';
import { openPostgresPool, type PostgresSettings } from './postgres-pool.js';
import { postgresReembedMarker } from './postgres-reembed-marker.js';
import { PostgresStoryStore } from './postgres-story-store.js';
import { PostgresSubscriptionStore } from './postgres-subscription-store.js';
import { PostgresVectorIndex } from './postgres-vector-index.js';

/**
 * Everything in one PostgreSQL database: articles, passages and their vectors (pgvector HNSW), full-text
 * search, stories, claims, subscriptions, the digest outbox and feed state. The database coordinates writers
 * itself, so any number of processes read and write at once: there is no write lock, and `write` just runs
 * its task. The data directory is not used.
 */
export function postgresStorageBackend(settings: PostgresSettings): StorageBackend {
  return {
    ...POSTGRES_BACKEND_TRAITS,
    async open(options: StorageOptions): Promise<Storage> {
      const pool = openPostgresPool(settings, options.command ?? 'storydesk');
      try {
        await migrate(pool);
      } catch (error) {
        await pool.end().catch(() => undefined);
        throw error;
      }
      const writable = (options.role ?? 'writer') === 'writer';
      const coordination = new PostgresCoordination({ url: settings.url, pool, applicationName: options.command ?? 'storydesk' });
      return {
        articles: new PostgresArticleStore(pool),
        stories: new PostgresStoryStore(pool),
        subscriptions: new PostgresSubscriptionStore(pool),
        claims: new PostgresClaimStore(pool),
        feeds: new PostgresFeedStateStore(pool),
        coordination,
        writable,
        reembedMarker: postgresReembedMarker(pool),
        // The vectors and their HNSW index live in the database with the passages: never out of step, never repaired.
        async openVectorIndex(dimension) {
          return { index: new PostgresVectorIndex(pool, dimension), repaired: false };
        },
        write: (task) => task(),
        refresh: async () => false,
        endStartup: () => undefined,
        close: () => coordination.close().finally(() => pool.end()),
      };
    },
  };
}
