import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { SearchFilters, SearchHit, SearchOptions } from '../core/search.js';

/** What the retriever needs from storydesk: its search use case (`Storydesk.search` fits). */
export interface PassageSearch {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
}

/**
 * Where a retrieved passage comes from, so a chain can cite it as storydesk does: the Document's
 * `pageContent` is exactly `body.slice(start, end)` of the article named here.
 */
export interface PassageCitation {
  articleId: string;
  passageId: number;
  title: string;
  /** The outlet ("Benzinga"), or null when the source did not name one. */
  source: string | null;
  /** ISO date or date-time, as the article gave it. */
  published: string | null;
  url: string | null;
  /** Character offsets of the passage in the article body (end exclusive). */
  start: number;
  end: number;
  /** Position of the passage within its article, from 0. */
  ordinal: number;
  /** Fused retrieval score: higher is better, comparable within one result list only. */
  score: number;
  [key: string]: unknown;
}

/** Options of {@link StorydeskRetriever}. */
export interface StorydeskRetrieverInput extends BaseRetrieverInput {
  storydesk: PassageSearch;
  /** Passages returned per query. @default 10 */
  k?: number;
  /** Outlets or a publication window to search within. */
  filters?: SearchFilters;
}

/**
 * storydesk's hybrid search (BM25 + vectors, per-article diversity) as a LangChain retriever, for people who
 * build their own chains: each passage becomes a Document carrying its citation.
 */
export class StorydeskRetriever extends BaseRetriever<PassageCitation> {
  static override lc_name(): string {
    return 'StorydeskRetriever';
  }

  lc_namespace = ['storydesk', 'retrievers'];

  private readonly storydesk: PassageSearch;
  private readonly k: number;
  private readonly filters: SearchFilters | undefined;

  constructor(fields: StorydeskRetrieverInput) {
    super(fields);
    this.storydesk = fields.storydesk;
    this.k = fields.k ?? 10;
    this.filters = fields.filters;
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document<PassageCitation>[]> {
    const hits = await this.storydesk.search(query, { k: this.k, ...(this.filters ? { filters: this.filters } : {}) });
    return hits.map(passageDocument);
  }
}

/** One search hit as a LangChain Document with its citation metadata. */
export function passageDocument(hit: SearchHit): Document<PassageCitation> {
  const { passage, article } = hit;
  return new Document<PassageCitation>({
    pageContent: passage.text,
    id: String(passage.id),
    metadata: {
      articleId: article.id,
      passageId: passage.id,
      title: article.title,
      source: article.source,
      published: article.published,
      url: article.url,
      start: passage.start,
      end: passage.end,
      ordinal: passage.ordinal,
      score: hit.score,
    },
  });
}
