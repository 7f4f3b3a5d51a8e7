import { distanceTo, type Neighbours, type VectorMatrix } from './exact-search.js';

/** ann-benchmarks' default: a returned point within this much of the k-th exact distance counts as found. */
export const ANN_BENCHMARKS_EPSILON = 1e-3;

/** Recall@k of approximate results against exact ones, counted two ways. */
export interface AnnRecall {
  /** Share of the exact top-k ids returned. Counts a different point at exactly the same distance as a miss. */
  strict: number;
  /**
   * Share of returned points whose true distance is at most the k-th exact distance + `epsilon`, as
   * ann-benchmarks counts it: with duplicate passages (ties) any of the equally near points is a correct answer.
   */
  tieAware: number;
  epsilon: number;
}

/**
 * Recall@k of `approximate` (ids per query) against `exact`. The distances of the approximate ids are
 * recomputed from the same vectors as the exact ones, so both sides use the same arithmetic.
 */
export function annRecall(
  matrix: VectorMatrix,
  queries: Float32Array[],
  exact: Neighbours[],
  approximate: number[][],
  k: number,
  epsilon = ANN_BENCHMARKS_EPSILON,
): AnnRecall {
  let strictFound = 0;
  let tieFound = 0;
  let total = 0;
  exact.forEach((truth, index) => {
    const got = (approximate[index] ?? []).slice(0, k);
    const truthIds = new Set(truth.labels.slice(0, k));
    strictFound += got.filter((label) => truthIds.has(label)).length;
    const threshold = (truth.distances[Math.min(k, truth.distances.length) - 1] ?? Number.POSITIVE_INFINITY) + epsilon;
    const query = queries[index];
    if (query) tieFound += got.filter((label) => distanceTo(matrix, query, label) <= threshold).length;
    total += Math.min(k, truth.labels.length);
  });
  return total === 0 ? { strict: 0, tieAware: 0, epsilon } : { strict: strictFound / total, tieAware: tieFound / total, epsilon };
}
