import { COMMITMENT_FEATURE_NAMES, commitmentFeatures } from './stance-commitment-features.js';
import { oppositions } from './opposition.js';
import { SHOUTED_VERDICT } from './stance-cues.js';
import type { TermWeights } from './stance-idf.js';
import type { PreparedText } from './stance-prepared-text.js';
import { RELATEDNESS_FEATURE_NAMES, relatednessFeatures } from './stance-relatedness-features.js';
import { type AnalyzedSentence, type CueCounts, sumCues } from './stance-text.js';

/** The features of one claim/text pair: named dense values and hashed indicator features. */
export interface PairFeatures {
  dense: number[];
  /** Indices in [0, hashSize) of indicator features that are on (may repeat; each counts once per mention). */
  hashed: number[];
  /** Words in the text: headline-length texts get their own stage-2 model. */
  textWords: number;
}

const CUE_KINDS = ['refuting', 'hedging', 'confirming', 'negation', 'refutingPhrases'] as const;
const CUE_PLACES = ['claim', 'text', 'top', 'lead'] as const;

/** Names of the dense features, in order; stored with the weights so a mismatch is caught on load. */
export const DENSE_FEATURE_NAMES: readonly string[] = [
  'claimTerms',
  'textWords',
  'textSentences',
  'shortText',
  'overlapAll',
  'bigramAll',
  'jaccardAll',
  'cosineAll',
  'best1',
  'best2',
  'top3Mean',
  'lead1',
  'lead3',
  'bestBigram',
  'bestChar4',
  'bestPosition',
  'matchedSentenceShare',
  'claimQuestion',
  'negationMismatch',
  ...CUE_PLACES.flatMap((place) => CUE_KINDS.map((kind) => `${place}.${kind}`)),
  'textRefutingRate',
  'textHedgingRate',
  'oppositeBest',
  'oppositeTop',
  'matchedRefuting',
  'matchedNegation',
  'matchedRefutingShare',
  'claimRefutesTextDoesNot',
  'topDenied',
  'topUnverified',
  'topReported',
  'leadDenied',
  'claimDenied',
  'claimHedged',
  'quoteTop',
  'questionLead',
  'refutingLead2',
  'shoutedVerdict',
  ...RELATEDNESS_FEATURE_NAMES,
  ...COMMITMENT_FEATURE_NAMES,
];

/** Names of the features stage 1 (related or not) reads: overlap only, so it cannot learn which bodies tend to be related. */
export const STAGE_ONE_FEATURES: readonly string[] = [
  'claimTerms',
  'textWords',
  'overlapAll',
  'bigramAll',
  'jaccardAll',
  'cosineAll',
  'best1',
  'best2',
  'top3Mean',
  'lead1',
  'lead3',
  'bestBigram',
  'bestChar4',
  'bestPosition',
  'matchedSentenceShare',
  ...RELATEDNESS_FEATURE_NAMES,
];

/** Names of the features stage 2 (agree / disagree / discuss) reads: the TF-IDF and embedding cosines only added noise there. */
export const STAGE_TWO_FEATURES: readonly string[] = DENSE_FEATURE_NAMES.filter((name) => !RELATEDNESS_FEATURE_NAMES.includes(name));

const QUOTE_MARKS = /["“”‘’']/g;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function intersectionSize(a: ReadonlySet<string>, b: ReadonlySet<string> | ReadonlyMap<string, number>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared;
}

function charGrams(text: string, size: number): Set<string> {
  const compact = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  const grams = new Set<string>();
  for (let index = 0; index + size <= compact.length; index += 1) grams.add(compact.slice(index, index + size));
  return grams;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = intersectionSize(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

function cueValues(cues: CueCounts): number[] {
  return CUE_KINDS.map((kind) => Math.log1p(cues[kind]));
}

function overlapBucket(best: number): string {
  if (best >= 0.5) return 'hi';
  if (best >= 0.25) return 'mid';
  return 'lo';
}

/**
 * Computes the features of a pair from its analysed claim and text. The "top" sentences are the three of the
 * text that share most terms with the claim: cues there (a denial next to the claim's words) say far more
 * than cues anywhere in a long body.
 */
export function pairFeatures(preparedClaim: PreparedText, preparedText: PreparedText, hashSize: number, weights: TermWeights): PairFeatures {
  const claim = preparedClaim.analyzed;
  const text = preparedText.analyzed;
  const claimTerms = new Set(claim.termCounts.keys());
  const claimSize = Math.max(claimTerms.size, 1);
  const scored = text.sentences.map((sentence, position) => ({
    sentence,
    position,
    score: intersectionSize(claimTerms, sentence.terms) / claimSize,
  }));
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.position - b.position);
  const best = ranked[0];
  const top = ranked
    .slice(0, 3)
    .filter((entry) => entry.score > 0)
    .map((entry) => entry.sentence);
  const lead = text.sentences.slice(0, 3);
  const bestSentence: AnalyzedSentence | undefined = best?.sentence;

  const sharedAll = intersectionSize(claimTerms, text.termCounts);
  let dot = 0;
  let textNorm = 0;
  for (const [term, count] of text.termCounts) {
    textNorm += count * count;
    if (claimTerms.has(term)) dot += count;
  }
  const cosine = textNorm === 0 ? 0 : dot / (Math.sqrt(claimSize) * Math.sqrt(textNorm));
  const leadTerms = new Set(lead.flatMap((sentence) => [...sentence.terms]));
  const claimNegated = claim.cues.negation > 0;
  const bestNegated = (bestSentence?.cues.negation ?? 0) > 0;
  const claimText = claim.sentences.map((sentence) => sentence.text).join(' ');

  const claimSurface = new Set(claim.sentences.flatMap((sentence) => [...sentence.stems]));
  const topSurface = (sentences: readonly AnalyzedSentence[]) => new Set(sentences.flatMap((sentence) => [...sentence.stems]));
  const bestOpposites = bestSentence ? oppositions(claimSurface, topSurface([bestSentence])) : [];
  const topOpposites = oppositions(claimSurface, topSurface(top));

  // Every sentence that shares a fair part of the claim's terms, not just the top three: a debunk often
  // repeats the claim several times, each time next to "hoax" or "not true".
  const matched = scored.filter((entry) => entry.score >= 0.25).map((entry) => entry.sentence);
  const matchedCues = sumCues(matched);
  const matchedWithRefuting = matched.filter((sentence) => sentence.cues.refuting + sentence.cues.refutingPhrases > 0).length;
  const topCues = sumCues(top);

  const dense = [
    Math.log1p(claimTerms.size),
    Math.log1p(text.wordCount),
    Math.log1p(text.sentences.length),
    text.wordCount <= 30 ? 1 : 0,
    sharedAll / claimSize,
    intersectionSize(claim.bigrams, text.bigrams) / Math.max(claim.bigrams.size, 1),
    jaccard(claimTerms, new Set(text.termCounts.keys())),
    cosine,
    ranked[0]?.score ?? 0,
    ranked[1]?.score ?? 0,
    ranked.slice(0, 3).reduce((sum, entry) => sum + entry.score, 0) / 3,
    text.sentences[0] ? intersectionSize(claimTerms, text.sentences[0].terms) / claimSize : 0,
    intersectionSize(claimTerms, leadTerms) / claimSize,
    bestSentence ? intersectionSize(claim.bigrams, bestSentence.bigrams) / Math.max(claim.bigrams.size, 1) : 0,
    bestSentence ? jaccard(charGrams(claimText, 4), charGrams(bestSentence.text, 4)) : 0,
    best ? Math.log1p(best.position) : 0,
    scored.length === 0 ? 0 : scored.filter((entry) => entry.score >= 0.3).length / scored.length,
    /\?/.test(claimText) ? 1 : 0,
    claimNegated !== bestNegated ? 1 : 0,
    ...cueValues(claim.cues),
    ...cueValues(text.cues),
    ...cueValues(sumCues(top)),
    ...cueValues(sumCues(lead)),
    (text.cues.refuting / Math.max(text.wordCount, 1)) * 100,
    (text.cues.hedging / Math.max(text.wordCount, 1)) * 100,
    bestOpposites.length,
    Math.log1p(topOpposites.length),
    Math.log1p(matchedCues.refuting + 2 * matchedCues.refutingPhrases),
    Math.log1p(matchedCues.negation),
    matched.length === 0 ? 0 : matchedWithRefuting / matched.length,
    claim.cues.refuting + claim.cues.refutingPhrases > 0 && topCues.refuting + topCues.refutingPhrases === 0 ? 1 : 0,
    top.some((sentence) => sentence.hedge === 'denied') ? 1 : 0,
    top.some((sentence) => sentence.hedge === 'unverified') ? 1 : 0,
    top.some((sentence) => sentence.hedge === 'reported' || sentence.hedge === 'alleged') ? 1 : 0,
    lead.some((sentence) => sentence.hedge === 'denied') ? 1 : 0,
    claim.sentences.some((sentence) => sentence.hedge === 'denied' || sentence.hedge === 'unverified') ? 1 : 0,
    claim.sentences.some((sentence) => sentence.hedge === 'reported' || sentence.hedge === 'alleged') ? 1 : 0,
    Math.log1p(top.reduce((count, sentence) => count + (sentence.text.match(QUOTE_MARKS) ?? []).length, 0)),
    lead.some((sentence) => sentence.text.includes('?')) ? 1 : 0,
    Math.log1p(text.sentences.slice(0, 2).reduce((count, sentence) => count + sentence.cues.refuting + sentence.cues.refutingPhrases, 0)),
    text.sentences.some((sentence) => SHOUTED_VERDICT.test(sentence.text)) ? 1 : 0,
    ...relatednessFeatures(preparedClaim, preparedText, weights),
    ...commitmentFeatures(preparedClaim, preparedText, weights),
  ];

  // Cue words by place, crossed with how related the pair looks: "hoax" next to the claim's words in a
  // related text means something else than "hoax" in a text about another story.
  const bucket = overlapBucket(ranked[0]?.score ?? 0);
  const hashed: number[] = [];
  const add = (key: string) => hashed.push(fnv1a(key) % hashSize);
  for (const sentence of top) for (const word of sentence.cueWords) add(`${bucket}|top|${word}`);
  for (const sentence of lead) for (const word of sentence.cueWords) add(`${bucket}|lead|${word}`);
  for (const sentence of claim.sentences) for (const word of sentence.cueWords) add(`claim|${word}`);
  for (const sentence of claim.sentences) for (const word of sentence.cueWords) add(`${bucket}|claim|${word}`);
  for (const pair of topOpposites) add(`${bucket}|opp|${pair}`);
  for (const sentence of top) add(`${bucket}|tophedge|${sentence.hedge}`);
  for (const sentence of claim.sentences) for (const other of top) add(`hedgex|${sentence.hedge}|${other.hedge}`);
  if (bestSentence)
    for (const word of bestSentence.cueWords) for (const sentence of claim.sentences) for (const claimWord of sentence.cueWords) add(`x|${claimWord}|${word}`);
  return { dense, hashed, textWords: text.wordCount };
}
