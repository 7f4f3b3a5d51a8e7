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
 * but the index not saved, or the reverse), or when the file is missing, damaged or of another dimension,
 * the index is rebuilt from the stored vectors (no re-embedding) and saved. The label set decides: passage
 * ids are never reused and a passage's vector never changes, so equal label sets mean equal contents.
 * Also compacts an index whose deleted slots outnumber its live ones.
 */
export function ensureIndexConsistent(
  store: ArticleStore,
  indexPath: string,
  dimension: number,
  options: IndexConsistencyOptions = {},
): ConsistentIndex {
  const check = new IndexCheck(store, indexPath, dimension, options);
  const problem = check.beforeLoad() ?? check.againstStore();
  if (problem !== undefined) return check.rebuild(problem);
  let loaded: HnswVectorIndex;
  try {
    loaded = HnswVectorIndex.load(indexPath, dimension, check.searchOptions);
  } catch (error) {
    return check.rebuild(unloadable(error));
  }
  return check.afterLoad(loaded);
}

/**
 * `ensureIndexConsistent` for start-up: the index file is read on the thread pool while the store's labels
 * are read and compared, and the promise can be awaited after other start-up work (the read of a 200 MB
 * index overlaps it).
 */
export async function openConsistentIndex(
  store: ArticleStore,
  indexPath: string,
  dimension: number,
  options: IndexConsistencyOptions = {},
): Promise<ConsistentIndex> {
  const check = new IndexCheck(store, indexPath, dimension, options);
  const early = check.beforeLoad();
  if (early !== undefined) return check.rebuild(early);
  let loading: Promise<HnswVectorIndex | Problem>;
  try {
    loading = HnswVectorIndex.loadAsync(indexPath, dimension, check.searchOptions).catch(unloadable);
  } catch (error) {
    return check.rebuild(unloadable(error));
  }
  const problem = check.againstStore();
  const loaded = await loading;
  if (problem !== undefined) return check.rebuild(problem);
  return loaded instanceof HnswVectorIndex ? check.afterLoad(loaded) : check.rebuild(loaded);
}

interface Problem {
  reason: string;
  missing: boolean;
}

function unloadable(error: unknown): Problem {
  return { reason: `the index could not be loaded: ${error instanceof Error ? error.message : String(error)}`, missing: false };
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

  /** Whether the sidecar's label set is the store's. */
  againstStore(): Problem | undefined {
    const sidecar = readIndexSidecar(this.#path);
    if (sidecar === null) return { reason: 'the index sidecar is missing or unreadable', missing: false };
    const labels = this.storeLabels();
    if (sidecar.count !== labels.length || sidecar.labelsChecksum !== this.storeChecksum()) {
      const savedAt = sidecar.generation === null ? '' : ` (saved at store generation ${sidecar.generation}, store now at ${this.#generation?.() ?? 'unknown'})`;
      return { reason: `the index holds ${sidecar.count} vectors, the store ${labels.length}, or other passages${savedAt}`, missing: false };
    }
    return undefined;
  }

  /** Checks what was actually loaded (the sidecar could describe another file), or rebuilds. */
  afterLoad(loaded: HnswVectorIndex): ConsistentIndex {
    if (labelsChecksum(loaded.labels()) !== this.storeChecksum()) {
      return this.rebuild({ reason: 'the loaded index holds other passages than its sidecar says', missing: false });
    }
    if (loaded.deletedCount() > Math.max(1024, loaded.count())) {
      return this.rebuild({ reason: `compacting ${loaded.deletedCount()} deleted slots`, missing: false });
    }
    return { index: loaded, repaired: false };
  }

  /** A new index from the stored vectors, saved. */
  rebuild(problem: Problem): ConsistentIndex {
    const labels = this.storeLabels();
    const index = HnswVectorIndex.create(this.#dimension, {
      ...this.#options,
      ...(this.#generation === undefined ? {} : { generation: this.#generation }),
      path: this.#path,
      capacity: Math.max(1024, Math.ceil(labels.length * 1.25)),
    });
    for (const { passageId, vector } of this.#store.iterateVectors()) {
      if (vector.length !== this.#dimension) {
        throw new StorydeskError(
          'STORE_DIMENSION_MISMATCH',
          `Stored vector of passage ${passageId} has ${vector.length} dimensions, but the embedder has ${this.#dimension}: re-embed the store before opening the index.`,
        );
      }
      index.add(passageId, vector);
    }
    index.save();
    // A fresh install (no file, no vectors) has nothing to repair; say so, so nobody logs a false alarm.
    const fresh = problem.missing && labels.length === 0;
    return fresh ? { index, repaired: false } : { index, repaired: true, reason: problem.reason };
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
