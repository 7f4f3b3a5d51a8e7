import type { ArticleMeta } from '../core/article.js';
import type { EvidenceSentence } from './evidence-sentence.js';

/** The articles of ranked sentences, each once, in the order their best sentence ranks, at most `limit`. */
export function rankedArticles(ranked: readonly { sentence: EvidenceSentence }[], limit: number): ArticleMeta[] {
  const articles = new Map<string, ArticleMeta>();
  for (const { sentence } of ranked) {
    if (articles.size >= limit) break;
    if (!articles.has(sentence.article.id)) articles.set(sentence.article.id, sentence.article);
  }
  return [...articles.values()];
}
