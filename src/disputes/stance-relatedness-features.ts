import { packedCosine } from './stance-embeddings.js';
import { sparseCosine, type TermWeights } from './stance-idf.js';
import type { PreparedText } from './stance-prepared-text.js';

/**
 * Relatedness features beyond raw term overlap: TF-IDF cosines (whole text, best sentence, top three, lead),
 * the share of the claim's IDF mass found in the text, and static-embedding cosines between the claim and
 * the text's sentences. Chosen by grouped cross-validation (see stance/PROVENANCE.md).
 */
export const RELATEDNESS_FEATURE_NAMES: readonly string[] = [
  'tfidfAll',
  'tfidfBest',
  'tfidfTop3',
  'tfidfLead',
  'idfShareAll',
  'idfShareBest',
  'idfShareLead',
  'tfidfBestGap',
  'embAll',
  'embBest',
  'embTop3',
  'embLead',
  'embBestRank',
];

const LEAD_SENTENCES = 2;

function descending(values: number[]): number[] {
  return [...values].sort((a, b) => b - a);
}

/** Values in the order of `RELATEDNESS_FEATURE_NAMES`. */
export function relatednessFeatures(claim: PreparedText, text: PreparedText, weights: TermWeights): number[] {
  const claimTerms = [...claim.analyzed.termCounts.keys()];
  const sentences = text.analyzed.sentences;
  const tfidfBySentence = sentences.map((sentence, index) => weights.cosineWithSet(claim.tfidf, sentence.terms, text.sentenceNorms[index] ?? 0));
  const tfidfRanked = descending(tfidfBySentence);
  const leadTerms = new Set(sentences.slice(0, LEAD_SENTENCES).flatMap((sentence) => [...sentence.terms]));
  const bestCoverage = Math.max(0, ...sentences.map((sentence) => weights.coverage(claimTerms, sentence.terms)));
  const claimVector = claim.vectors.whole;
  const embeddingBySentence = text.vectors.sentences.map((vector) => packedCosine(claimVector, vector));
  const embeddingRanked = descending(embeddingBySentence);
  const bestEmbedding = embeddingRanked[0] ?? 0;
  return [
    sparseCosine(claim.tfidf, text.tfidf),
    tfidfRanked[0] ?? 0,
    ((tfidfRanked[0] ?? 0) + (tfidfRanked[1] ?? 0) + (tfidfRanked[2] ?? 0)) / 3,
    Math.max(0, ...tfidfBySentence.slice(0, LEAD_SENTENCES)),
    weights.coverage(claimTerms, text.analyzed.termCounts),
    bestCoverage,
    weights.coverage(claimTerms, leadTerms),
    (tfidfRanked[0] ?? 0) - (tfidfRanked[1] ?? 0),
    packedCosine(claimVector, text.vectors.whole),
    bestEmbedding,
    (bestEmbedding + (embeddingRanked[1] ?? bestEmbedding) + (embeddingRanked[2] ?? bestEmbedding)) / 3,
    Math.max(0, ...embeddingBySentence.slice(0, LEAD_SENTENCES)),
    Math.log1p(Math.max(0, embeddingBySentence.indexOf(bestEmbedding))),
  ];
}
