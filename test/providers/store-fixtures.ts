import type { Article } from '../../src/core/article.js';
import type { ArticleStore, ArticleWriteResult } from '../../src/core/article-store.js';
import type { PassageDraft } from '../../src/core/passage.js';
import { SqliteArticleStore } from '../../src/providers/sqlite-article-store.js';
import { randomVectors } from './deterministic-vectors.js';

/** Vector size used by store tests; small, since no test here needs an embedder. */
export const testDimension = 8;

/** An article with sensible defaults; `body` sentences each become one passage (see `draftsFor`). */
export function makeArticle(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    title: `Title of ${id}`,
    titleDerived: false,
    body: `Body of ${id}.`,
    source: 'Benzinga',
    url: `https://example.test/${id}`,
    published: '2024-05-03T10:00:00Z',
    author: null,
    origin: `/corpus/${id}.md`,
    originFile: `/corpus/${id}.md`,
    contentHash: `hash-${id}`,
    ingestedAt: '2024-05-04T00:00:00.000Z',
    ...overrides,
  };
}

/** One passage per sentence (a split after ". " before a capital, so "U.S. restricts" stays whole). */
export function draftsFor(body: string): PassageDraft[] {
  const drafts: PassageDraft[] = [];
  const pattern = /\S[\s\S]*?(?:[.!?](?=\s+\p{Lu})|$)/gu;
  for (const match of body.matchAll(pattern)) {
    const text = match[0].trim();
    const start = match.index ?? 0;
    const end = start + text.length;
    drafts.push({ ordinal: drafts.length, start, end, text, sentences: [{ start, end }] });
  }
  return drafts;
}

/** Stores an article with deterministic vectors (seeded by `seed`); returns what storing it did. */
export async function putWithVectors(store: ArticleStore, article: Article, seed = 1): Promise<ArticleWriteResult> {
  const drafts = draftsFor(article.body);
  const [result] = await store.putArticles([{ article, passages: drafts, vectors: randomVectors(drafts.length, testDimension, seed) }]);
  if (!result) throw new Error('putArticles returned no result');
  return result;
}

/** A store at `path` whose embedder is already recorded, ready for putArticles. */
export async function openTestStore(path: string): Promise<SqliteArticleStore> {
  const store = SqliteArticleStore.open(path);
  await store.setEmbedderInfo({ id: 'test-embedder', dimension: testDimension });
  return store;
}
