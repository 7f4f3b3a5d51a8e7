import { describe, expect, it } from 'vitest';
import type { LabelVectorIndex as VectorIndex } from '../../src/providers/hnsw-label-index.js';
import { cosine, randomVectors } from './deterministic-vectors.js';

/**
 * Behaviour every VectorIndex must share, run against each implementation
 * (LangChain's `*.standard.test.ts` idea): callers can then swap indexes without re-reading their code.
 */
export function describeVectorIndexContract(name: string, makeIndex: (dimension: number) => VectorIndex): void {
  describe(`${name} (VectorIndex contract)`, () => {
    const dimension = 8;
    const vectors = randomVectors(50, dimension, 7);
    const filled = (): VectorIndex => {
      const index = makeIndex(dimension);
      vectors.forEach((vector, label) => {
        index.add(label, vector);
      });
      return index;
    };

    it('returns no hits from an empty index, whatever k is asked for', () => {
      const index = makeIndex(dimension);
      expect(index.count()).toBe(0);
      expect(index.search(vectors[0] ?? [], 10)).toEqual([]);
    });

    it('finds a stored vector first, with cosine similarity 1', () => {
      const index = filled();
      const [top] = index.search(vectors[17] ?? [], 3);
      expect(top?.label).toBe(17);
      expect(top?.similarity).toBeCloseTo(1, 5);
    });

    it('reports cosine similarity, best first', () => {
      const index = filled();
      const query = vectors[3] ?? [];
      const hits = index.search(query, 10);
      expect(hits).toHaveLength(10);
      for (const hit of hits) expect(hit.similarity).toBeCloseTo(cosine(vectors[hit.label] ?? [], query), 4);
      const similarities = hits.map((hit) => hit.similarity);
      expect(similarities).toEqual([...similarities].sort((left, right) => right - left));
    });

    it('returns every live vector when k exceeds the count instead of failing', () => {
      const index = makeIndex(dimension);
      index.add(1, vectors[1] ?? []);
      index.add(2, vectors[2] ?? []);
      expect(index.search(vectors[1] ?? [], 10).map((hit) => hit.label).sort()).toEqual([1, 2]);
    });

    it('hides removed labels from search, count and labels, and ignores unknown ones', () => {
      const index = filled();
      index.remove(17);
      index.remove(17);
      index.remove(999);
      expect(index.count()).toBe(vectors.length - 1);
      expect(index.labels()).not.toContain(17);
      expect(index.search(vectors[17] ?? [], vectors.length).map((hit) => hit.label)).not.toContain(17);
    });

    it('replaces the vector of a label added twice, and brings a removed label back', () => {
      const index = filled();
      index.add(5, vectors[40] ?? []);
      expect(index.count()).toBe(vectors.length);
      expect(index.search(vectors[40] ?? [], 2).map((hit) => hit.label).sort()).toEqual([40, 5].sort());
      index.remove(6);
      index.add(6, vectors[6] ?? []);
      expect(index.count()).toBe(vectors.length);
      expect(index.search(vectors[6] ?? [], 1)[0]?.label).toBe(6);
    });

    it('refuses vectors of the wrong dimension', () => {
      const index = makeIndex(dimension);
      expect(() => index.add(1, [1, 2, 3])).toThrow(/dimension/);
      expect(() => index.search([1, 2, 3], 1)).toThrow(/dimension/);
    });
  });
}
