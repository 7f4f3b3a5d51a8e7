import type { ArticleMeta } from '../core/article.js';
import { contentTerms, readContentTerms, termSet } from '../text/terms.js';
import { TextMemo } from '../text/text-memo.js';
import type { EvidenceSentence } from './evidence-sentence.js';
import type { QuestionIntent } from './question-intent.js';
import type { RankedSentence } from './rank-sentences.js';
import { rankedArticles } from './ranked-articles.js';
import { SENTENCE_FEATURES } from './sentence-features.js';
import { shareOfPhrasesWritten, type TopicPhrase } from './topic-phrases.js';
import type { TopicWeights } from './topic-weights.js';

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
  'rareTermsInBest',
  'rareTermsInOneArticle',
  'bestArticleCoverage',
  'bestSentenceArticleCoverage',
  'namesInOneArticle',
  'numbersInOneArticle',
  'bestSpanNearTopic',
  'sameDaysArticles',
  'bestSpanAgreement',
  'phrasesInOneArticle',
] as const;

/** Other articles of the evidence compared with the best sentence's: the next ones in the ranking. */
const OTHER_ARTICLES = 4;
/**
 * How much of an article body is read for the question's phrases. Reading costs about 0.2 µs a character (about
 * 1 ms for a median article), so an ingested 10 MB page (a live blog, a transcript) would cost seconds per ask;
 * a news story states its event early. The development corpus keeps at most this much of each article.
 */
const PHRASE_READ_CHARACTERS = 100_000;
/*
 * The terms of the article bodies read for phrases, remembered apart from the sentence memo and for fewer texts:
 * a body is up to 100,000 characters, and asks about one story meet the same few articles.
 */
const articleBodies = new TextMemo<readonly string[]>(128);
/** Reports of one news event appear within days of each other. */
const SAME_DAYS_MS = 7 * 86_400_000;

/** What the abstention model judges a question from. */
export interface AnswerabilityInput {
  question: string;
  intent: QuestionIntent;
  /** The candidates, best first. */
  ranked: RankedSentence[];
  /** Terms of each retrieved article: its title and every sentence of it that was read ({@link articleTermsOf}). */
  articleTerms: ReadonlyMap<string, ReadonlySet<string>>;
  topic: TopicWeights;
}

/** The terms of each article that the evidence holds: title and every sentence read (the whole text of a top article). */
export function articleTermsOf(pool: readonly EvidenceSentence[]): Map<string, Set<string>> {
  const byArticle = new Map<string, Set<string>>();
  for (const sentence of pool) {
    let terms = byArticle.get(sentence.article.id);
    if (!terms) {
      terms = termSet(sentence.article.title);
      byArticle.set(sentence.article.id, terms);
    }
    for (const term of sentence.terms) terms.add(term);
  }
  return byArticle;
}

/** Share of the wanted terms that the terms hold; 1 when nothing is wanted. */
function shareFound(wanted: ReadonlySet<string> | readonly string[], terms: ReadonlySet<string>): number {
  const list = [...wanted];
  return list.length === 0 ? 1 : list.filter((term) => terms.has(term)).length / list.length;
}

/** The highest share of the wanted terms that one article holds: names, numbers and rare words of one event appear together. */
function inOneArticle(wanted: ReadonlySet<string> | readonly string[], articles: ReadonlyMap<string, ReadonlySet<string>>): number {
  if ([...wanted].length === 0) return 1;
  let best = 0;
  for (const terms of articles.values()) best = Math.max(best, shareFound(wanted, terms));
  return best;
}

/** Numbers as written ("40,000", "2017", "3.5"), with thousands separators dropped so "40,000" and "40000" match. */
function numbersIn(text: string): string[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((number) => number.replace(/,(?=\d)/g, '').replace(/,+$/, ''));
}

/**
 * The highest share of the question's numbers that one article's text holds as whole numbers: "the first to
 * score 40,000 points" is not answered by an article about 50,000. 1 when the question has no number.
 */
function numbersInOneArticle(question: string, ranked: RankedSentence[]): number {
  const wanted = [...new Set(numbersIn(question))];
  if (wanted.length === 0) return 1;
  const bodies = new Map(ranked.map((item) => [item.sentence.article.id, item.sentence.body]));
  let best = 0;
  for (const body of bodies.values()) {
    const written = new Set(numbersIn(body));
    best = Math.max(best, wanted.filter((number) => written.has(number)).length / wanted.length);
  }
  return best;
}

/**
 * The highest share of the question's topic phrases that one ranked article's title and body (not only its
 * retrieved passages, up to {@link PHRASE_READ_CHARACTERS}) write in the question's order. 1 when there is none.
 */
function phrasesInOneArticle(phrases: readonly TopicPhrase[], ranked: RankedSentence[]): number {
  if (phrases.length === 0) return 1;
  const articles = new Map(ranked.map((item) => [item.sentence.article.id, item.sentence]));
  let best = 0;
  for (const { article, body } of articles.values()) {
    const bodyTerms = articleBodies.get(body.slice(0, PHRASE_READ_CHARACTERS), readContentTerms);
    best = Math.max(best, shareOfPhrasesWritten(phrases, [contentTerms(article.title), bodyTerms]));
  }
  return best;
}

/** The articles of the ranked candidates, best first, after the best sentence's own. */
function otherArticles(ranked: RankedSentence[]): ArticleMeta[] {
  return rankedArticles(ranked, OTHER_ARTICLES + 1).slice(1);
}

/**
 * Share of the other top articles published within days of the best sentence's article: an event the corpus
 * covers is reported by several articles of the same days, while a question about news it lacks pulls
 * articles about similar things from any time.
 */
function sameDaysShare(best: RankedSentence | undefined, others: ArticleMeta[]): number {
  const at = Date.parse(best?.sentence.article.published ?? '');
  if (Number.isNaN(at) || others.length === 0) return 0;
  return others.filter((article) => Math.abs(Date.parse(article.published ?? '') - at) <= SAME_DAYS_MS).length / others.length;
}

/** Share of the other top articles that also name the best sentence's answer span: reports of one event agree on it. */
function spanAgreement(best: RankedSentence | undefined, others: ArticleMeta[], articleTerms: ReadonlyMap<string, ReadonlySet<string>>): number {
  const span = best?.answerSpans[0];
  if (!span || others.length === 0) return 0;
  const terms = contentTerms(span.text);
  if (terms.length === 0) return 0;
  return others.filter((article) => terms.every((term) => articleTerms.get(article.id)?.has(term))).length / others.length;
}

/**
 * How a question's best candidates look as a whole: what the abstention model judges answerability from.
 * Only features that do not grow with the corpus (no retrieval scores, no counts of matching articles), so a
 * small newsroom corpus reads like the development one. The articles of the evidence tell "the articles
 * answer it" from "the articles are about something near it": an article about the asked event holds the
 * question's rarest words, names and numbers together.
 */
export function answerabilityFeatures(input: AnswerabilityInput): number[] {
  const { question, intent, ranked, articleTerms, topic } = input;
  const best = ranked[0];
  // The names a relevant article must mention.
  const names = intent.names;
  // The names the best three sentences, with their articles' retrieved text, mention.
  const seen = new Set<string>();
  for (const item of ranked.slice(0, 3)) {
    for (const term of item.sentence.terms) seen.add(term);
    for (const term of item.contextTerms) seen.add(term);
  }
  const bestTerms = new Set([...(best?.sentence.terms ?? []), ...(best?.previous?.terms ?? [])]);
  const bestArticle = best ? (articleTerms.get(best.sentence.article.id) ?? new Set<string>()) : new Set<string>();
  const others = otherArticles(ranked);
  let bestArticleCoverage = 0;
  for (const terms of articleTerms.values()) bestArticleCoverage = Math.max(bestArticleCoverage, topic.coverage(terms));
  return [
    best?.probability ?? 0,
    ranked[1]?.probability ?? 0,
    best?.coverage ?? 0,
    best?.contextCoverage ?? 0,
    Math.max(0, ...ranked.map((item) => item.coverage)),
    shareFound(names, seen),
    intent.expected === null ? 0 : 1,
    (best?.answerSpans.length ?? 0) > 0 ? 1 : 0,
    Math.min(intent.topicTerms.length, 20),
    best?.features[SENTENCE_FEATURES.indexOf('titleCoverage')] ?? 0,
    best ? shareFound(topic.rarest, bestTerms) : 0,
    inOneArticle(topic.rarest, articleTerms),
    bestArticleCoverage,
    topic.coverage(bestArticle),
    inOneArticle(names, articleTerms),
    numbersInOneArticle(question, ranked),
    best?.features[SENTENCE_FEATURES.indexOf('typedSpanNearTopic')] ?? 0,
    sameDaysShare(best, others),
    spanAgreement(best, others, articleTerms),
    phrasesInOneArticle(intent.topicPhrases, ranked),
  ];
}
