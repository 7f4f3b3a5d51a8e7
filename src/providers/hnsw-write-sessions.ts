import { existsSync } from 'node:fs';
import type { StorageLogger } from '../core/storage.js';
import { fileIdentity, labelsChecksum, sidecarPath } from './hnsw-index-sidecar.js';
import type { LiveVectorIndex } from './hnsw-live-index.js';
import { removeIndexLeftovers } from './hnsw-vector-index.js';
import { type ConsistentIndex, openConsistentIndex } from './index-consistency.js';
import type { SqliteArticleStore } from './sqlite-article-store.js';
import type { WriteLock, WriteLockHolder } from './write-lock.js';

/** What {@link WriteSessions} needs. */
export interface WriteSessionsOptions {
  lock: WriteLock;
  index: LiveVectorIndex;
  store: SqliteArticleStore;
  indexPath: string;
  dimension: number;
  logger: StorageLogger;
  /** Queue behind another process's write instead of failing with `STORE_LOCKED`. */
  wait: boolean;
  /** Called when a write has to wait for another process. */
  onWait?: (holder: WriteLockHolder) => void;
}

/**
 * How one process shares a data folder with others. SQLite coordinates its own readers and writers; the
 * vector index is one file, so every change to it happens in a write session: take the folder's write lock,
 * load the newest saved index (another process may have saved one), patch it to the store, make the change,
 * save, give the lock back. Between sessions the process only reads, and `refresh` picks up what others saved.
 */
export class WriteSessions {
  readonly #options: WriteSessionsOptions;
  /** The sidecar identity of the index file this process last loaded or saved. */
  #known: string;
  /** Serialises this process's own writers (a feed poll and a chat command, say). */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: WriteSessionsOptions) {
    this.#options = options;
    this.#known = sidecarIdentity(options.indexPath);
  }

  /** True while this process holds the folder's write lock. */
  get writing(): boolean {
    return this.#options.lock.held;
  }

  /** Runs `task` as the folder's only writer and saves the index after it, even when it fails. */
  write<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => this.#session(task));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #session<T>(task: () => Promise<T>): Promise<T> {
    const { lock, index } = this.#options;
    const outer = !lock.held;
    if (outer) {
      await lock.acquire({ wait: this.#options.wait, ...(this.#options.onWait ? { onWait: this.#options.onWait } : {}) });
      removeIndexLeftovers(this.#options.indexPath);
    }
    try {
      await this.#catchUp();
      return await task();
    } finally {
      try {
        index.save();
        this.#known = sidecarIdentity(this.#options.indexPath);
      } finally {
        if (outer) lock.release();
      }
    }
  }

  /** Makes the index the writer's: the newest saved one, patched to what the store holds now. */
  async #catchUp(): Promise<void> {
    const { index, store, indexPath } = this.#options;
    const changedOnDisk = sidecarIdentity(indexPath) !== this.#known;
    const stored = store.vectorPassageIds();
    if (!changedOnDisk && !index.current.isReadOnly && labelsChecksum(index.labels()) === labelsChecksum(stored)) return;
    this.#adopt(await openConsistentIndex(store, indexPath, this.#options.dimension), 'write');
  }

  /**
   * Between writes: when another process saved a newer index, loads it (read-only) in place of ours, so a
   * long-running bot answers from articles a CLI ingest added. True when it swapped.
   */
  refresh(): Promise<boolean> {
    // Queued with the writes, so a reload never swaps a read-only index in under a write session.
    const run = this.#queue.then(() => this.#reload());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #reload(): Promise<boolean> {
    if (this.#options.lock.held) return false;
    const identity = sidecarIdentity(this.#options.indexPath);
    if (identity === this.#known) return false;
    const opened = await openConsistentIndex(this.#options.store, this.#options.indexPath, this.#options.dimension, { readOnly: true });
    // The identity read before loading: if a writer saved meanwhile, the next refresh loads that too.
    this.#adopt(opened, 'refresh', identity);
    return true;
  }

  /** Saves (when writing) and gives the lock up. */
  close(): void {
    if (!this.#options.lock.held) return;
    try {
      this.#options.index.save();
    } finally {
      this.#options.lock.release();
    }
  }

  #adopt(opened: ConsistentIndex, why: 'write' | 'refresh', identity = sidecarIdentity(this.#options.indexPath)): void {
    const { logger, index } = this.#options;
    index.replace(opened.index);
    this.#known = identity;
    if (opened.repaired) logger.warn({ reason: opened.reason }, 'The vector index did not match the database; it was patched from the stored vectors.');
    else if (why === 'refresh') logger.info({ vectors: opened.index.count() }, 'Loaded the vector index another process saved');
    else logger.debug({ vectors: opened.index.count() }, 'Reloaded the saved vector index to write to it');
  }
}

/** Identity of the sidecar file (it is replaced on every save), or "missing". */
function sidecarIdentity(indexPath: string): string {
  const path = sidecarPath(indexPath);
  return existsSync(path) ? fileIdentity(path) : 'missing';
}
