import { existsSync } from 'node:fs';
import type { ArticleStore } from '../core/article-store.js';
import { StorydeskError } from '../core/errors.js';
import { labelsChecksum, readIndexSidecar } from './hnsw-index-sidecar.js';
import { type HnswCreateOptions, HnswVectorIndex } from './hnsw-vector-index.js';

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

/** What a store may offer beyond the port; `SqliteArticleStore` has both. */
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
  const generation = hasGeneration(store) ? () => store.getGeneration() : undefined;
  const searchOptions = generation === undefined ? options : { ...options, generation };
  const storeLabels = hasVectorIds(store) ? store.vectorPassageIds() : store.passageIds();
  const storeChecksum = labelsChecksum(storeLabels);

  const problem = checkSavedIndex(indexPath, dimension, storeLabels.length, storeChecksum);
  if (problem.index !== undefined) return { index: problem.index, repaired: false };

  const index = HnswVectorIndex.create(dimension, {
    ...options,
    ...(generation === undefined ? {} : { generation }),
    path: indexPath,
    capacity: Math.max(1024, Math.ceil(storeLabels.length * 1.25)),
  });
  for (const { passageId, vector } of store.iterateVectors()) {
    if (vector.length !== dimension) {
      throw new StorydeskError(
        'STORE_DIMENSION_MISMATCH',
        `Stored vector of passage ${passageId} has ${vector.length} dimensions, but the embedder has ${dimension}: re-embed the store before opening the index.`,
      );
    }
    index.add(passageId, vector);
  }
  index.save();
  // A fresh install (no file, no vectors) has nothing to repair; say so, so nobody logs a false alarm.
  const fresh = problem.missing && storeLabels.length === 0;
  return fresh ? { index, repaired: false } : { index, repaired: true, reason: problem.reason };

  function checkSavedIndex(
    path: string,
    expectedDimension: number,
    expectedCount: number,
    expectedChecksum: string,
  ): { index: HnswVectorIndex; reason?: never; missing?: never } | { index?: never; reason: string; missing: boolean } {
    if (!existsSync(path)) return { reason: 'the index file is missing', missing: true };
    const sidecar = readIndexSidecar(path);
    if (sidecar === null) return { reason: 'the index sidecar is missing or unreadable', missing: false };
    if (sidecar.dimension !== expectedDimension) {
      return { reason: `the index has ${sidecar.dimension} dimensions, the embedder ${expectedDimension}`, missing: false };
    }
    if (sidecar.count !== expectedCount || sidecar.labelsChecksum !== expectedChecksum) {
      const savedAt = sidecar.generation === null ? '' : ` (saved at store generation ${sidecar.generation}, store now at ${generation?.() ?? 'unknown'})`;
      return { reason: `the index holds ${sidecar.count} vectors, the store ${expectedCount}, or other passages${savedAt}`, missing: false };
    }
    let loaded: HnswVectorIndex;
    try {
      loaded = HnswVectorIndex.load(path, expectedDimension, searchOptions);
    } catch (error) {
      return { reason: `the index could not be loaded: ${error instanceof Error ? error.message : String(error)}`, missing: false };
    }
    // The sidecar could describe another file; trust only what was actually loaded.
    if (labelsChecksum(loaded.labels()) !== expectedChecksum) {
      return { reason: 'the loaded index holds other passages than its sidecar says', missing: false };
    }
    if (loaded.deletedCount() > Math.max(1024, loaded.count())) {
      return { reason: `compacting ${loaded.deletedCount()} deleted slots`, missing: false };
    }
    return { index: loaded };
  }
}

function hasGeneration(store: object): store is GenerationAware {
  return typeof (store as Partial<GenerationAware>).getGeneration === 'function';
}

function hasVectorIds(store: object): store is VectorIdsAware {
  return typeof (store as Partial<VectorIdsAware>).vectorPassageIds === 'function';
}
