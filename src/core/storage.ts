import type { ArticleStore } from './article-store.js';
import type { ClaimStore } from './claim-store.js';
import type { Coordination } from './coordination.js';
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
  /** How processes sharing this storage split work: event deduplication, leaders per role, change notices. */
  coordination: Coordination;
  /**
   * Opens the vector index for vectors of `dimension`, consistent with the vectors in `articles` (a derived
   * index rebuilds itself from them when it does not match). Call after the embedder is recorded.
   */
  openVectorIndex(dimension: number): Promise<OpenedVectorIndex>;
  /**
   * The embedder a re-embedding of every passage was started for and has not finished, which survives a crash
   * so the next start finishes the job (SQLite: a file in the data folder; a database: a row).
   */
  readonly reembedMarker: ReembedMarker;
  /**
   * True while this process may write (a writer during start-up, or inside `write`). A reader never writes:
   * start-up repairs, re-embedding and story catch-up are a writer's job.
   */
  readonly writable: boolean;
  /**
   * Runs `task` as the only writer of this storage across processes (SQLite + hnswlib: the data folder's write
   * lock, the newest saved index patched in first and saved after). Every change to the stores goes through here.
   */
  write<T>(task: () => Promise<T>): Promise<T>;
  /** Picks up what other processes wrote since (a derived index they saved); true when something changed. */
  refresh(): Promise<boolean>;
  /** Start-up writes are done: a writer that does not hold its role for the whole session gives it up now. */
  endStartup(): void;
  /** Makes everything durable and releases connections and files; the stores are unusable afterwards. */
  close(): Promise<void>;
}

/** A note kept in storage while every passage is being re-embedded for a new embedder. */
export interface ReembedMarker {
  /** The embedder id being re-embedded for, or null when no re-embedding is unfinished. */
  read(): Promise<string | null>;
  write(embedderId: string): Promise<void>;
  clear(): Promise<void>;
}

/** Who is writing, as another process reports it while this one waits. */
export interface WriterInfo {
  pid: number;
  command: string;
  since: string;
}

/** Where a backend reports what it does on its own (repairs, reloads). */
export interface StorageLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** Where and how to open storage. */
export interface StorageOptions {
  /** The data directory (a file-based backend keeps its files here). */
  dataDir: string;
  logger: StorageLogger;
  /** `reader` (ask, search) never writes; `writer` may, one process at a time. @default 'writer' */
  role?: 'reader' | 'writer';
  /** A writer that finds another process writing queues behind it (true) or fails with `STORE_LOCKED`. @default true */
  waitForWriter?: boolean;
  /** Keep the writer's role from open until close (a CLI ingest), rather than per write. @default false */
  holdWriteLock?: boolean;
  /** How this process is named to another one that waits for it. */
  command?: string;
  /** Called when a write waits for another process, with who is writing. */
  onWaitForWriter?: (writer: WriterInfo) => void;
}

/**
 * A storage backend: one folder under src/providers implements the ports and exports one of these; the
 * composition root picks one. Adding a backend is that folder plus one registration line.
 */
export interface StorageBackend {
  /** Short id, e.g. 'sqlite'. */
  readonly id: string;
  /** Whether it keeps files in the data directory; a database backend writes nothing there (nor creates it). */
  readonly usesDataDir: boolean;
  open(options: StorageOptions): Promise<Storage>;
}
