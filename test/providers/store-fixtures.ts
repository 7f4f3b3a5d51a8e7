import type { Article } from '../../src/core/article.js';
import type { ArticleStore, ArticleWriteResult } from '../../src/core/article-store.js';
import { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import { article, sentencePassages } from '../contracts/article-fixtures.js';
import { randomVectors } from './deterministic-vectors.js';

/** Vector size used by store tests; small, since no test here needs an embedder. */
export const testDimension = 8;

/** An article with the provider tests' defaults over the contract suites' (see `article`). */
export function makeArticle(id: string, overrides: Partial<Article> = {}): Article {
  return article(id, {
    source: 'Benzinga',
    url: `https://example.test/${id}`,
    published: '2024-05-03T10:00:00Z',
    ingestedAt: '2024-05-04T00:00:00.000Z',
    ...overrides,
  });
}

/** One passage per sentence (a split after ". " before a capital, so "U.S. restricts" stays whole). */
export const draftsFor = sentencePassages;

/** Stores an article with deterministic vectors (seeded by `seed`); returns what storing it did. */
export async function putWithVectors(store: ArticleStore, stored: Article, seed = 1): Promise<ArticleWriteResult> {
  const drafts = draftsFor(stored.body);
  const [result] = await store.putArticles([{ article: stored, passages: drafts, vectors: randomVectors(drafts.length, testDimension, seed) }]);
  if (!result) throw new Error('putArticles returned no result');
  return result;
}

/** A store at `path` whose embedder is already recorded, ready for putArticles. */
export async function openTestStore(path: string): Promise<SqliteArticleStore> {
  const store = SqliteArticleStore.open(path);
  await store.setEmbedderInfo({ id: 'test-embedder', dimension: testDimension });
  return store;
}
