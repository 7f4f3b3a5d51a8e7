import { existsSync } from 'node:fs';
import { StorydeskError } from '../core/errors.js';
import { labelsChecksum, readIndexSidecar } from './hnsw-index-sidecar.js';
import { type HnswCreateOptions, HnswVectorIndex } from './hnsw-vector-index.js';
import type { SqliteArticleStore } from './sqlite-article-store.js';

/** Options for opening or rebuilding the index; the path comes from the caller. */
export type IndexConsistencyOptions = Omit<HnswCreateOptions, 'path' | 'capacity' | 'generation'>;

/** The opened index and whether it had to be rebuilt from the store. */
export interface ConsistentIndex {
  index: HnswVectorIndex;
  /** True when an existing index (or a store with vectors) was out of step and the index was rebuilt. */
  repaired: boolean;
  /** Why it was rebuilt, for the log. */
  reason?: string;
}

/** What the index is rebuilt from: the stored vectors, read on this thread (`SqliteArticleStore` has these). */
type ArticleStore = Pick<SqliteArticleStore, 'iterateVectors' | 'passageIds'>;

/** What a store may offer beyond that; `SqliteArticleStore` has both. */
interface GenerationAware {
  getGeneration(): number;
}
interface VectorIdsAware {
  vectorPassageIds(): number[];
}

/**
 * Opens the vector index at `indexPath` and makes sure it holds exactly the store's passage vectors.
 *
 * SQLite is the source of truth; the index is derived from it. After a crash mid-ingest (SQLite committed
 * but the index not saved, or the reverse) the saved index is patched: the stored vectors it lacks are added
 * and the labels the store no longer has are removed, so a kill costs the tail since the last checkpoint, not
 * the whole index. A missing, damaged or other-dimension file is rebuilt from the stored vectors (no
 * re-embedding). The label set decides: passage ids are never reused and a passage's vector never changes,
 * so equal label sets mean equal contents. Also compacts an index whose deleted slots outnumber its live ones.
 *
 * With `readOnly` (a process that does not hold the write lock) nothing is written: a loadable index is used
 * as saved, even when the store has moved on (the writer saves it at its next checkpoint), and one that
 * cannot be loaded is built in memory only.
 */
export function ensureIndexConsistent(
  store: ArticleStore,
  indexPath: string,
  dimension: number,
  options: IndexConsistencyOptions = {},
): ConsistentIndex {
  const check = new IndexCheck(store, indexPath, dimension, options);
  const early = check.beforeLoad();
  if (early !== undefined) return check.rebuild(early);
  const mismatch = check.againstStore();
  let loaded: HnswVectorIndex;
  try {
    loaded = HnswVectorIndex.load(indexPath, dimension, check.searchOptions);
  } catch (error) {
    return check.rebuild(unloadable(error));
  }
  return check.afterLoad(loaded, mismatch);
}

/**
 * `ensureIndexConsistent` for start-up: the index file is read on the thread pool while the store's labels
 * are read and compared, and the promise can be awaited after other start-up work (the read of a 200 MB
 * index overlaps it). A reader retries a load that failed because a writer replaced the file meanwhile.
 */
export async function openConsistentIndex(
  store: ArticleStore,
  indexPath: string,
  dimension: number,
  options: IndexConsistencyOptions = {},
): Promise<ConsistentIndex> {
  const check = new IndexCheck(store, indexPath, dimension, options);
  const attempts = options.readOnly ? 3 : 1;
  let problem: Problem | undefined;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    problem = check.beforeLoad();
    if (problem !== undefined) break;
    let loading: Promise<HnswVectorIndex | Problem>;
    try {
      loading = HnswVectorIndex.loadAsync(indexPath, dimension, check.searchOptions).catch(unloadable);
    } catch (error) {
      problem = unloadable(error);
      await pause(50 * (attempt + 1));
      continue;
    }
    const mismatch = check.againstStore();
    const loaded = await loading;
    if (loaded instanceof HnswVectorIndex) return check.afterLoad(loaded, mismatch);
    problem = loaded;
    await pause(50 * (attempt + 1));
  }
  return check.rebuild(problem ?? { reason: 'the index could not be loaded', missing: false });
}

interface Problem {
  reason: string;
  missing: boolean;
}

function unloadable(error: unknown): Problem {
  return { reason: `the index could not be loaded: ${error instanceof Error ? error.message : String(error)}`, missing: false };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The steps of the check, shared by the synchronous and the overlapped open. */
class IndexCheck {
  readonly searchOptions: IndexConsistencyOptions & { generation?: () => number };
  readonly #store: ArticleStore;
  readonly #path: string;
  readonly #dimension: number;
  readonly #options: IndexConsistencyOptions;
  readonly #generation: (() => number) | undefined;
  #storeLabels: number[] | undefined;
  #storeChecksum: string | undefined;

  constructor(store: ArticleStore, path: string, dimension: number, options: IndexConsistencyOptions) {
    this.#store = store;
    this.#path = path;
    this.#dimension = dimension;
    this.#options = options;
    this.#generation = hasGeneration(store) ? () => store.getGeneration() : undefined;
    this.searchOptions = this.#generation === undefined ? options : { ...options, generation: this.#generation };
  }

  /** What the sidecar alone says is wrong, before anything is read. */
  beforeLoad(): Problem | undefined {
    if (!existsSync(this.#path)) return { reason: 'the index file is missing', missing: true };
    const sidecar = readIndexSidecar(this.#path);
    if (sidecar === null) return { reason: 'the index sidecar is missing or unreadable', missing: false };
    if (sidecar.dimension !== this.#dimension) {
      return { reason: `the index has ${sidecar.dimension} dimensions, the embedder ${this.#dimension}`, missing: false };
    }
    return undefined;
  }

  /** Whether the sidecar's label set is the store's (a reader does not ask: it uses what is saved). */
  againstStore(): Problem | undefined {
    if (this.#options.readOnly) return undefined;
    const sidecar = readIndexSidecar(this.#path);
    if (sidecar === null) return { reason: 'the index sidecar is missing or unreadable', missing: false };
    const labels = this.storeLabels();
    if (sidecar.count !== labels.length || sidecar.labelsChecksum !== this.storeChecksum()) {
      const savedAt = sidecar.generation === null ? '' : ` (saved at store generation ${sidecar.generation}, store now at ${this.#generation?.() ?? 'unknown'})`;
      return { reason: `the index holds ${sidecar.count} vectors, the store ${labels.length}, or other passages${savedAt}`, missing: false };
    }
    return undefined;
  }

  /** Checks what was actually loaded (the sidecar could describe another file) and patches it to the store. */
  afterLoad(loaded: HnswVectorIndex, mismatch: Problem | undefined): ConsistentIndex {
    if (this.#options.readOnly) return { index: loaded, repaired: false };
    if (loaded.deletedCount() > Math.max(1024, loaded.count())) {
      return this.rebuild({ reason: `compacting ${loaded.deletedCount()} deleted slots`, missing: false });
    }
    if (labelsChecksum(loaded.labels()) === this.storeChecksum()) return { index: loaded, repaired: false };
    this.patch(loaded);
    if (loaded.deletedCount() > Math.max(1024, loaded.count())) {
      return this.rebuild({ reason: `compacting ${loaded.deletedCount()} deleted slots`, missing: false });
    }
    loaded.save();
    return { index: loaded, repaired: true, reason: mismatch?.reason ?? 'the loaded index holds other passages than its sidecar says' };
  }

  /** Adds the stored vectors the index lacks and removes the labels the store no longer has. */
  private patch(index: HnswVectorIndex): void {
    const stored = new Set(this.storeLabels());
    const present = new Set(index.labels());
    for (const label of present) if (!stored.has(label)) index.remove(label);
    for (const { passageId, vector } of this.#store.iterateVectors()) {
      if (present.has(passageId)) continue;
      this.checkStoredVector(passageId, vector);
      index.add(passageId, vector);
    }
  }

  /** A new index from the stored vectors, saved (kept in memory only when read-only). */
  rebuild(problem: Problem): ConsistentIndex {
    const labels = this.storeLabels();
    const index = HnswVectorIndex.create(this.#dimension, {
      ...this.#options,
      ...(this.#generation === undefined ? {} : { generation: this.#generation }),
      path: this.#path,
      capacity: Math.max(1024, Math.ceil(labels.length * 1.25)),
    });
    for (const { passageId, vector } of this.#store.iterateVectors()) {
      this.checkStoredVector(passageId, vector);
      index.add(passageId, vector);
    }
    index.save();
    // A fresh install (no file, no vectors) has nothing to repair; say so, so nobody logs a false alarm.
    const fresh = problem.missing && labels.length === 0;
    return fresh ? { index, repaired: false } : { index, repaired: true, reason: problem.reason };
  }

  private checkStoredVector(passageId: number, vector: number[]): void {
    if (vector.length !== this.#dimension) {
      throw new StorydeskError(
        'STORE_DIMENSION_MISMATCH',
        `Stored vector of passage ${passageId} has ${vector.length} dimensions, but the embedder has ${this.#dimension}: re-embed the store before opening the index.`,
      );
    }
  }

  private storeLabels(): number[] {
    this.#storeLabels ??= hasVectorIds(this.#store) ? this.#store.vectorPassageIds() : this.#store.passageIds();
    return this.#storeLabels;
  }

  private storeChecksum(): string {
    this.#storeChecksum ??= labelsChecksum(this.storeLabels());
    return this.#storeChecksum;
  }
}

function hasGeneration(store: object): store is GenerationAware {
  return typeof (store as Partial<GenerationAware>).getGeneration === 'function';
}

function hasVectorIds(store: object): store is VectorIdsAware {
  return typeof (store as Partial<VectorIdsAware>).vectorPassageIds === 'function';
}
