import type { ArticleStore } from './article-store.js';
import type { ClaimStore } from './claim-store.js';
import type { FeedStateStore } from './feed-state-store.js';
import type { StoryStore } from './story-store.js';
import type { SubscriptionStore } from './subscription-store.js';
import type { VectorIndex } from './vector-index.js';

/** A vector index as opened, and whether it had to be rebuilt from the stored vectors (a crash, a damaged file). */
export interface OpenedVectorIndex {
  index: VectorIndex;
  repaired: boolean;
  /** Why it was rebuilt, when it was. */
  reason?: string;
}

/** Everything storydesk stores, opened together over one backend. */
export interface Storage {
  articles: ArticleStore;
  stories: StoryStore;
  subscriptions: SubscriptionStore;
  claims: ClaimStore;
  feeds: FeedStateStore;
  /**
   * Opens the vector index for vectors of `dimension`, consistent with the vectors in `articles` (a derived
   * index rebuilds itself from them when it does not match). Call after the embedder is recorded.
   */
  openVectorIndex(dimension: number): Promise<OpenedVectorIndex>;
  /** Makes everything durable and releases connections and files; the stores are unusable afterwards. */
  close(): Promise<void>;
}

/** Where to open storage. */
export interface StorageOptions {
  /** The data directory (a file-based backend keeps its files here). */
  dataDir: string;
}

/**
 * A storage backend: one folder under src/providers implements the ports and exports one of these; the
 * composition root picks one. Adding a backend is that folder plus one registration line.
 */
export interface StorageBackend {
  /** Short id, e.g. 'sqlite'. */
  readonly id: string;
  open(options: StorageOptions): Promise<Storage>;
}
