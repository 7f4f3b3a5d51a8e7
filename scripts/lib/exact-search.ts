/** Brute-force cosine top-k over normalised vectors: the ground truth an ANN index is measured against. */
export function exactTopK(vectors: Float32Array[], labels: number[], query: number[], k: number): number[] {
  const q = Float32Array.from(query);
  const scores = new Float32Array(vectors.length);
  for (let row = 0; row < vectors.length; row += 1) {
    const vector = vectors[row] as Float32Array;
    let dot = 0;
    for (let i = 0; i < q.length; i += 1) dot += (vector[i] ?? 0) * (q[i] ?? 0);
    scores[row] = dot;
  }
  const order = [...scores.keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0)).slice(0, k);
  return order.map((row) => labels[row] ?? -1);
}

/** Share of the exact top-k found by an approximate top-k, averaged over queries. */
export function recallAtK(exact: number[][], approximate: number[][]): number {
  let found = 0;
  let total = 0;
  exact.forEach((truth, index) => {
    const got = new Set(approximate[index] ?? []);
    for (const label of truth) if (got.has(label)) found += 1;
    total += truth.length;
  });
  return total === 0 ? 0 : found / total;
}
