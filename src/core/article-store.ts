import type { Article, ArticleMeta } from './article.js';
import type { Passage, PassageDraft } from './passage.js';
import type { SearchFilters } from './search.js';

/** The embedder a store's vectors were made with. */
export interface EmbedderInfo {
  id: string;
  dimension: number;
}

/** A BM25 hit; higher score is better. */
export interface LexicalHit {
  passageId: number;
  score: number;
}

/** What the incremental ingest needs to know about an already stored article. */
export interface StoredArticleRef {
  id: string;
  contentHash: string;
  origin: string;
  originFile: string | null;
}

/**
 * Durable storage of articles, passages, sentence offsets and passage vectors, with BM25 search.
 * SQLite is the source of truth; the vector index is derived from the vectors stored here.
 */
export interface ArticleStore {
  getEmbedderInfo(): EmbedderInfo | null;
  setEmbedderInfo(info: EmbedderInfo): void;

  getArticleRef(id: string): StoredArticleRef | null;
  /** Articles whose origin file lies at or below `path` (a file or a folder). */
  listArticleRefsUnder(path: string): StoredArticleRef[];
  listArticleRefs(): StoredArticleRef[];

  /**
   * Inserts or replaces an article with its passages and their vectors in one transaction.
   * Returns the stored passages (with ids) and the ids of passages it replaced.
   */
  putArticle(article: Article, passages: PassageDraft[], vectors: number[][]): { passages: Passage[]; removedPassageIds: number[] };
  /**
   * Runs several writes as one transaction (nested writes become savepoints): far fewer commits during a bulk
   * ingest, and still all-or-nothing if the process dies.
   */
  batch<T>(work: () => T): T;
  /** Deletes an article; returns the ids of its passages. */
  deleteArticle(id: string): number[];

  getArticle(id: string): Article | null;
  getArticleMetas(ids: string[]): Map<string, ArticleMeta>;
  getPassages(ids: number[]): Passage[];
  getArticlePassages(articleId: string): Passage[];
  lexicalSearch(query: string, k: number, filters?: SearchFilters): LexicalHit[];
  /**
   * In how many passages each word occurs (after the store's own tokenising and stemming), and how many
   * passages there are: the document frequencies behind inverse-document-frequency weights.
   */
  documentFrequencies(words: string[]): { passages: number; counts: Map<string, number> };
  /** Passage ids that pass the filters, for filtering vector hits. Null when no filters are set. */
  passageIdsMatching(filters: SearchFilters | undefined): Set<number> | null;

  /** Cached vectors by text hash for the current embedder, so unchanged text is never re-embedded. */
  getCachedVectors(textHashes: string[], embedderId: string): Map<string, number[]>;

  /** Every stored passage vector; used to rebuild the vector index without re-embedding. */
  iterateVectors(): Iterable<{ passageId: number; vector: number[] }>;
  passageIds(): number[];
  counts(): { articles: number; passages: number };
  close(): void;
}
