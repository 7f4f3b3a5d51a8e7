/**
 * Principal component analysis for the static-table distillation: centre the rows, then rotate them onto the
 * top eigenvectors of their covariance (cyclic Jacobi, exact and deterministic; fine for 512 × 512).
 */

/** A fitted projection: `project(row)` = components · (row − mean). */
export interface PrincipalComponents {
  mean: Float64Array;
  /** `dimensions` rows of length `inputDimension`, largest variance first. */
  components: Float64Array[];
  /** Variance along each component, descending. */
  variances: number[];
}

/** Fits the top `dimensions` principal components of `rows` (each of the same length). */
export function fitPrincipalComponents(rows: Float32Array[], dimensions: number): PrincipalComponents {
  const first = rows[0];
  if (first === undefined) throw new Error('PCA needs at least one row');
  const width = first.length;
  const mean = new Float64Array(width);
  for (const row of rows) for (let i = 0; i < width; i++) mean[i] = (mean[i] as number) + (row[i] as number) / rows.length;
  const covariance = new Float64Array(width * width);
  const centred = new Float64Array(width);
  for (const row of rows) {
    for (let i = 0; i < width; i++) centred[i] = (row[i] as number) - (mean[i] as number);
    for (let i = 0; i < width; i++) {
      const ci = centred[i] as number;
      if (ci === 0) continue;
      const offset = i * width;
      for (let j = i; j < width; j++) covariance[offset + j] = (covariance[offset + j] as number) + ci * (centred[j] as number);
    }
  }
  for (let i = 0; i < width; i++) {
    for (let j = i; j < width; j++) {
      const value = (covariance[i * width + j] as number) / rows.length;
      covariance[i * width + j] = value;
      covariance[j * width + i] = value;
    }
  }
  const { values, vectors } = symmetricEigen(covariance, width);
  const order = [...values.keys()].sort((a, b) => (values[b] as number) - (values[a] as number)).slice(0, dimensions);
  const components = order.map((column) => {
    const component = new Float64Array(width);
    for (let i = 0; i < width; i++) component[i] = vectors[i * width + column] as number;
    // Fix the sign so the table is reproducible across runs and platforms.
    let largest = 0;
    for (let i = 0; i < width; i++) if (Math.abs(component[i] as number) > Math.abs(component[largest] as number)) largest = i;
    if ((component[largest] as number) < 0) for (let i = 0; i < width; i++) component[i] = -(component[i] as number);
    return component;
  });
  return { mean, components, variances: order.map((column) => values[column] as number) };
}

/** Projects one row onto the fitted components. */
export function projectRow(pca: PrincipalComponents, row: Float32Array): Float32Array {
  const out = new Float32Array(pca.components.length);
  pca.components.forEach((component, index) => {
    let sum = 0;
    for (let i = 0; i < row.length; i++) sum += ((row[i] as number) - (pca.mean[i] as number)) * (component[i] as number);
    out[index] = sum;
  });
  return out;
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric n × n matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let offDiagonal = 0;
    let diagonal = 0;
    for (let i = 0; i < n; i++) {
      diagonal += (a[i * n + i] as number) ** 2;
      for (let j = i + 1; j < n; j++) offDiagonal += (a[i * n + j] as number) ** 2;
    }
    if (offDiagonal <= 1e-22 * diagonal) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * n + p] as number;
        const aqq = a[q * n + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(a[i * n + i] as number);
  return { values, vectors: v };
}
