/**
 * The shape of hnswlib's index as storydesk wraps it: numeric labels (passage ids), synchronous calls, a
 * label callback as filter, and an explicit save. Only the SQLite + hnswlib backend sees this; the rest of
 * storydesk speaks the `VectorIndex` port (src/core/vector-index.ts) through `HnswPassageIndex`.
 */

/** A hit: a label and its cosine similarity to the query. */
export interface LabelHit {
  label: number;
  similarity: number;
}

/** An approximate nearest-neighbour index over labelled vectors (cosine space). */
export interface LabelVectorIndex {
  readonly dimension: number;
  /** Number of live (not deleted) vectors. */
  count(): number;
  labels(): number[];
  add(label: number, vector: number[]): void;
  remove(label: number): void;
  /** The k nearest live vectors; `accept` filters labels inside the search so k hits still come back. */
  search(vector: number[], k: number, accept?: (label: number) => boolean): LabelHit[];
  /** Persist atomically (temp file + rename). */
  save(): void;
}
