import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/core/embedder.js';
import type { VectorHit, VectorIndex } from '../../src/core/vector-index.js';
import type { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import { HybridRetriever } from '../../src/retrieval/hybrid-retriever.js';
import { makeArticle, openTestStore, putWithVectors, testDimension } from '../providers/store-fixtures.js';

/** A vector index that answers every query with the passages it was given, in that order. */
class FixedRankingIndex implements VectorIndex {
  readonly dimension = testDimension;
  ranking: number[] = [];
  async count(): Promise<number> {
    return this.ranking.length;
  }
  async upsert(): Promise<void> {}
  async remove(): Promise<void> {}
  async search(_vector: number[], k: number): Promise<VectorHit[]> {
    return this.ranking.slice(0, k).map((passageId, index) => ({ passageId, similarity: 1 - index / 100 }));
  }
  async flush(): Promise<void> {}
}

const embedder: Embedder = {
  id: 'test-embedder',
  dimension: testDimension,
  embedDocuments: async (texts) => texts.map(() => new Array<number>(testDimension).fill(0)),
  embedQuery: async () => new Array<number>(testDimension).fill(0),
};

describe('HybridRetriever', () => {
  let store: SqliteArticleStore;
  const index = new FixedRankingIndex();
  const passagesOf = async (articleId: string): Promise<number[]> => (await store.getArticlePassages(articleId)).map((passage) => passage.id);

  beforeAll(async () => {
    store = await openTestStore(':memory:');
    // Repeats the harbour words in several passages, but never mentions the vote.
    await putWithVectors(store, makeArticle('repeats', {
      title: 'Harbour notes',
      body: 'The harbour budget grew. The harbour budget grew again. Harbour budget talks continue.',
    }));
    // Holds every question word and is also the embedder's first choice.
    await putWithVectors(store, makeArticle('answers', {
      title: 'Council votes on harbour budget',
      body: 'Residents objected to the cost.',
    }));
    await putWithVectors(store, makeArticle('unrelated', { title: 'Weather', body: 'Rain is expected on Monday.' }));
    index.ranking = [...(await passagesOf('answers')), ...(await passagesOf('unrelated')), ...(await passagesOf('repeats'))];
  });
  afterAll(() => store.close());

  it('ranks first the article both rankings find and that covers the whole question', async () => {
    const hits = await new HybridRetriever(store, index, embedder).search('harbour budget vote', { k: 5 });
    expect(hits[0]?.article.id).toBe('answers');
    expect(hits[0]?.lexicalRank).not.toBeNull();
    expect(hits[0]?.vectorRank).toBe(1);
  });

  it('keeps the BM25-only and vector-only baselines plain rankings', async () => {
    const retriever = new HybridRetriever(store, index, embedder, { perArticle: 10 });
    const lexical = await retriever.search('harbour budget vote', { k: 10 }, 'lexical');
    expect(lexical.map((hit) => hit.passage.id)).toEqual((await store.lexicalSearch('harbour budget vote', 10)).map((hit) => hit.passageId));
    const vector = await retriever.search('harbour budget vote', { k: 10 }, 'vector');
    expect(vector.map((hit) => hit.passage.id)).toEqual(index.ranking.slice(0, 10));
  });

  it('without coverage still fuses by article', async () => {
    const hits = await new HybridRetriever(store, index, embedder, { coverageWeight: 0 }).search('harbour budget', { k: 5 });
    // Articles both rankings find come before the one only the embedder finds, though it is its second choice.
    expect([...new Set(hits.map((hit) => hit.article.id))]).toEqual(['repeats', 'answers', 'unrelated']);
    expect(hits.every((hit) => hit.score > 0)).toBe(true);
  });
});
