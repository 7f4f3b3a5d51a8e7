import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/core/storage.js';
import type { VectorIndex } from '../../src/core/vector-index.js';
import { article, axisVector, put } from './article-fixtures.js';
import { contractEmbedder, freshStorage, type StorageFactory } from './storage-factory.js';

function cosine(left: number[], right: number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  left.forEach((value, index) => {
    dot += value * (right[index] ?? 0);
    leftNorm += value * value;
    rightNorm += (right[index] ?? 0) ** 2;
  });
  return dot / Math.sqrt(leftNorm * rightNorm);
}

/** Stores an article and indexes its passages' vectors, as the ingest does. */
async function indexArticle(storage: Storage, index: VectorIndex, stored: ReturnType<typeof article>, vectorOf: (ordinal: number) => number[]): Promise<number[]> {
  const { passages, removedPassageIds } = await put(storage.articles, stored, vectorOf);
  await index.remove(removedPassageIds);
  await index.upsert(passages.map((passage) => ({ passageId: passage.id, vector: vectorOf(passage.ordinal) })));
  return passages.map((passage) => passage.id);
}

/** Behaviour every `VectorIndex` shares, opened through its backend's storage. */
export function describeVectorIndexContract(factory: StorageFactory): void {
  describe(`${factory.name}: VectorIndex contract`, () => {
    const storages = freshStorage(factory);
    afterEach(() => storages.closeAll());

    const opened = async (): Promise<{ storage: Storage; index: VectorIndex }> => {
      const storage = await storages.open();
      const { index } = await storage.openVectorIndex(contractEmbedder.dimension);
      return { storage, index };
    };

    it('returns no hits from an empty index, whatever k is asked for', async () => {
      const { index } = await opened();
      expect(index.dimension).toBe(contractEmbedder.dimension);
      expect(await index.count()).toBe(0);
      expect(await index.search(axisVector(0), 10)).toEqual([]);
    });

    it('finds the nearest passages first, with their cosine similarity, and every one when k exceeds the count', async () => {
      const { storage, index } = await opened();
      const ids = await indexArticle(storage, index, article('a', { body: 'Zero. One. Two. Three.' }), (ordinal) => axisVector(ordinal));
      expect(await index.count()).toBe(4);
      const hits = await index.search(axisVector(2), 10);
      expect(hits).toHaveLength(4);
      expect(hits[0]?.passageId).toBe(ids[2]);
      expect(hits[0]?.similarity).toBeCloseTo(1, 5);
      for (const hit of hits) {
        const ordinal = ids.indexOf(hit.passageId);
        expect(hit.similarity).toBeCloseTo(cosine(axisVector(ordinal), axisVector(2)), 4);
      }
      const similarities = hits.map((hit) => hit.similarity);
      expect(similarities).toEqual([...similarities].sort((left, right) => right - left));
      expect(await index.search(axisVector(2), 2)).toHaveLength(2);
    });

    it('forgets removed passages and replaced vectors', async () => {
      const { storage, index } = await opened();
      const first = await indexArticle(storage, index, article('a', { body: 'Zero. One.' }), (ordinal) => axisVector(ordinal));
      await index.remove([first[0] ?? -1, 424_242]);
      expect(await index.count()).toBe(1);
      expect((await index.search(axisVector(0), 5)).map((hit) => hit.passageId)).toEqual([first[1]]);
      // Re-storing the article replaces its passages (new ids) and their vectors.
      const second = await indexArticle(storage, index, article('a', { body: 'Three now.', contentHash: 'v2' }), () => axisVector(3));
      const hits = await index.search(axisVector(3), 5);
      expect(hits.map((hit) => hit.passageId)).toEqual(second);
    });

    it('applies a filter of article ids, excluded articles, outlets and dates inside the search, so k hits still come back', async () => {
      const { storage, index } = await opened();
      // Twenty close passages from one outlet, and the only Courier passages far from the query.
      const near = await indexArticle(storage, index, article('near', { body: Array.from({ length: 20 }, (_, n) => `Near ${n}.`).join(' '), source: 'Harbour Times', published: '2031-05-03' }), (ordinal) => axisVector(0, ordinal / 1000));
      const far = await indexArticle(storage, index, article('far', { body: 'Far one. Far two. Far three.', source: 'Velmont Courier', published: '2031-06-10' }), () => axisVector(3));
      const undated = await indexArticle(storage, index, article('undated', { body: 'Nowhen.', source: 'Velmont Courier', published: null }), () => axisVector(2));
      const ids = async (filter: Parameters<VectorIndex['search']>[2], k = 3): Promise<number[]> =>
        (await index.search(axisVector(0), k, filter)).map((hit) => hit.passageId).sort((a, b) => a - b);
      expect(await ids({ sources: ['velmont courier'] }, 4)).toEqual([...far, ...undated].sort((a, b) => a - b));
      expect(await ids({ articleIds: ['far'] })).toEqual(far);
      expect(await ids({ articleIds: [] })).toEqual([]);
      expect(await ids({ from: '2031-06-01' })).toEqual(far);
      expect(await ids({ to: '2031-05-31' }, 20)).toEqual(near);
      expect(await ids({ articleIds: ['near', 'far'], sources: ['Velmont Courier'] })).toEqual(far);
      // Leaving the nearest article out brings the next ones up, still k of them.
      expect(await ids({ excludeArticleIds: ['near'] }, 4)).toEqual([...far, ...undated].sort((a, b) => a - b));
      expect(await ids({ excludeArticleIds: ['near', 'undated'], articleIds: ['near', 'far'] })).toEqual(far);
      expect(await ids({ excludeArticleIds: [] })).toHaveLength(3);
      expect(await ids({})).toHaveLength(3);
    });

    it('keeps what was indexed once flushed, across a close and reopen', async () => {
      const { storage, index } = await opened();
      const ids = await indexArticle(storage, index, article('a', { body: 'Zero. One.' }), (ordinal) => axisVector(ordinal));
      await index.flush();
      await storage.close();
      const reopened = await storages.reopen();
      const { index: again, repaired } = await reopened.openVectorIndex(contractEmbedder.dimension);
      expect(repaired).toBe(false);
      expect(await again.count()).toBe(2);
      expect((await again.search(axisVector(1), 1))[0]?.passageId).toBe(ids[1]);
    });
  });
}
