import type { ArticleMeta } from './article.js';
import type { Passage } from './passage.js';

/** Restricts retrieval to some outlets or a publication window. */
export interface SearchFilters {
  sources?: string[];
  /** Inclusive ISO date lower bound on `published`. */
  from?: string;
  /** Inclusive ISO date upper bound on `published`. */
  to?: string;
  /** Articles left out of the results (e.g. to ask a question as if some news had never been indexed). */
  excludeArticleIds?: string[];
}

export interface SearchOptions {
  /** @default 10 */
  k?: number;
  filters?: SearchFilters;
}

/** One retrieved passage with its article and the evidence for its rank. */
export interface SearchHit {
  passage: Passage;
  article: ArticleMeta;
  /** Fused score: higher is better; comparable only within one result list. */
  score: number;
  /** 1-based rank in the BM25 list, or null when BM25 did not find it. */
  lexicalRank: number | null;
  /** 1-based rank in the vector list, or null. */
  vectorRank: number | null;
}
