import { describe, expect, it } from 'vitest';
import { dot } from '../../src/stories/vector-dot.js';
import { seededRandom } from '../providers/deterministic-vectors.js';

function leftToRight(a: ArrayLike<number>, b: ArrayLike<number>, start: number, end: number): number {
  let sum = 0;
  for (let index = start; index < end; index += 1) sum += (a[index] ?? 0) * (b[index] ?? 0);
  return sum;
}

describe('story vector dot products', () => {
  const next = seededRandom(3);
  const values = Array.from({ length: 771 }, () => next() - 0.5);
  const article = Float64Array.from(values.map((value) => value * 0.7 + 0.1));

  it.each([
    ['a one-article story (Float32Array)', Float32Array.from(values)],
    ['a story sum (Float64Array)', Float64Array.from(values)],
    ['plain numbers', values],
  ])('matches a left-to-right sum for %s, whole and by range', (_, story) => {
    expect(dot(story, article)).toBeCloseTo(leftToRight(story, article, 0, 771), 10);
    expect(dot(story, article, 0, 256)).toBeCloseTo(leftToRight(story, article, 0, 256), 10);
    expect(dot(story, article, 256)).toBeCloseTo(leftToRight(story, article, 256, 771), 10);
    expect(dot(story, article, 0, 3)).toBeCloseTo(leftToRight(story, article, 0, 3), 12);
  });

  it('counts missing elements of a shorter vector as zero', () => {
    expect(dot(Float32Array.from([1, 2, 3]), Float64Array.from([1, 1]))).toBe(3);
    expect(dot([1, 2, 3], [1, 1])).toBe(3);
  });
});
