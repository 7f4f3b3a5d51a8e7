import { describe, expect, it } from 'vitest';
import { fitPrincipalComponents, projectRow } from '../principal-components.js';

describe('fitPrincipalComponents', () => {
  // Points spread mostly along (1, 1, 0), a little along (1, -1, 0), not at all along z, around (5, 5, 5).
  const rows = Array.from({ length: 200 }, (_, index) => {
    const major = Math.sin(index * 1.7) * 10;
    const minor = Math.cos(index * 2.3) * 1;
    return Float32Array.of(5 + major + minor, 5 + major - minor, 5);
  });

  it('finds the direction of largest variance first, with variances in descending order', () => {
    const pca = fitPrincipalComponents(rows, 2);
    const first = pca.components[0] ?? new Float64Array(3);
    expect(Math.abs(first[0] ?? 0)).toBeCloseTo(Math.SQRT1_2, 3);
    expect(Math.abs(first[1] ?? 0)).toBeCloseTo(Math.SQRT1_2, 3);
    expect(Math.abs(first[2] ?? 0)).toBeLessThan(1e-6);
    expect(pca.variances[0]).toBeGreaterThan(pca.variances[1] ?? Number.POSITIVE_INFINITY);
  });

  it('centres before projecting, so the mean point projects to the origin', () => {
    const pca = fitPrincipalComponents(rows, 2);
    const projected = projectRow(pca, Float32Array.from(pca.mean));
    expect(Math.hypot(...projected)).toBeLessThan(1e-4);
  });

  it('is deterministic, signs included', () => {
    const first = fitPrincipalComponents(rows, 2);
    const second = fitPrincipalComponents(rows, 2);
    expect(second.components).toEqual(first.components);
  });
});
