import type { LabelHit, LabelVectorIndex } from './hnsw-label-index.js';
import type { HnswVectorIndex } from './hnsw-vector-index.js';

/**
 * The vector index a running process searches, which can be swapped for a newer one without the retriever
 * or the ingest code holding a stale reference: another process's ingest saves a new index file, and this
 * process loads it and calls `replace`. Searches are synchronous, so none is ever split across two indexes.
 */
export class LiveVectorIndex implements LabelVectorIndex {
  #current: HnswVectorIndex;

  constructor(initial: HnswVectorIndex) {
    this.#current = initial;
  }

  /** The index in use now. */
  get current(): HnswVectorIndex {
    return this.#current;
  }

  get dimension(): number {
    return this.#current.dimension;
  }

  replace(next: HnswVectorIndex): void {
    this.#current = next;
  }

  count(): number {
    return this.#current.count();
  }

  labels(): number[] {
    return this.#current.labels();
  }

  add(label: number, vector: number[]): void {
    this.#current.add(label, vector);
  }

  remove(label: number): void {
    this.#current.remove(label);
  }

  search(vector: number[], k: number, accept?: (label: number) => boolean): LabelHit[] {
    return this.#current.search(vector, k, accept);
  }

  save(): void {
    this.#current.save();
  }
}
