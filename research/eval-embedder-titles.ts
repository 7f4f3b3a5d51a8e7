/**
 * Headline → article retrieval on the RTQA corpus, the task of the external evaluation (BBC headline → untitled
 * article): every article is indexed without its title, and the titles of the articles relevant to RTQA
 * questions (the ones left out of training) are the queries; the article itself is the one relevant answer.
 * Hundreds of queries, so it is a steadier signal than the 121 questions.
 */
import { join } from 'node:path';
import { hashedWordFeatures, type LexicalChannelSettings } from '../src/providers/embedders/hashed-word-features.js';
import type { VocabularyEntry } from '../src/providers/embedders/sentence-piece-tokenizer.js';
import type { StaticEmbedder } from '../src/providers/embedders/static-embedder.js';
import { bm25Rankings, chunkArticle, fuseRankingsWeighted } from './eval-embedder-corpus.js';
import { retrievalScores, type RetrievalScores, uniqueInOrder } from '../scripts/lib/metrics.js';
import { type PieceCounts, pieceCounts, type SparseVector, sparse, sparseDot } from './train-embedder-infonce.js';
import { readJsonlFile } from '../scripts/lib/read-jsonl-file.js';

const DEPTH = 100;

export class TitleRetrievalBench {
  readonly bm25: RetrievalScores;

  private constructor(
    private readonly passageArticles: string[],
    private readonly passageCounts: PieceCounts[],
    private readonly titleCounts: PieceCounts[],
    private readonly relevant: Set<string>[],
    private readonly wordScores: Float32Array[],
    private readonly lexical: number[][],
  ) {
    this.bm25 = this.#score(lexical);
  }

  static build(dataDir: string, embedder: StaticEmbedder, vocabulary: readonly VocabularyEntry[], words: LexicalChannelSettings, maxQueries = 400): TitleRetrievalBench {
    const read = (file: string): Record<string, unknown>[] => readJsonlFile(join(dataDir, file));
    const articles = read('rtqa_corpus.jsonl');
    const evaluated = new Set(read('rtqa_questions.jsonl').flatMap((question) => (question.relevant as string[] | undefined) ?? []));
    const passageArticles: string[] = [];
    const passageTexts: string[] = [];
    for (const article of articles) {
      for (const text of chunkArticle('', String(article.body ?? ''))) {
        passageArticles.push(String(article.id));
        passageTexts.push(text);
      }
    }
    const queries = articles.filter((article) => evaluated.has(String(article.id)) && String(article.title ?? '').trim() !== '');
    const step = Math.max(1, queries.length / maxQueries);
    const chosen = Array.from({ length: Math.min(maxQueries, queries.length) }, (_, index) => queries[Math.floor(index * step)] as Record<string, unknown>);
    const titles = chosen.map((article) => String(article.title));

    const wordsOf = (ids: number[]): SparseVector => {
      const out = new Float32Array(words.dimensions);
      hashedWordFeatures(ids, vocabulary, words, out);
      return sparse(out);
    };
    const passageIds = passageTexts.map((text) => embedder.tokenize(text));
    const titleIds = titles.map((title) => embedder.tokenize(title));
    const titleWords = titleIds.map(wordsOf);
    const wordScores = titles.map(() => new Float32Array(passageTexts.length));
    passageIds.forEach((ids, p) => {
      const passageWords = wordsOf(ids);
      titleWords.forEach((title, q) => ((wordScores[q] as Float32Array)[p] = sparseDot(title, passageWords)));
    });
    const lexical = bm25Rankings(passageTexts.map((text, index) => ({ articleId: passageArticles[index] ?? '', text })), titles, DEPTH);
    return new TitleRetrievalBench(
      passageArticles,
      passageIds.map(pieceCounts),
      titleIds.map(pieceCounts),
      chosen.map((article) => new Set([String(article.id)])),
      wordScores,
      lexical,
    );
  }

  get queries(): number {
    return this.titleCounts.length;
  }

  /** Dense MRR per semantic share α, and hybrid (RRF, lexical weight 1) at `fusionAlpha` for a few settings. */
  evaluate(dimensions: number, embed: (text: PieceCounts, out: Float32Array) => number, alphas: number[], fusionAlpha: number): { dense: Map<number, RetrievalScores>; hybrid: Map<string, RetrievalScores> } {
    const passageVectors = new Float32Array(this.passageCounts.length * dimensions);
    this.passageCounts.forEach((text, p) => embed(text, passageVectors.subarray(p * dimensions, (p + 1) * dimensions)));
    const semantic = this.titleCounts.map((text) => {
      const query = new Float32Array(dimensions);
      embed(text, query);
      const scores = new Float32Array(this.passageCounts.length);
      for (let p = 0; p < scores.length; p++) {
        let sum = 0;
        const offset = p * dimensions;
        for (let i = 0; i < dimensions; i++) sum += (query[i] as number) * (passageVectors[offset + i] as number);
        scores[p] = sum;
      }
      return scores;
    });
    const rankingsAt = (alpha: number): number[][] =>
      semantic.map((scores, q) => {
        const words = this.wordScores[q] as Float32Array;
        const mixed = scores.map((value, p) => alpha * value + (1 - alpha) * (words[p] as number));
        const threshold = Float32Array.from(mixed).sort()[Math.max(0, mixed.length - DEPTH)] ?? Number.NEGATIVE_INFINITY;
        const ids: number[] = [];
        mixed.forEach((value, index) => {
          if (value >= threshold) ids.push(index);
        });
        return ids.sort((a, b) => (mixed[b] as number) - (mixed[a] as number)).slice(0, DEPTH);
      });
    const dense = new Map<number, RetrievalScores>();
    for (const alpha of alphas) dense.set(alpha, this.#score(rankingsAt(alpha)));
    const fusedDense = rankingsAt(fusionAlpha);
    const hybrid = new Map<string, RetrievalScores>();
    for (const [k, vectorWeight] of [[10, 0.5], [30, 0.5], [60, 0.25], [60, 0.5], [60, 1]] as const) {
      hybrid.set(`rrf k${k} v${vectorWeight}`, this.#score(fuseRankingsWeighted([this.lexical, fusedDense], [1, vectorWeight], k, DEPTH)));
    }
    return { dense, hybrid };
  }

  #score(passageRankings: number[][]): RetrievalScores {
    return retrievalScores(
      passageRankings.map((ranking) => uniqueInOrder(ranking.map((index) => this.passageArticles[index] ?? '')).slice(0, 10)),
      this.relevant,
    );
  }
}
