/** Reproducible vectors for storage tests: no embedder, same numbers on every run. */

/** A seeded pseudo-random generator (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` vectors of `dimension` components in [-1, 1), fixed by `seed`. */
export function randomVectors(count: number, dimension: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length: dimension }, () => random() * 2 - 1));
}

/** Cosine similarity of two vectors of equal length. */
export function cosine(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index += 1) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return dot / (Math.sqrt(leftNorm * rightNorm) || 1);
}

/** Labels of the `k` most cosine-similar vectors by exhaustive search: the ground truth for recall. */
export function exactNearest(vectors: ReadonlyMap<number, number[]>, query: readonly number[], k: number): number[] {
  return [...vectors]
    .map(([label, vector]) => ({ label, similarity: cosine(vector, query) }))
    .sort((left, right) => right.similarity - left.similarity)
    .slice(0, k)
    .map((hit) => hit.label);
}
