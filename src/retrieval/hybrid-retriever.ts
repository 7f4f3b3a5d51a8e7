import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import type { SearchHit, SearchOptions } from '../core/search.js';
import type { VectorIndex } from '../core/vector-index.js';
import { diversify } from './diversify.js';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';

/** Which rankings to use; `lexical` and `vector` exist as baselines for evaluation. */
export type RetrievalMode = 'hybrid' | 'lexical' | 'vector';

export interface HybridRetrieverOptions {
  /** Candidates taken from each ranking before fusion. @default 50 */
  candidates?: number;
  /** Reciprocal rank fusion constant: smaller lets the top ranks of each list count for more. @default 60 */
  rrfK?: number;
  /** Passages of one article allowed in the head of the results. @default 2 */
  perArticle?: number;
  /** Weight of the BM25 list in the fusion. @default 1 */
  lexicalWeight?: number;
  /**
   * Weight of the vector list in the fusion. Below BM25's because on news QA the offline embedder ranks worse
   * than BM25 (RealTime QA MRR@10: vector 0.53, BM25 0.58; fused at 1:1 0.56, at 1:0.5 0.57, at 1:0.25 0.59).
   * Re-measured with the trained table (scripts/train-static-embedder.ts --eval): k 10/30/60 × weight
   * 0.25/0.5/1 all within 0.556–0.577 dev MRR@10, dev and held-out preferring opposite ends; kept.
   * @default 0.5
   */
  vectorWeight?: number;
}

/** BM25 (SQLite FTS5) and vector (hnswlib) search fused by reciprocal rank, then diversified by article. */
export class HybridRetriever {
  readonly #store: ArticleStore;
  readonly #index: VectorIndex;
  readonly #embedder: Embedder;
  readonly #options: Required<HybridRetrieverOptions>;

  constructor(store: ArticleStore, index: VectorIndex, embedder: Embedder, options: HybridRetrieverOptions = {}) {
    this.#store = store;
    this.#index = index;
    this.#embedder = embedder;
    this.#options = { candidates: 50, perArticle: 2, lexicalWeight: 1, vectorWeight: 0.5, rrfK: 60, ...options };
  }

  /** Finds the passages that best match a query. */
  async search(query: string, options: SearchOptions = {}, mode: RetrievalMode = 'hybrid'): Promise<SearchHit[]> {
    const k = options.k ?? 10;
    const candidates = Math.max(this.#options.candidates, k * 3);
    const lexicalIds =
      mode === 'vector' ? [] : this.#store.lexicalSearch(query, candidates, options.filters).map((hit) => hit.passageId);
    const vectorIds = mode === 'lexical' ? [] : await this.#vectorCandidates(query, candidates, options);

    const fused = reciprocalRankFusion([
      { ids: lexicalIds, weight: this.#options.lexicalWeight },
      { ids: vectorIds, weight: this.#options.vectorWeight },
    ], this.#options.rrfK);
    const rankedIds = [...fused.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    const passages = new Map(this.#store.getPassages(rankedIds.slice(0, candidates)).map((passage) => [passage.id, passage]));
    const ordered = rankedIds.flatMap((id) => {
      const passage = passages.get(id);
      return passage ? [passage] : [];
    });
    const chosen = diversify(ordered, (passage) => passage.articleId, this.#options.perArticle).slice(0, k);
    const metas = this.#store.getArticleMetas([...new Set(chosen.map((passage) => passage.articleId))]);
    const lexicalRank = rankLookup(lexicalIds);
    const vectorRank = rankLookup(vectorIds);
    return chosen.flatMap((passage) => {
      const article = metas.get(passage.articleId);
      if (!article) return [];
      return [
        {
          passage,
          article,
          score: fused.get(passage.id) ?? 0,
          lexicalRank: lexicalRank.get(passage.id) ?? null,
          vectorRank: vectorRank.get(passage.id) ?? null,
        },
      ];
    });
  }

  async #vectorCandidates(query: string, candidates: number, options: SearchOptions): Promise<number[]> {
    if (this.#index.count() === 0) return [];
    const allowed = this.#store.passageIdsMatching(options.filters);
    const vector = await this.#embedder.embedQuery(query);
    const hits = this.#index.search(vector, candidates, allowed ? (label) => allowed.has(label) : undefined);
    return hits.map((hit) => hit.label);
  }
}

function rankLookup(ids: number[]): Map<number, number> {
  return new Map(ids.map((id, index) => [id, index + 1]));
}
