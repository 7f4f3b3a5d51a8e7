import { SHOUTED_VERDICT } from './stance-cues.js';
import type { TermWeights } from './stance-idf.js';
import type { PreparedText } from './stance-prepared-text.js';
import { type AnalyzedSentence, sumCues } from './stance-text.js';

/**
 * How firmly a text commits to the claim: the cues and hedges of the sentences closest to the claim by TF-IDF
 * (the top three, which weigh rare shared words such as names above common ones), the body's shares of
 * refuting, reported, denied, asserted and question sentences, and how much of the claim's IDF mass the
 * text states as fact (asserted sentences) against what it attributes or hedges. `agree` bodies state the
 * claim; `discuss` bodies report it. Chosen by grouped cross-validation over nine fold assignments (see
 * stance/PROVENANCE.md).
 */
export const COMMITMENT_FEATURE_NAMES: readonly string[] = [
  'tfidfTopRefuting',
  'tfidfTopHedging',
  'tfidfTopConfirming',
  'tfidfTopNegation',
  'tfidfBestNegationMismatch',
  'tfidfTopDenied',
  'tfidfTopReported',
  'refutingSentenceShare',
  'reportedSentenceShare',
  'deniedSentenceShare',
  'questionSentenceShare',
  'assertedSentenceShare',
  'assertedCoverage',
  'hedgedCoverage',
  'assertedMinusHedgedCoverage',
  'assertedBestTfidf',
  'hedgedBestTfidf',
  'assertedLeadCoverage',
];

const TOP_SENTENCES = 3;
const LEAD_SENTENCES = 3;

const isReported = (sentence: AnalyzedSentence) => sentence.hedge === 'reported' || sentence.hedge === 'alleged';
const isDenied = (sentence: AnalyzedSentence) => sentence.hedge === 'denied' || sentence.hedge === 'unverified';
const isRefuting = (sentence: AnalyzedSentence) => sentence.cues.refuting + sentence.cues.refutingPhrases > 0 || SHOUTED_VERDICT.test(sentence.text);

function termsOf(sentences: readonly AnalyzedSentence[]): Set<string> {
  const terms = new Set<string>();
  for (const sentence of sentences) for (const term of sentence.terms) terms.add(term);
  return terms;
}

function share(sentences: readonly AnalyzedSentence[], test: (sentence: AnalyzedSentence) => boolean): number {
  return sentences.length === 0 ? 0 : sentences.filter(test).length / sentences.length;
}

/** Values in the order of `COMMITMENT_FEATURE_NAMES`. */
export function commitmentFeatures(claim: PreparedText, text: PreparedText, weights: TermWeights): number[] {
  const sentences = text.analyzed.sentences;
  const scored = sentences.map((sentence, index) => ({
    sentence,
    tfidf: weights.cosineWithSet(claim.tfidf, sentence.terms, text.sentenceNorms[index] ?? 0),
  }));
  const top = [...scored]
    .sort((a, b) => b.tfidf - a.tfidf)
    .slice(0, TOP_SENTENCES)
    .filter((entry) => entry.tfidf > 0)
    .map((entry) => entry.sentence);
  const topCues = sumCues(top);
  const best = top[0];
  const claimNegated = claim.analyzed.cues.negation > 0;
  const claimTerms = [...claim.analyzed.termCounts.keys()];
  const asserted = sentences.filter((sentence) => sentence.hedge === 'asserted');
  const hedged = sentences.filter((sentence) => sentence.hedge !== 'asserted');
  const assertedCoverage = weights.coverage(claimTerms, termsOf(asserted));
  const hedgedCoverage = weights.coverage(claimTerms, termsOf(hedged));
  const bestTfidf = (test: (sentence: AnalyzedSentence) => boolean) =>
    scored.reduce((most, entry) => (test(entry.sentence) ? Math.max(most, entry.tfidf) : most), 0);
  return [
    Math.log1p(topCues.refuting + 2 * topCues.refutingPhrases),
    Math.log1p(topCues.hedging),
    Math.log1p(topCues.confirming),
    Math.log1p(topCues.negation),
    best && claimNegated !== best.cues.negation > 0 ? 1 : 0,
    top.some(isDenied) ? 1 : 0,
    top.some(isReported) ? 1 : 0,
    share(sentences, isRefuting),
    share(sentences, isReported),
    share(sentences, isDenied),
    share(sentences, (sentence) => sentence.text.trim().endsWith('?')),
    share(sentences, (sentence) => sentence.hedge === 'asserted'),
    assertedCoverage,
    hedgedCoverage,
    assertedCoverage - hedgedCoverage,
    bestTfidf((sentence) => sentence.hedge === 'asserted'),
    bestTfidf((sentence) => sentence.hedge !== 'asserted'),
    weights.coverage(claimTerms, termsOf(sentences.slice(0, LEAD_SENTENCES).filter((sentence) => sentence.hedge === 'asserted'))),
  ];
}
