import { contentTerms } from '../text/terms.js';
import type { QuestionIntent } from './question-intent.js';
import type { RankedSentence } from './rank-sentences.js';

/** Question-level features of the abstention model, in column order (the shipped weights depend on it). */
export const ANSWERABILITY_FEATURES = [
  'bestProbability',
  'secondProbability',
  'bestCoverage',
  'bestContextCoverage',
  'highestCoverage',
  'questionNamesFound',
  'expectsSpan',
  'bestHasTypedSpan',
  'topicTermCount',
  'bestTitleCoverage',
] as const;

/** Capitalised words inside the question (not its first word): the names a relevant article must mention. */
function questionNames(question: string): Set<string> {
  const names = new Set<string>();
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  words.forEach((word, index) => {
    if (index === 0 || !/^\p{Lu}/u.test(word)) return;
    for (const term of contentTerms(word)) names.add(term);
  });
  return names;
}

/**
 * How a question's best candidates look as a whole: what the abstention model judges answerability from.
 * Only features that do not grow with the corpus (no retrieval scores), so a small newsroom corpus reads like
 * the development one.
 */
export function answerabilityFeatures(question: string, intent: QuestionIntent, ranked: RankedSentence[]): number[] {
  const best = ranked[0];
  const names = questionNames(question);
  // The names the best three sentences, with their articles' retrieved text, mention.
  const seen = new Set<string>();
  for (const item of ranked.slice(0, 3)) {
    for (const term of item.sentence.terms) seen.add(term);
    for (const term of item.contextTerms) seen.add(term);
  }
  const namesFound = names.size === 0 ? 1 : [...names].filter((term) => seen.has(term)).length / names.size;
  return [
    best?.probability ?? 0,
    ranked[1]?.probability ?? 0,
    best?.coverage ?? 0,
    best?.contextCoverage ?? 0,
    Math.max(0, ...ranked.map((item) => item.coverage)),
    namesFound,
    intent.expected === null ? 0 : 1,
    (best?.answerSpans.length ?? 0) > 0 ? 1 : 0,
    Math.min(intent.topicTerms.length, 20),
    best?.features[3] ?? 0,
  ];
}
