import { readFileSync } from 'node:fs';
import type { ArticleStore } from '../../src/core/article-store.js';

/**
 * The questions a benchmark asks: the JSON array of texts in `file` when given (generated corpora come with
 * their own), else the titles of the first `count` stored articles (an outside corpus has no questions).
 */
export async function benchmarkQuestions(store: ArticleStore, file: string | undefined, count: number): Promise<string[]> {
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as string[];
  const titles: string[] = [];
  for (const ref of (await store.listArticleRefs()).slice(0, count)) titles.push((await store.getArticle(ref.id))?.title ?? 'news');
  return titles;
}
