import type { Article } from '../../src/core/article.js';
import type { ArticleStore, ArticleWriteResult } from '../../src/core/article-store.js';
import type { PassageDraft } from '../../src/core/passage.js';
import { contractEmbedder } from './storage-factory.js';

/** An article with sensible defaults; each sentence of `body` becomes one passage (see `sentencePassages`). */
export function article(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    title: `Title of ${id}`,
    titleDerived: false,
    body: `Body of ${id}.`,
    source: 'Harbour Times',
    url: `https://news.invalid/${id}`,
    published: '2031-05-03T10:00:00Z',
    author: null,
    origin: `/corpus/${id}.md`,
    originFile: `/corpus/${id}.md`,
    contentHash: `hash-${id}`,
    ingestedAt: '2031-05-04T00:00:00.000Z',
    ...overrides,
  };
}

/** One passage per sentence (a split after ". " before a capital). */
export function sentencePassages(body: string): PassageDraft[] {
  const drafts: PassageDraft[] = [];
  for (const match of body.matchAll(/\S[\s\S]*?(?:[.!?](?=\s+\p{Lu})|$)/gu)) {
    const text = match[0].trim();
    const start = match.index ?? 0;
    drafts.push({ ordinal: drafts.length, start, end: start + text.length, text, sentences: [{ start, end: start + text.length }] });
  }
  return drafts;
}

/** A unit-ish vector pointing mostly along axis `axis` (0-3), so nearest neighbours are predictable. */
export function axisVector(axis: number, wobble = 0): number[] {
  return Array.from({ length: contractEmbedder.dimension }, (_, index) => (index === axis ? 1 : 0.05 + wobble * (index + 1)));
}

/** Stores an article whose passages all get `vectorOf(ordinal)`; returns what storing it did. */
export async function put(store: ArticleStore, stored: Article, vectorOf: (ordinal: number) => number[] = () => axisVector(0)): Promise<ArticleWriteResult> {
  const passages = sentencePassages(stored.body);
  const [result] = await store.putArticles([{ article: stored, passages, vectors: passages.map((passage) => vectorOf(passage.ordinal)) }]);
  if (!result) throw new Error('putArticles returned no result');
  return result;
}
