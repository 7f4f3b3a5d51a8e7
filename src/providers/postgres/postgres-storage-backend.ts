import type { ClaimStore } from '../../core/claim-store.js';
import type { FeedStateStore } from '../../core/feed-state-store.js';
import type { Storage, StorageBackend, StorageOptions } from '../../core/storage.js';
import type { StoryStore } from '../../core/story-store.js';
import type { SubscriptionStore } from '../../core/subscription-store.js';
import { notBuiltYet } from './not-built-yet.js';
import { PostgresArticleStore } from './postgres-article-store.js';
import { PostgresCoordination } from './postgres-coordination.js';
import { migrate } from './postgres-migrations.js';
import { openPostgresPool, type PostgresSettings } from './postgres-pool.js';
import { postgresReembedMarker } from './postgres-reembed-marker.js';
import { PostgresVectorIndex } from './postgres-vector-index.js';

/**
 * Everything in one PostgreSQL database: articles, passages and their vectors (pgvector HNSW), full-text
 * search, stories, claims, subscriptions, the digest outbox and feed state. The database coordinates writers
 * itself, so any number of processes read and write at once: there is no write lock, and `write` just runs
 * its task. The data directory is not used.
 */
export function postgresStorageBackend(settings: PostgresSettings): StorageBackend {
  return {
    id: 'postgres',
    usesDataDir: false,
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
        stories: notBuiltYet<StoryStore>('PostgresStoryStore'),
        subscriptions: notBuiltYet<SubscriptionStore>('PostgresSubscriptionStore'),
        claims: notBuiltYet<ClaimStore>('PostgresClaimStore'),
        feeds: notBuiltYet<FeedStateStore>('PostgresFeedStateStore'),
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
