/**
 * A fast retrieval bench for tables in training: the RTQA passages and questions are tokenized once, the fixed
 * word-channel cosines and the BM25 rankings computed once, and each evaluation only re-embeds the semantic
 * part. Reports dense (for several semantic/word mixes) and hybrid (RRF and convex fusion settings) on the
 * development and held-out splits of research/eval-embedder-corpus.ts.
 */
import { hashedWordFeatures, type LexicalChannelSettings } from '../src/providers/embedders/hashed-word-features.js';
import type { StaticEmbedder } from '../src/providers/embedders/static-embedder.js';
import type { VocabularyEntry } from '../src/providers/embedders/sentence-piece-tokenizer.js';
import type { EvalPassage, EvalQuestion } from './eval-embedder-corpus.js';
import { bm25ScoredRankings, fuseRankingsWeighted, fuseScoresConvex, loadRtqa, scoreSplits } from './eval-embedder-corpus.js';
import type { RetrievalScores } from '../scripts/lib/metrics.js';
import { type PieceCounts, pieceCounts } from './train-embedder-infonce.js';

const DEPTH = 100;

export interface SplitScores {
  dev: RetrievalScores;
  heldOut: RetrievalScores;
}

export interface BenchResult {
  /** Dense-only scores per semantic share α (1 = no word channel). */
  dense: Map<number, SplitScores>;
  /** Hybrid scores per fusion setting, for the dense ranking at `fusionAlpha`. */
  hybrid: Map<string, SplitScores>;
}

export class TokenizedRetrievalBench {
  readonly bm25: SplitScores;

  private constructor(
    readonly passages: EvalPassage[],
    readonly questions: EvalQuestion[],
    private readonly passageCounts: PieceCounts[],
    private readonly questionCounts: PieceCounts[],
    /** wordScores[q][p]: fixed word-channel cosine of question q and passage p. */
    private readonly wordScores: Float32Array[],
    private readonly lexical: { ids: number[]; scores: number[] }[],
  ) {
    this.bm25 = scoreSplits(lexical.map((list) => list.ids), passages, questions);
  }

  static build(dataDir: string, embedder: StaticEmbedder, vocabulary: readonly VocabularyEntry[], words: LexicalChannelSettings): TokenizedRetrievalBench {
    const { passages, questions } = loadRtqa(dataDir);
    const passageIds = passages.map((passage) => embedder.tokenize(passage.text));
    const questionIds = questions.map((question) => embedder.tokenize(question.question));
    const questionWords = questionIds.map((ids) => {
      const out = new Float32Array(words.dimensions);
      hashedWordFeatures(ids, vocabulary, words, out);
      return out;
    });
    const wordScores = questions.map(() => new Float32Array(passages.length));
    const passageWords = new Float32Array(words.dimensions);
    passageIds.forEach((ids, p) => {
      hashedWordFeatures(ids, vocabulary, words, passageWords);
      questionWords.forEach((query, q) => {
        let sum = 0;
        for (let i = 0; i < query.length; i++) sum += (query[i] as number) * (passageWords[i] as number);
        (wordScores[q] as Float32Array)[p] = sum;
      });
    });
    const lexical = bm25ScoredRankings(passages, questions.map((question) => question.question), DEPTH);
    return new TokenizedRetrievalBench(passages, questions, passageIds.map(pieceCounts), questionIds.map(pieceCounts), wordScores, lexical);
  }

  /** Scores a semantic embedding function (`embed` writes a unit vector of `dimensions` and returns its norm). */
  evaluate(dimensions: number, embed: (text: PieceCounts, out: Float32Array) => number, alphas: number[], fusionAlpha: number): BenchResult {
    const passageVectors = new Float32Array(this.passages.length * dimensions);
    this.passageCounts.forEach((text, p) => embed(text, passageVectors.subarray(p * dimensions, (p + 1) * dimensions)));
    const semanticScores = this.questionCounts.map((text) => {
      const query = new Float32Array(dimensions);
      embed(text, query);
      const scores = new Float32Array(this.passages.length);
      for (let p = 0; p < this.passages.length; p++) {
        let sum = 0;
        const offset = p * dimensions;
        for (let i = 0; i < dimensions; i++) sum += (query[i] as number) * (passageVectors[offset + i] as number);
        scores[p] = sum;
      }
      return scores;
    });
    const denseLists = (alpha: number): { ids: number[]; scores: number[] }[] =>
      semanticScores.map((semantic, q) => {
        const words = this.wordScores[q] as Float32Array;
        const mixed = semantic.map((value, p) => alpha * value + (1 - alpha) * (words[p] as number));
        return topK(mixed, DEPTH);
      });
    const dense = new Map<number, SplitScores>();
    for (const alpha of alphas) dense.set(alpha, scoreSplits(denseLists(alpha).map((list) => list.ids), this.passages, this.questions));

    const fused = denseLists(fusionAlpha);
    const hybrid = new Map<string, SplitScores>();
    const lexicalIds = this.lexical.map((list) => list.ids);
    const denseIds = fused.map((list) => list.ids);
    for (const k of [10, 30, 60]) {
      for (const vectorWeight of [0.25, 0.5, 1]) {
        hybrid.set(`rrf k${k} v${vectorWeight}`, scoreSplits(fuseRankingsWeighted([lexicalIds, denseIds], [1, vectorWeight], k, DEPTH), this.passages, this.questions));
      }
    }
    // Also measured: RRF of article rankings (each list's best passage per article) — 0.03–0.06 lower dev MRR.
    for (const lexicalShare of [0.3, 0.5, 0.7]) {
      hybrid.set(`convex λ${lexicalShare}`, scoreSplits(fuseScoresConvex(this.lexical, fused, lexicalShare, DEPTH), this.passages, this.questions));
    }
    return { dense, hybrid };
  }
}

function topK(scores: Float32Array, depth: number): { ids: number[]; scores: number[] } {
  const threshold = Float32Array.from(scores).sort()[Math.max(0, scores.length - depth)] ?? Number.NEGATIVE_INFINITY;
  const ids: number[] = [];
  scores.forEach((score, index) => {
    if (score >= threshold) ids.push(index);
  });
  ids.sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const kept = ids.slice(0, depth);
  return { ids: kept, scores: kept.map((id) => scores[id] as number) };
}

const pair = (scores: RetrievalScores): string => `${scores.recallAt10.toFixed(3)}/${scores.mrrAt10.toFixed(3)}`;

/** One line per measurement: R@10/MRR@10 dev | held-out. */
export function describeResult(result: BenchResult): string[] {
  const lines: string[] = [];
  for (const [alpha, scores] of result.dense) lines.push(`  dense α=${alpha}: dev ${pair(scores.dev)} | held-out ${pair(scores.heldOut)}`);
  for (const [name, scores] of result.hybrid) lines.push(`  hybrid ${name}: dev ${pair(scores.dev)} | held-out ${pair(scores.heldOut)}`);
  return lines;
}

export function describeSplit(scores: SplitScores): string {
  return `dev ${pair(scores.dev)} | held-out ${pair(scores.heldOut)}`;
}
