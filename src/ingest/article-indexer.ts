import type { Article, ArticleInput } from '../core/article.js';
import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import type { PassageDraft } from '../core/passage.js';
import type { VectorIndex } from '../core/vector-index.js';
import { articleContentHash } from './content-hash.js';
import { embedWithCache } from './embed-passages.js';
import { chunkPassages, type SkippedInput, segmentSentences } from './parsing.js';

export interface IndexerDependencies {
  store: ArticleStore;
  index: VectorIndex;
  embedder: Embedder;
  now?: () => Date;
  /** Passages embedded together; larger batches amortise the embedder's per-call cost. @default 256 */
  batchPassages?: number;
  /** Told about the articles that were added or changed, after they are stored (e.g. to assign stories). */
  onIndexed?: (articles: Article[]) => void | Promise<void>;
}

/** What one run of indexing did. */
export interface IndexCounts {
  added: number;
  updated: number;
  unchanged: number;
  skipped: SkippedInput[];
  /** Passages whose vectors were computed (not taken from the cache). */
  embedded: number;
  passages: number;
}

interface PendingArticle {
  article: Article;
  passages: PassageDraft[];
  isUpdate: boolean;
}

/**
 * Indexes articles one at a time as they are offered, embedding their passages in batches. Unchanged
 * articles (same content hash) are skipped; each stored article is its own transaction.
 */
export class ArticleIndexer {
  readonly counts: IndexCounts = { added: 0, updated: 0, unchanged: 0, skipped: [], embedded: 0, passages: 0 };
  readonly #deps: IndexerDependencies;
  #pending: PendingArticle[] = [];
  #pendingPassages = 0;

  constructor(deps: IndexerDependencies) {
    this.#deps = deps;
  }

  /** Queues an article; returns false when it was unchanged or unusable. */
  async offer(input: ArticleInput): Promise<boolean> {
    const contentHash = articleContentHash(input);
    const existing = await this.#deps.store.getArticleRef(input.id);
    if (existing?.contentHash === contentHash) {
      this.counts.unchanged += 1;
      return false;
    }
    const now = this.#deps.now ?? (() => new Date());
    const article: Article = { ...input, contentHash, ingestedAt: now().toISOString() };
    const passages = chunkPassages(article.body, segmentSentences(article.body));
    if (passages.length === 0) {
      this.counts.skipped.push({ path: input.origin, reason: 'no text left after cleaning' });
      return false;
    }
    this.#pending.push({ article, passages, isUpdate: existing !== null });
    this.#pendingPassages += passages.length;
    if (this.#pendingPassages >= (this.#deps.batchPassages ?? 256)) await this.flush();
    return true;
  }

  /** Embeds and stores everything queued. */
  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const { store, index, embedder } = this.#deps;
    const batch = this.#pending;
    this.#pending = [];
    this.#pendingPassages = 0;
    const toEmbed = batch.flatMap((item) => item.passages.map((passage) => ({ title: item.article.title, text: passage.text })));
    const { vectors, embedded } = await embedWithCache(toEmbed, embedder, store);
    this.counts.embedded += embedded;
    let offset = 0;
    const writes = batch.map((item) => {
      const articleVectors = vectors.slice(offset, offset + item.passages.length);
      offset += item.passages.length;
      return { article: item.article, passages: item.passages, vectors: articleVectors };
    });
    // One transaction for the whole batch: far fewer commits during a bulk ingest, and still all-or-nothing.
    const results = await store.putArticles(writes);
    for (const [position, { passages, removedPassageIds }] of results.entries()) {
      const write = writes[position] as (typeof writes)[number];
      await index.remove(removedPassageIds);
      await index.upsert(passages.map((passage, at) => ({ passageId: passage.id, vector: write.vectors[at] ?? [] })));
      this.counts.passages += passages.length;
      if (batch[position]?.isUpdate) this.counts.updated += 1;
      else this.counts.added += 1;
    }
    await this.#deps.onIndexed?.(batch.map((item) => item.article));
  }
}
