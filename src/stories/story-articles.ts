import type { Article } from '../core/article.js';
import type { ArticleStore } from '../core/article-store.js';
import type { SentenceSpan } from '../core/passage.js';
import { type ClaimStore, claimsOf } from '../disputes/claim-store.js';
import type { Claim } from '../disputes/claims.js';
import type { StoryCitation } from './story-view.js';

/** A story member read back from the article store, with its sentences, for timelines and disputes. */
export interface StoryArticle {
  article: Article;
  /** Every sentence of the body once, in reading order. */
  sentences: SentenceSpan[];
  /** The sentences read as claims (attribution and hedge), in reading order. */
  claims: Claim[];
}

/**
 * Loads articles with their sentence spans (collected from their passages, each sentence once) and their
 * claims (from the claim store when it has them).
 */
export async function loadStoryArticles(store: ArticleStore, articleIds: string[], claimStore?: ClaimStore): Promise<StoryArticle[]> {
  const loaded: StoryArticle[] = [];
  for (const id of articleIds) {
    const article = await store.getArticle(id);
    if (!article) continue;
    const byStart = new Map<number, SentenceSpan>();
    for (const passage of await store.getArticlePassages(id)) for (const sentence of passage.sentences) byStart.set(sentence.start, sentence);
    const sentences = [...byStart.values()].sort((a, b) => a.start - b.start);
    loaded.push({ article, sentences, claims: await claimsOf(article, sentences, claimStore) });
  }
  return loaded;
}

/** A citation of `body.slice(start, end)` in an article, trimmed of surrounding whitespace. */
export function citeSpan(article: Article, start: number, end: number): StoryCitation {
  const raw = article.body.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trailing = raw.length - raw.trimEnd().length;
  const from = start + leading;
  const to = end - trailing;
  return {
    articleId: article.id,
    title: article.title,
    source: article.source,
    url: article.url,
    published: article.published,
    quote: article.body.slice(from, to),
    start: from,
    end: to,
  };
}
