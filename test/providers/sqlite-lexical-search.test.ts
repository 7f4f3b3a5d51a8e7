import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { makeArticle, openTestStore, putWithVectors } from './store-fixtures.js';

describe('SqliteArticleStore lexical search and filters', () => {
  const temp = makeTempDir('storydesk-bm25-');
  let store: SqliteArticleStore;
  /** Passage id → article id, filled as the articles are stored, so results read as article ids. */
  const articleOf = new Map<number, string>();
  const passageIdsOf = (articleId: string): number[] => [...articleOf].filter(([, id]) => id === articleId).map(([passageId]) => passageId);
  const articlesOf = (hits: { passageId: number }[]): string[] => [...new Set(hits.flatMap((hit) => articleOf.get(hit.passageId) ?? []))];
  const put = async (article: ReturnType<typeof makeArticle>): Promise<void> => {
    for (const passage of (await putWithVectors(store, article)).passages) articleOf.set(passage.id, article.id);
  };

  beforeAll(async () => {
    store = await openTestStore(join(temp.path, 'storydesk.sqlite'));
    await put(makeArticle('chips', {
      title: 'ByteDance to buy Huawei Ascend chips',
      body: 'The company plans a large order. A TikTok spokesperson denied the report. The U.S. restricts exports.',
      source: 'Benzinga',
      published: '2024-05-03T10:00:00Z',
    }));
    await put(makeArticle('harbour', {
      title: 'Council votes on harbour budget',
      body: 'The council approved the harbour budget. Residents objected to the cost.',
      source: 'Marlow Herald',
      published: '2024-05-10',
    }));
    await put(makeArticle('undated', {
      title: 'Undated note on exports',
      body: 'Exports of chips grew last year.',
      source: 'benzinga',
      published: null,
    }));
  });
  afterAll(() => {
    store.close();
    temp.remove();
  });

  it('ranks passages by BM25, best first, with higher-is-better scores', async () => {
    const hits = await store.lexicalSearch('harbour budget residents', 10);
    expect(articlesOf(hits)).toEqual(['harbour']);
    expect(hits[0]?.passageId).toBe(passageIdsOf('harbour')[1]);
    expect(hits.every((hit) => hit.score > 0)).toBe(true);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((left, right) => right - left));
  });

  it('counts title words for every passage of the article', async () => {
    const hits = await store.lexicalSearch('Ascend', 10);
    expect(hits.map((hit) => hit.passageId).sort()).toEqual(passageIdsOf('chips').sort());
  });

  it('matches inflected forms through the porter stemmer', async () => {
    expect(articlesOf(await store.lexicalSearch('denies', 10))).toEqual(['chips']);
    expect(articlesOf(await store.lexicalSearch('objecting', 10))).toEqual(['harbour']);
  });

  it('never fails on questions full of FTS5 syntax', async () => {
    const hostile = [
      "what's the U.S. doing?",
      'AND',
      'OR NOT NEAR',
      '"unterminated',
      '(chips',
      'chips)',
      '*',
      '-exports',
      'NEAR(chips, exports)',
      'title:chips',
      'chips^2',
      '{chips}',
      "'; DROP TABLE articles; --",
      '',
      '\u0000\u200b',
    ];
    for (const query of hostile) await expect(store.lexicalSearch(query, 5), query).resolves.toBeInstanceOf(Array);
    expect(articlesOf(await store.lexicalSearch("what's the U.S. doing?", 5))).toEqual(['chips']);
    expect((await store.counts()).articles).toBe(3);
  });

  it('filters by source, case-insensitively', async () => {
    expect(articlesOf(await store.lexicalSearch('exports', 10, { sources: ['BENZINGA'] })).sort()).toEqual(['chips', 'undated']);
    expect(articlesOf(await store.lexicalSearch('exports', 10, { sources: ['Marlow Herald'] }))).toEqual([]);
  });

  it('filters by inclusive publication dates and leaves out undated articles', async () => {
    expect(articlesOf(await store.lexicalSearch('exports council', 10, { to: '2024-05-03' }))).toEqual(['chips']);
    expect(articlesOf(await store.lexicalSearch('exports council', 10, { from: '2024-05-10' }))).toEqual(['harbour']);
    expect(articlesOf(await store.lexicalSearch('exports council', 10, { from: '2024-05-04', to: '2024-05-09' }))).toEqual([]);
  });

  it('lists the passages that pass the filters, or null when there are no filters', () => {
    expect(store.passageIdsMatching(undefined)).toBeNull();
    expect(store.passageIdsMatching({ sources: [] })).toBeNull();
    expect(store.passageIdsMatching({ sources: ['marlow herald'] })).toEqual(new Set(passageIdsOf('harbour')));
    expect(store.passageIdsMatching({ from: '2024-01-01' })).toEqual(new Set([...passageIdsOf('chips'), ...passageIdsOf('harbour')]));
  });
});
