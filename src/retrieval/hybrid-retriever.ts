import { corpusTermWeights } from '../answer/corpus-term-weights.js';
import type { TermWeights } from '../answer/extractive-generator.js';
import type { ArticleMeta } from '../core/article.js';
import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import type { Passage } from '../core/passage.js';
import type { SearchHit, SearchOptions } from '../core/search.js';
import type { VectorIndex } from '../core/vector-index.js';
import { fuseArticleRanks } from './article-rank-fusion.js';
import { diversify } from './diversify.js';
import { queryTermCoverage } from './query-term-coverage.js';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';

/** Which rankings to use; `lexical` and `vector` exist as baselines for evaluation. */
export type RetrievalMode = 'hybrid' | 'lexical' | 'vector';

export interface HybridRetrieverOptions {
  /**
   * Candidates taken from each ranking before fusion. 100 scored the same on RealTime QA (dev MRR@10 0.585
   * both, at vector weight 0.75) and cost ~2 ms more per search at 10,000 articles. @default 50
   */
  candidates?: number;
  /** Reciprocal rank fusion constant: smaller lets the top ranks of each list count for more. @default 60 */
  rrfK?: number;
  /** Passages of one article allowed in the head of the results. @default 2 */
  perArticle?: number;
  /** Weight of the BM25 list in the fusion. @default 1 */
  lexicalWeight?: number;
  /**
   * Weight of the vector list in the fusion. Below BM25's: on news QA the offline embedder ranks slightly
   * worse than BM25. With the article and coverage scoring below, 0.5 / 0.75 / 1 gave RealTime QA dev
   * MRR@10 0.595 / 0.585 / 0.583 (`npm run eval`, dev split of its questions).
   * @default 0.5
   */
  vectorWeight?: number;
  /**
   * Weight of query-term coverage (0–1: the IDF share of the question's terms found in a passage plus its
   * article's title), added for the passage and for its article's best-covering passage. One rank step near
   * the top of a list is worth about 1/60² ≈ 0.0003 of fused score, so 0.02 moves a candidate by a few
   * places, not from the bottom to the top. Dev MRR@10 0.579 / 0.595 / 0.595 at 0.01 / 0.02 / 0.04. 0 turns it
   * off. @default 0.02
   */
  coverageWeight?: number;
}

/**
 * BM25 (SQLite FTS5) and vector (hnswlib) search fused by reciprocal rank at the passage and the article
 * level, nudged by how much of the question each passage covers, then diversified by article.
 */
export class HybridRetriever {
  readonly #store: ArticleStore;
  readonly #index: VectorIndex;
  readonly #embedder: Embedder;
  readonly #options: Required<HybridRetrieverOptions>;
  readonly #termWeights: TermWeights;

  constructor(store: ArticleStore, index: VectorIndex, embedder: Embedder, options: HybridRetrieverOptions = {}) {
    this.#store = store;
    this.#index = index;
    this.#embedder = embedder;
    this.#options = { candidates: 50, perArticle: 2, lexicalWeight: 1, vectorWeight: 0.5, rrfK: 60, coverageWeight: 0.02, ...options };
    this.#termWeights = corpusTermWeights(store);
  }

  /** Finds the passages that best match a query. */
  async search(query: string, options: SearchOptions = {}, mode: RetrievalMode = 'hybrid'): Promise<SearchHit[]> {
    const k = options.k ?? 10;
    const candidates = Math.max(this.#options.candidates, k * 3);
    const lexicalIds =
      mode === 'vector' ? [] : (await this.#store.lexicalSearch(query, candidates, options.filters)).map((hit) => hit.passageId);
    const vectorIds = mode === 'lexical' ? [] : await this.#vectorCandidates(query, candidates, options);
    const lists = [
      { ids: lexicalIds, weight: this.#options.lexicalWeight },
      { ids: vectorIds, weight: this.#options.vectorWeight },
    ];
    const fused = reciprocalRankFusion(lists, this.#options.rrfK);
    const rankedIds = [...fused.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    // The single-list baselines stay plain passage rankings, as before; the hybrid scores the whole pool so
    // that the article and coverage parts see every candidate.
    const pool = mode === 'hybrid' ? rankedIds : rankedIds.slice(0, candidates);
    const passages = new Map((await this.#store.getPassages(pool)).map((passage) => [passage.id, passage]));
    const metas = await this.#store.getArticleMetas([...new Set([...passages.values()].map((passage) => passage.articleId))]);
    let ordered = pool.flatMap((id) => passages.get(id) ?? []);
    let scores: Map<number, number> = fused;
    if (mode === 'hybrid') {
      scores = await this.#hybridScores(query, lists, fused, ordered, metas);
      ordered = [...ordered].sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0));
    }
    const chosen = diversify(ordered, (passage) => passage.articleId, this.#options.perArticle).slice(0, k);
    const lexicalRank = rankLookup(lexicalIds);
    const vectorRank = rankLookup(vectorIds);
    return chosen.flatMap((passage) => {
      const article = metas.get(passage.articleId);
      if (!article) return [];
      return [
        {
          passage,
          article,
          score: scores.get(passage.id) ?? 0,
          lexicalRank: lexicalRank.get(passage.id) ?? null,
          vectorRank: vectorRank.get(passage.id) ?? null,
        },
      ];
    });
  }

  /**
   * A passage's hybrid score: its article's score (article-level fusion plus the coverage of the article's
   * best-covering pooled passage) plus its own (passage-level fusion plus its own coverage). The article part
   * lifts articles both rankings agree on; the passage part keeps the passages that hold the question's words
   * first within them and among close articles, which is what the answer's evidence (the top 8) needs.
   * Ranking by the article part alone scored higher on article MRR@10 (dev 0.605 vs 0.585, both at vector
   * weight 0.75 and 100 candidates) but its evidence (the first 4 articles, 2 passages each) made the extractive
   * answerer answer more out-of-corpus questions (abstention 54% -> 31%) and no more answerable ones right.
   */
  async #hybridScores(
    query: string,
    lists: { ids: number[]; weight: number }[],
    fused: Map<number, number>,
    pooled: Passage[],
    metas: Map<string, ArticleMeta>,
  ): Promise<Map<number, number>> {
    const articleOf = new Map(pooled.map((passage) => [passage.id, passage.articleId]));
    const articleScores = fuseArticleRanks(lists, (id) => articleOf.get(id), this.#options.rrfK);
    const coverageWeight = this.#options.coverageWeight;
    const weights = coverageWeight > 0 ? await this.#termWeights(query) : new Map<string, number>();
    const passageCoverage = new Map<number, number>();
    const articleCoverage = new Map<string, number>();
    for (const passage of pooled) {
      const coverage = coverageWeight > 0 ? queryTermCoverage(weights, `${metas.get(passage.articleId)?.title ?? ''}\n${passage.text}`) : 0;
      passageCoverage.set(passage.id, coverage);
      articleCoverage.set(passage.articleId, Math.max(articleCoverage.get(passage.articleId) ?? 0, coverage));
    }
    return new Map(
      pooled.map((passage) => {
        const article = (articleScores.get(passage.articleId) ?? 0) + coverageWeight * (articleCoverage.get(passage.articleId) ?? 0);
        const own = (fused.get(passage.id) ?? 0) + coverageWeight * (passageCoverage.get(passage.id) ?? 0);
        return [passage.id, article + own];
      }),
    );
  }

  async #vectorCandidates(query: string, candidates: number, options: SearchOptions): Promise<number[]> {
    // No count() first: an empty index simply returns no hits, and on PostgreSQL a count is a scan of every
    // vector row (tens of milliseconds per question at 10,000 articles).
    const vector = await this.#embedder.embedQuery(query);
    const hits = await this.#index.search(vector, candidates, options.filters);
    return hits.map((hit) => hit.passageId);
  }
}

function rankLookup(ids: number[]): Map<number, number> {
  return new Map(ids.map((id, index) => [id, index + 1]));
}
