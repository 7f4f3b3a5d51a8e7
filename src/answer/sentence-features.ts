import type { EvidenceSentence } from './evidence-sentence.js';
import type { QuestionIntent } from './question-intent.js';
import { writtenMidSentence } from './mid-sentence-word.js';
import { type EntitySpan, sentenceEntities } from './sentence-entities.js';

/** The features the sentence ranker reads, in column order (the shipped weights depend on this order). */
export const SENTENCE_FEATURES = [
  'coverage',
  'contextCoverage',
  'previousCoverageGain',
  'titleCoverage',
  'passageRank',
  'articleRank',
  'fromContextPassage',
  'positionInArticle',
  'expectsDate',
  'expectsQuantity',
  'expectsPerson',
  'expectsName',
  'newTypedSpans',
  'typedSpanNearTopic',
  'novelty',
  'restatesQuestion',
  'termCount',
  'opensWithReference',
  'hasQuotation',
  'bestCoverageGap',
] as const;

/** A candidate sentence with what the ranker and the reply need to know about it. */
export interface CandidateSentence {
  sentence: EvidenceSentence;
  /** The sentence before it in its article, when it was retrieved (the antecedent of "They…"). */
  previous: EvidenceSentence | undefined;
  coverage: number;
  contextCoverage: number;
  /** Terms of the sentence's article title and retrieved passages. */
  contextTerms: ReadonlySet<string>;
  /** Spans of the expected kind that the question does not already say, nearest to the topic words first. */
  answerSpans: EntitySpan[];
  features: number[];
}

/** How much of the question's topic a set of terms covers, by term weight (0..1). */
export type TopicCoverage = (terms: ReadonlySet<string>) => number;

/** What the features of one question's candidates are computed from. */
export interface FeatureContext {
  intent: QuestionIntent;
  coverage: TopicCoverage;
  /** Terms of each article's title and retrieved passages. */
  contextTerms: Map<string, Set<string>>;
  titleTerms: Map<string, Set<string>>;
  /** Rank of each article by its first retrieved passage (0 = best). */
  articleRank: Map<string, number>;
  topicTerms: ReadonlySet<string>;
}

/** A sentence that leans on the one before: a pronoun, or a description in place of a name ("The acclaimed comedy…"). */
export const OPENS_WITH_REFERENCE =
  /^\W*(?:(?:They|He|She|It|Its|Their|Them|His|Her|This|These|Those|That|Both)\b|The (?:latter|former)\b|The\s+(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*\s+(?:is|was|are|were|has|had|will|would|said|says|won|became|made|took)\b)/;

/** A news dateline ("WASHINGTON —", "NASHVILLE, Tenn. –", "KIEV, Ukraine (AP) —"): where the story was filed, never an answer. */
const DATELINE = /^\p{Lu}[\p{Lu} .'-]+(?:,\s*[\p{L}. ]{2,20})?(?:\s*\([^)]{1,20}\))?\s*[—–-]\s/u;

const YEAR = /\b(?:1[89]\d\d|20\d\d)\b/;

/** Typed spans of the expected kind that say something the question does not. */
function newSpans(text: string, body: string, entities: readonly EntitySpan[], intent: QuestionIntent, asked: ReadonlySet<string>, termsOf: (text: string) => string[]): EntitySpan[] {
  if (intent.expected === null) return [];
  const kind = intent.expected === 'person' ? 'name' : intent.expected;
  const datelineEnd = text.match(DATELINE)?.[0].length ?? 0;
  // A year read as a number or a duration ("since 2019") answers "when" too.
  const ofKind = (span: EntitySpan): boolean => span.kind === kind || (kind === 'date' && span.kind === 'quantity' && YEAR.test(span.text));
  return entities.filter(
    (span) => ofKind(span) && span.start >= datelineEnd && termsOf(span.text).some((term) => !asked.has(term)) && !capitalisedOnlyAsOpener(span, text, body),
  );
}

/**
 * The tagger reads many capitalised sentence openers as proper nouns ("Crowds lined the harbour…"). A one-word
 * name at the start of a sentence counts only when the article also writes it capitalised mid-sentence.
 */
function capitalisedOnlyAsOpener(span: EntitySpan, text: string, body: string): boolean {
  if (span.kind !== 'name' || text.slice(0, span.start).trim() !== '' || /\s/.test(span.text)) return false;
  return !writtenMidSentence(span.text, body);
}

/** The words of a sentence that the question also uses, with their offsets (stemmed once per sentence). */
function topicWordSpans(text: string, asked: ReadonlySet<string>, termsOf: (text: string) => string[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    if (termsOf(match[0]).some((term) => asked.has(term))) found.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  return found;
}

/** Distance in characters from a span to the nearest of the given words. */
function distanceTo(span: EntitySpan, words: { start: number; end: number }[], fallback: number): number {
  let best = fallback;
  for (const word of words) {
    const distance = word.start >= span.end ? word.start - span.end : span.start >= word.end ? span.start - word.end : 0;
    best = Math.min(best, distance);
  }
  return best;
}

/** The ranker's features for one candidate sentence. `bestCoverage` is the highest coverage of any candidate. */
export function candidateFeatures(
  sentence: EvidenceSentence,
  previous: EvidenceSentence | undefined,
  context: FeatureContext,
  bestCoverage: number,
  termsOf: (text: string) => string[],
): CandidateSentence {
  const { intent, coverage: cover } = context;
  const coverage = cover(sentence.terms);
  const contextTerms = context.contextTerms.get(sentence.article.id) ?? new Set<string>();
  const contextCoverage = cover(new Set([...sentence.terms, ...contextTerms]));
  const withPrevious = previous ? cover(new Set([...sentence.terms, ...previous.terms])) : coverage;
  const titleCoverage = cover(context.titleTerms.get(sentence.article.id) ?? new Set());
  const entities = intent.expected === null ? [] : sentenceEntities(sentence.text);
  const found = newSpans(sentence.text, sentence.body, entities, intent, context.topicTerms, termsOf);
  const topicWords = found.length > 0 ? topicWordSpans(sentence.text, context.topicTerms, termsOf) : [];
  const spans = found
    .map((span) => ({ span, distance: distanceTo(span, topicWords, sentence.text.length) }))
    .sort((a, b) => a.distance - b.distance);
  const nearest = spans[0]?.distance ?? sentence.text.length;
  const sentenceTerms = [...sentence.terms];
  const novelty = sentenceTerms.length === 0 ? 0 : sentenceTerms.filter((term) => !context.topicTerms.has(term)).length / sentenceTerms.length;
  const features = [
    coverage,
    contextCoverage,
    withPrevious - coverage,
    titleCoverage,
    Math.min(sentence.passageRank, 20),
    Math.min(context.articleRank.get(sentence.article.id) ?? 20, 20),
    sentence.contextOnly ? 1 : 0,
    Math.min(sentencePosition(sentence), 100),
    intent.expected === 'date' ? 1 : 0,
    intent.expected === 'quantity' ? 1 : 0,
    intent.expected === 'person' ? 1 : 0,
    intent.expected === 'name' ? 1 : 0,
    Math.min(spans.length, 5),
    spans.length === 0 ? 0 : 1 / (1 + nearest / 20),
    novelty,
    coverage >= 0.6 && spans.length === 0 && novelty < 0.5 ? 1 : 0,
    Math.min(sentenceTerms.length, 60),
    OPENS_WITH_REFERENCE.test(sentence.text) ? 1 : 0,
    /[“"]/.test(sentence.text) ? 1 : 0,
    bestCoverage - coverage,
  ];
  return { sentence, previous, coverage, contextCoverage, contextTerms, answerSpans: spans.map((item) => item.span), features };
}

/** A rough index of the sentence within its article: passages are about a paragraph, so ordinal × 5 + index. */
function sentencePosition(sentence: EvidenceSentence): number {
  return Math.floor(sentence.order / 1000) * 5 + (sentence.order % 1000);
}
