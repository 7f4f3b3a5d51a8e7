import type { PassageVector, VectorFilter, VectorHit, VectorIndex } from '../core/vector-index.js';
import type { LabelVectorIndex } from './hnsw-label-index.js';
import type { SqliteArticleStore } from './sqlite-article-store.js';

/**
 * The `VectorIndex` port over an hnswlib index whose labels are passage ids. hnswlib can only filter by label,
 * so a filter (data) is turned into the passage ids that pass it by the SQLite store, then applied inside the
 * hnswlib search, which still returns k hits.
 */
export class HnswPassageIndex implements VectorIndex {
  readonly #index: LabelVectorIndex;
  readonly #articles: SqliteArticleStore;

  constructor(index: LabelVectorIndex, articles: SqliteArticleStore) {
    this.#index = index;
    this.#articles = articles;
  }

  get dimension(): number {
    return this.#index.dimension;
  }

  async count(): Promise<number> {
    return this.#index.count();
  }

  async upsert(vectors: PassageVector[]): Promise<void> {
    for (const { passageId, vector } of vectors) this.#index.add(passageId, vector);
  }

  async remove(passageIds: number[]): Promise<void> {
    for (const id of passageIds) this.#index.remove(id);
  }

  async search(vector: number[], k: number, filter?: VectorFilter): Promise<VectorHit[]> {
    const allowed = this.#articles.passageIdsMatching(filter);
    const hits = this.#index.search(vector, k, allowed === null ? undefined : (label) => allowed.has(label));
    return hits.map((hit) => ({ passageId: hit.label, similarity: hit.similarity }));
  }

  async flush(): Promise<void> {
    this.#index.save();
  }
}
