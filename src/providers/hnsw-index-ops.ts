import type hnswlib from 'hnswlib-node';

/**
 * Index changes queued in order, in flat typed arrays so a batch moves to the insert worker without copying.
 * `kinds[i]` is one of the codes below; the vector of each add follows the previous add's in `vectors`.
 */
export interface IndexOpBatch {
  kinds: Uint8Array<ArrayBuffer>;
  labels: Float64Array<ArrayBuffer>;
  vectors: Float32Array<ArrayBuffer>;
}

export const OP_ADD_NEW = 1;
export const OP_ADD_KNOWN = 2;
export const OP_REMOVE = 3;

/** Collects adds and removes until they are applied here or posted to the worker. */
export class IndexOpQueue {
  readonly dimension: number;
  #kinds: number[] = [];
  #labels: number[] = [];
  #vectors: Float32Array<ArrayBuffer>;
  #adds = 0;

  constructor(dimension: number) {
    this.dimension = dimension;
    this.#vectors = new Float32Array(dimension * 256);
  }

  get size(): number {
    return this.#kinds.length;
  }

  add(label: number, vector: number[], known: boolean): void {
    if ((this.#adds + 1) * this.dimension > this.#vectors.length) {
      const grown = new Float32Array(this.#vectors.length * 2);
      grown.set(this.#vectors);
      this.#vectors = grown;
    }
    this.#vectors.set(vector, this.#adds * this.dimension);
    this.#adds += 1;
    this.#kinds.push(known ? OP_ADD_KNOWN : OP_ADD_NEW);
    this.#labels.push(label);
  }

  remove(label: number): void {
    this.#kinds.push(OP_REMOVE);
    this.#labels.push(label);
  }

  /** The queued changes, oldest first; the queue is empty afterwards. */
  take(): IndexOpBatch {
    const batch = {
      kinds: Uint8Array.from(this.#kinds),
      labels: Float64Array.from(this.#labels),
      vectors: this.#vectors.slice(0, this.#adds * this.dimension),
    };
    this.#kinds = [];
    this.#labels = [];
    this.#adds = 0;
    return batch;
  }
}

/** Applies a batch to an hnswlib index, in order; the same code runs on the main thread and in the worker. */
export function applyIndexOps(index: hnswlib.HierarchicalNSW, batch: IndexOpBatch, dimension: number): void {
  let vectorOffset = 0;
  batch.kinds.forEach((kind, position) => {
    const label = batch.labels[position] ?? -1;
    if (kind === OP_REMOVE) {
      index.markDelete(label);
      return;
    }
    if (kind === OP_ADD_NEW && index.getCurrentCount() >= index.getMaxElements()) {
      // Doubling keeps the amortised cost of growth linear; resizeIndex only reallocates.
      // A loaded index has exactly as many slots as it had points (zero for an empty one), hence the floor.
      index.resizeIndex(Math.max(1024, index.getMaxElements() * 2));
    }
    // hnswlib-node takes plain arrays only. On a known label it updates the point in place, un-deleting it.
    index.addPoint(plainArray(batch.vectors, vectorOffset, dimension), label);
    vectorOffset += dimension;
  });
}

/** `length` numbers from `offset` as a plain array: a loop is ~20× faster than Array.from on a typed subarray. */
function plainArray(source: Float32Array, offset: number, length: number): number[] {
  const values = new Array<number>(length);
  for (let position = 0; position < length; position += 1) values[position] = source[offset + position] ?? 0;
  return values;
}
