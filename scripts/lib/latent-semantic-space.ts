/**
 * Latent semantic analysis for the corpus-adaptation experiment: the top right singular directions of a sparse
 * passage × word matrix, by a randomized range finder (Halko et al. 2011) — Z = AᵀA·Ω spans the leading right
 * singular subspace; it is orthonormalised (Cholesky QR), the passages are projected onto it, and an uncentred
 * eigen-decomposition of their Gram matrix picks the final `dimensions` directions. Deterministic (seeded Ω).
 */
import { symmetricEigen } from '../../src/providers/embedders/principal-components.js';
import { seededRandom } from './seeded-random.js';

/** One sparse row: word indices and their weights. */
export interface SparseRow {
  indices: Int32Array;
  values: Float32Array;
}

/** word → `dimensions` coordinates, row-major (words × dimensions). */
export interface LatentSpace {
  dimensions: number;
  wordVectors: Float64Array;
}

/** Fits a `dimensions`-d latent space of `rows` over a vocabulary of `words` (oversampled by `extra`). */
export function fitLatentSpace(rows: readonly SparseRow[], words: number, dimensions: number, extra = 16, seed = 1): LatentSpace {
  const l = dimensions + extra;
  const random = seededRandom(seed);
  const omega = Float64Array.from({ length: words * l }, () => random() * 2 - 1);
  // Y = A Ω (passages × l), then Z = Aᵀ Y (words × l).
  const y = multiplyRows(rows, omega, l);
  const z = new Float64Array(words * l);
  rows.forEach((row, p) => {
    const yOffset = p * l;
    for (let k = 0; k < row.indices.length; k++) {
      const value = row.values[k] as number;
      const zOffset = (row.indices[k] as number) * l;
      for (let j = 0; j < l; j++) z[zOffset + j] = (z[zOffset + j] as number) + value * (y[yOffset + j] as number);
    }
  });
  const basis = orthonormalColumns(z, words, l);
  // Passages in the basis, then the top eigenvectors of their (uncentred) Gram matrix.
  const projected = multiplyRows(rows, basis, l);
  const gram = new Float64Array(l * l);
  for (let p = 0; p < rows.length; p++) {
    const offset = p * l;
    for (let i = 0; i < l; i++) {
      const a = projected[offset + i] as number;
      if (a === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j] = (gram[i * l + j] as number) + a * (projected[offset + j] as number);
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i] as number;
  const vectors = eigenvectorsByValue(gram, l);
  // wordVectors = basis (words × l) · top `dimensions` eigenvectors (l × dimensions).
  const wordVectors = new Float64Array(words * dimensions);
  for (let w = 0; w < words; w++) {
    for (let d = 0; d < dimensions; d++) {
      const eigenvector = vectors[d] as Float64Array;
      let sum = 0;
      for (let j = 0; j < l; j++) sum += (basis[w * l + j] as number) * (eigenvector[j] as number);
      wordVectors[w * dimensions + d] = sum;
    }
  }
  return { dimensions, wordVectors };
}

/** The unit latent vector of a sparse row (all zeros when it has no known word). */
export function projectToLatent(space: LatentSpace, row: SparseRow, out: Float32Array): void {
  const d = space.dimensions;
  out.fill(0);
  for (let k = 0; k < row.indices.length; k++) {
    const value = row.values[k] as number;
    const offset = (row.indices[k] as number) * d;
    for (let i = 0; i < d; i++) out[i] = (out[i] as number) + value * (space.wordVectors[offset + i] as number);
  }
  let norm = 0;
  for (let i = 0; i < d; i++) norm += (out[i] as number) ** 2;
  if (norm > 0) for (let i = 0, inverse = 1 / Math.sqrt(norm); i < d; i++) out[i] = (out[i] as number) * inverse;
}

/** Sparse rows × dense (words × width) matrix → dense (rows × width). */
function multiplyRows(rows: readonly SparseRow[], matrix: Float64Array, width: number): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((row, p) => {
    const outOffset = p * width;
    for (let k = 0; k < row.indices.length; k++) {
      const value = row.values[k] as number;
      const offset = (row.indices[k] as number) * width;
      for (let j = 0; j < width; j++) out[outOffset + j] = (out[outOffset + j] as number) + value * (matrix[offset + j] as number);
    }
  });
  return out;
}

/** Cholesky QR: Z (rows × width) → Q with orthonormal columns spanning the same space (Z = Q R). */
function orthonormalColumns(z: Float64Array, rows: number, width: number): Float64Array {
  const gram = new Float64Array(width * width);
  for (let r = 0; r < rows; r++) {
    const offset = r * width;
    for (let i = 0; i < width; i++) {
      const a = z[offset + i] as number;
      if (a === 0) continue;
      for (let j = i; j < width; j++) gram[i * width + j] = (gram[i * width + j] as number) + a * (z[offset + j] as number);
    }
  }
  // Upper-triangular R with RᵀR = gram.
  const r = new Float64Array(width * width);
  for (let i = 0; i < width; i++) {
    let diagonal = gram[i * width + i] as number;
    for (let k = 0; k < i; k++) diagonal -= (r[k * width + i] as number) ** 2;
    const rii = Math.sqrt(Math.max(diagonal, 1e-300));
    r[i * width + i] = rii;
    for (let j = i + 1; j < width; j++) {
      let value = gram[i * width + j] as number;
      for (let k = 0; k < i; k++) value -= (r[k * width + i] as number) * (r[k * width + j] as number);
      r[i * width + j] = value / rii;
    }
  }
  // Q = Z R⁻¹, row by row (forward substitution on q R = z).
  const q = new Float64Array(rows * width);
  for (let row = 0; row < rows; row++) {
    const offset = row * width;
    for (let j = 0; j < width; j++) {
      let value = z[offset + j] as number;
      for (let k = 0; k < j; k++) value -= (q[offset + k] as number) * (r[k * width + j] as number);
      q[offset + j] = value / (r[j * width + j] as number);
    }
  }
  return q;
}

/** Eigenvectors of a symmetric matrix (the PCA's Jacobi solver), largest eigenvalue first, one array each. */
function eigenvectorsByValue(matrix: Float64Array, n: number): Float64Array[] {
  const { values, vectors } = symmetricEigen(matrix, n);
  return values
    .map((value, column) => ({ value, column }))
    .sort((a, b) => b.value - a.value)
    .map(({ column }) => Float64Array.from({ length: n }, (_, row) => vectors[row * n + column] as number));
}
