/** A hit from the vector index: a passage label and its cosine similarity to the query. */
export interface VectorHit {
  label: number;
  similarity: number;
}

/** Approximate nearest-neighbour index over passage vectors (cosine space). */
export interface VectorIndex {
  readonly dimension: number;
  /** Number of live (not deleted) vectors. */
  count(): number;
  labels(): number[];
  add(label: number, vector: number[]): void;
  remove(label: number): void;
  search(vector: number[], k: number): VectorHit[];
  /** Persist atomically (temp file + rename). */
  save(): void;
}
