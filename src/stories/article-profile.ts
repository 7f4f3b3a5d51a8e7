import type { Article } from '../core/article.js';
import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import { sha256 } from '../ingest/content-hash.js';
import { namedEntities } from './named-entities.js';

/** What clustering knows about one article: its meaning, the names it mentions, and its date. */
export interface ArticleProfile {
  articleId: string;
  contentHash: string;
  /** Unit-length weighted mean of the article's passage vectors. */
  vector: number[];
  /** Normalised entity → weight (1 for a mention in the body, more for the title and for repeated mentions). */
  entities: Record<string, number>;
  published: string | null;
  /** Published, else ingested. */
  seenAt: string;
}

/** The lead carries the news; later passages drift into background, so the first passage counts double. */
const LEAD_WEIGHT = 2;

/** Scales a vector to unit length (a zero vector stays zero). */
export function normalised(vector: ArrayLike<number>): number[] {
  let norm = 0;
  for (let index = 0; index < vector.length; index += 1) norm += (vector[index] ?? 0) ** 2;
  norm = Math.sqrt(norm);
  // A plain loop rather than Array.from with a callback: profiles are built for every ingested article.
  const unit = new Array<number>(vector.length);
  for (let index = 0; index < vector.length; index += 1) unit[index] = norm > 0 ? (vector[index] ?? 0) / norm : 0;
  return unit;
}

/** Weighted named entities of an article: title mentions count extra, and so do names repeated in the body. */
export function articleEntities(article: Pick<Article, 'title' | 'titleDerived' | 'body'>): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const [entity, count] of namedEntities(article.body)) weights[entity] = count >= 3 ? 1.5 : 1;
  if (!article.titleDerived) {
    // "… | The Week UK", "… - CNN": the outlet's name in every headline would tie its unrelated stories together.
    const headline = article.title.replace(/\s+[|–—-]\s+[^|–—-]*$/u, '');
    for (const entity of namedEntities(headline).keys()) weights[entity] = (weights[entity] ?? 0) + 1;
  }
  return weights;
}

/**
 * Profiles articles from their stored passages. Passage vectors come from the store's embedding cache, so
 * nothing is re-embedded after ingest; only passages missing from the cache (rare) are embedded here.
 */
export async function buildArticleProfiles(articles: Article[], store: ArticleStore, embedder: Embedder): Promise<ArticleProfile[]> {
  const passagesByArticle = await Promise.all(articles.map((article) => store.getArticlePassages(article.id)));
  // Each passage text is hashed once (it used to be three times: for the lookup, the misses and the sum).
  const hashOfText = new Map<string, string>();
  for (const passages of passagesByArticle) {
    for (const passage of passages) if (!hashOfText.has(passage.text)) hashOfText.set(passage.text, sha256(passage.text));
  }
  const vectors = await store.getCachedVectors([...new Set(hashOfText.values())], embedder.id);
  const missingTexts = [...hashOfText].filter(([, hash]) => !vectors.has(hash)).map(([text]) => text);
  if (missingTexts.length > 0) {
    const embedded = await embedder.embedDocuments(missingTexts);
    missingTexts.forEach((text, index) => {
      vectors.set(hashOfText.get(text) ?? sha256(text), embedded[index] ?? []);
    });
  }
  return articles.map((article, position) => {
    const sum = new Float64Array(embedder.dimension);
    for (const passage of passagesByArticle[position] ?? []) {
      const vector = vectors.get(hashOfText.get(passage.text) ?? sha256(passage.text));
      if (!vector) continue;
      // Each passage vector is normalised first so a long passage does not outweigh the lead.
      let norm = 0;
      for (const value of vector) norm += value * value;
      if (norm === 0) continue;
      const weight = (passage.ordinal === 0 ? LEAD_WEIGHT : 1) / Math.sqrt(norm);
      for (let index = 0; index < sum.length; index += 1) sum[index] = (sum[index] ?? 0) + weight * (vector[index] ?? 0);
    }
    return {
      articleId: article.id,
      contentHash: article.contentHash,
      vector: normalised(sum),
      entities: articleEntities(article),
      published: article.published,
      seenAt: article.published ?? article.ingestedAt,
    };
  });
}
