import type { SearchFilters } from './search.js';

/**
 * Restricts a vector search, as data a database can apply inside its query (never a callback): to some
 * articles, outlets or a publication window. Every field narrows; an absent field does not.
 */
export interface VectorFilter extends SearchFilters {
  articleIds?: string[];
}

/** A hit from the vector index: a passage and its cosine similarity to the query. */
export interface VectorHit {
  passageId: number;
  similarity: number;
}

/** One passage vector to index. */
export interface PassageVector {
  passageId: number;
  vector: number[];
}

/**
 * Nearest-neighbour search over passage vectors (cosine). Stored vectors live in the `ArticleStore`; an index
 * may be a derived structure (hnswlib, rebuilt from them) or the same database (pgvector).
 */
export interface VectorIndex {
  readonly dimension: number;
  /** Number of searchable vectors. */
  count(): Promise<number>;
  /** Adds vectors, replacing those of passages already indexed. */
  upsert(vectors: PassageVector[]): Promise<void>;
  /** Drops passages from the index; unknown ids are ignored. */
  remove(passageIds: number[]): Promise<void>;
  /** The `k` nearest vectors that pass the filter, best first; the filter applies inside the search, so k hits still come back. */
  search(vector: number[], k: number, filter?: VectorFilter): Promise<VectorHit[]>;
  /** Makes the changes so far durable (a derived index writes its file; a database has nothing left to do). */
  flush(): Promise<void>;
}
