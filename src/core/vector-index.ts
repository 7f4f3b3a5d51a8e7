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
  /** The k nearest live vectors; `accept` filters labels inside the search so k hits still come back. */
  search(vector: number[], k: number, accept?: (label: number) => boolean): VectorHit[];
  /** Persist atomically (temp file + rename). */
  save(): void;
}
