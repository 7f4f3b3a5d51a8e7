import type { Article, ArticleMeta } from './article.js';
import type { Passage, PassageDraft } from './passage.js';
import type { SearchFilters } from './search.js';
import type { PassageWindow } from './passage-window.js';

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

/** One article to store with its passages and one vector per passage. */
export interface ArticleWrite {
  article: Article;
  passages: PassageDraft[];
  vectors: number[][];
}

/** What storing one article did: its passages as stored (with ids) and the ids of the passages it replaced. */
export interface ArticleWriteResult {
  passages: Passage[];
  removedPassageIds: number[];
}

/**
 * Durable storage of articles, passages, sentence offsets and passage vectors, with BM25 search: the source of
 * truth, from which any vector index can be rebuilt. Every method returns a promise, even on SQLite, so a
 * remote database changes no caller.
 */
export interface ArticleStore {
  getEmbedderInfo(): Promise<EmbedderInfo | null>;
  /** Records the embedder of the vectors stored from now on; call it before storing passages. */
  setEmbedderInfo(info: EmbedderInfo): Promise<void>;

  getArticleRef(id: string): Promise<StoredArticleRef | null>;
  /** Articles whose origin file lies at or below `path` (a file or a folder). */
  listArticleRefsUnder(path: string): Promise<StoredArticleRef[]>;
  listArticleRefs(): Promise<StoredArticleRef[]>;

  /**
   * Inserts or replaces articles with their passages and vectors, all in one transaction (all of them are
   * stored or none). A replaced article keeps its first `ingestedAt`. Results are in the order of `writes`.
   */
  putArticles(writes: ArticleWrite[]): Promise<ArticleWriteResult[]>;
  /** Deletes an article (its passages, vectors and claims with it); returns the ids of its passages. */
  deleteArticle(id: string): Promise<number[]>;

  getArticle(id: string): Promise<Article | null>;
  getArticleMetas(ids: string[]): Promise<Map<string, ArticleMeta>>;
  /** Passages in the order of `ids`; unknown ids are skipped. */
  getPassages(ids: number[]): Promise<Passage[]>;
  /**
   * An article's passages by ordinal; with `near`, only those within its window, so a page of thousands of
   * passages (a live blog, a transcript) is not read whole to find the few near a retrieved passage.
   */
  getArticlePassages(articleId: string, near?: PassageWindow): Promise<Passage[]>;
  /** BM25 search over passage text and article title; the filters apply inside the search. */
  lexicalSearch(query: string, k: number, filters?: SearchFilters): Promise<LexicalHit[]>;
  /**
   * In how many passages each word occurs (after the store's own tokenising and stemming), and how many
   * passages there are: the document frequencies behind inverse-document-frequency weights.
   */
  documentFrequencies(words: string[]): Promise<{ passages: number; counts: Map<string, number> }>;

  /** Cached vectors by passage-text hash (SHA-256 of the text) for an embedder, so unchanged text is never re-embedded. */
  getCachedVectors(textHashes: string[], embedderId: string): Promise<Map<string, number[]>>;
  /** Every stored passage vector, in passage-id order, a page at a time: what a vector index is rebuilt from. */
  scanVectors(): AsyncIterable<{ passageId: number; vector: number[] }>;
  counts(): Promise<{ articles: number; passages: number }>;
}
