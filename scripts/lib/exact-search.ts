/** Stored vectors in one flat, L2-normalised matrix, so exact search is a plain dot-product scan. */
export interface VectorMatrix {
  dimension: number;
  labels: number[];
  /** Row-major, `labels.length × dimension`, each row of unit length. */
  rows: Float32Array;
  /** Row of each label. */
  rowOf: Map<number, number>;
}

/** The neighbours of one query, nearest first, with their cosine distances (1 − cosine similarity). */
export interface Neighbours {
  labels: number[];
  distances: number[];
}

/** Fills the matrix straight from an iterator, so the benchmark never holds a second copy of every vector. */
export function vectorMatrix(entries: Iterable<{ label: number; vector: ArrayLike<number> }>, count: number, dimension: number): VectorMatrix {
  let rows = new Float32Array(count * dimension);
  const labels: number[] = [];
  const rowOf = new Map<number, number>();
  for (const { label, vector } of entries) {
    const row = labels.length;
    if ((row + 1) * dimension > rows.length) {
      const grown = new Float32Array(Math.max(rows.length * 2, (row + 1) * dimension));
      grown.set(rows);
      rows = grown;
    }
    rows.set(normalised(vector), row * dimension);
    labels.push(label);
    rowOf.set(label, row);
  }
  return { dimension, labels, rows: rows.subarray(0, labels.length * dimension), rowOf };
}

export function normalised(vector: ArrayLike<number>): Float32Array {
  const unit = Float32Array.from(vector);
  let norm = 0;
  for (let i = 0; i < unit.length; i += 1) norm += (unit[i] ?? 0) ** 2;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < unit.length; i += 1) unit[i] = (unit[i] ?? 0) * scale;
  return unit;
}

/** Cosine distance between a unit query and the stored row of `label` (Infinity for an unknown label). */
export function distanceTo(matrix: VectorMatrix, query: Float32Array, label: number): number {
  const row = matrix.rowOf.get(label);
  if (row === undefined) return Number.POSITIVE_INFINITY;
  return 1 - dot(matrix.rows, row * matrix.dimension, query);
}

/**
 * Brute-force k nearest by cosine: the ground truth an ANN index is measured against, and the "exact
 * search" baseline whose QPS it is compared with. Keeps a bounded best-k list instead of sorting every
 * score, as any reasonable exact scan would.
 */
export function exactNeighbours(matrix: VectorMatrix, query: Float32Array, k: number): Neighbours {
  const bestLabels: number[] = [];
  const bestDistances: number[] = [];
  const count = matrix.labels.length;
  for (let row = 0; row < count; row += 1) {
    const distance = 1 - dot(matrix.rows, row * matrix.dimension, query);
    if (bestDistances.length === k && distance >= (bestDistances[k - 1] ?? Number.POSITIVE_INFINITY)) continue;
    let at = bestDistances.length;
    while (at > 0 && (bestDistances[at - 1] ?? 0) > distance) at -= 1;
    bestDistances.splice(at, 0, distance);
    bestLabels.splice(at, 0, matrix.labels[row] ?? -1);
    if (bestDistances.length > k) {
      bestDistances.pop();
      bestLabels.pop();
    }
  }
  return { labels: bestLabels, distances: bestDistances };
}

function dot(rows: Float32Array, offset: number, query: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < query.length; i += 1) sum += (rows[offset + i] ?? 0) * (query[i] ?? 0);
  return sum;
}
