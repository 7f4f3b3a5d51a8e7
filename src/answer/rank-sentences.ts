import type { Evidence, GenerateRequest } from '../core/generator.js';
import { contentTerms, termSet } from '../text/terms.js';
import type { EvidenceSentence } from './evidence-sentence.js';
import type { QuestionIntent } from './question-intent.js';
import { type CandidateSentence, candidateFeatures, type FeatureContext, type TopicCoverage } from './sentence-features.js';
import type { SentenceRanker } from './sentence-ranker.js';
import { antecedentOf } from './antecedent.js';
import type { TopicWeights } from './topic-weights.js';

/** A candidate with the ranker's probability that it holds the answer, and the sentence it leans on. */
export interface RankedSentence extends CandidateSentence {
  probability: number;
  antecedent: EvidenceSentence | undefined;
}

/** What ranking one question's sentences needs. */
export interface RankRequest {
  request: GenerateRequest;
  intent: QuestionIntent;
  /** Sentences that may answer. */
  candidates: EvidenceSentence[];
  /** Every retrieved sentence (candidates and the rest), to find a sentence's predecessor. */
  pool: EvidenceSentence[];
  /** The question's topic terms weighted by the corpus ({@link topicWeights}). */
  topic: TopicWeights;
  ranker: SentenceRanker;
}

/*
 * Entity recognition costs about 0.7 ms a sentence and a question brings 50 to 300 candidates, so the
 * learned ranker reads only the sentences that a cheap lexical score puts first. 24 keeps the sentence
 * holding the answer for nearly every development question where any candidate holds it (see the provenance).
 */
export const RANKED_CANDIDATES = 24;

/** Terms of each evidence article's title and retrieved passages: the context a sentence is read in. */
export function evidenceTermsByArticle(evidence: readonly Evidence[]): Map<string, Set<string>> {
  const terms = new Map<string, Set<string>>();
  for (const item of evidence) {
    const articleTerms = terms.get(item.article.id) ?? termSet(item.article.title);
    for (const term of termSet(item.passage.text)) articleTerms.add(term);
    terms.set(item.article.id, articleTerms);
  }
  return terms;
}

/** The cheap score that picks the candidates the learned ranker reads: topic coverage by the sentence, then by its article's retrieved text, and a little for the passage rank. */
export function firstStageScore(sentence: EvidenceSentence, coverage: TopicCoverage, articleContext: ReadonlySet<string>): number {
  return coverage(sentence.terms) + 0.3 * coverage(articleContext) + 0.1 / (1 + sentence.passageRank);
}

/** Candidates in order of the ranker's probability, best first. */
export function rankSentences(input: RankRequest): RankedSentence[] {
  const { request, intent, ranker } = input;
  const topic = new Set(intent.topicTerms);
  const { coverage } = input.topic;

  const contextTerms = evidenceTermsByArticle(request.evidence);
  const titleTerms = new Map<string, Set<string>>();
  const articleRank = new Map<string, number>();
  for (const item of request.evidence) if (!articleRank.has(item.article.id)) articleRank.set(item.article.id, articleRank.size);
  for (const item of [...request.evidence, ...(request.context ?? [])]) {
    if (!titleTerms.has(item.article.id)) titleTerms.set(item.article.id, termSet(item.article.title));
  }
  const context: FeatureContext = { intent, coverage, contextTerms, titleTerms, articleRank, topicTerms: topic };

  const previousOf = predecessors(input.pool);
  const lexical = input.candidates
    .map((sentence) => ({ sentence, score: firstStageScore(sentence, coverage, contextTerms.get(sentence.article.id) ?? new Set()) }))
    .sort((a, b) => b.score - a.score || a.sentence.passageRank - b.sentence.passageRank || a.sentence.order - b.sentence.order)
    .slice(0, RANKED_CANDIDATES);
  const bestCoverage = Math.max(...lexical.map((item) => coverage(item.sentence.terms)), 0);
  const ranked = lexical.map(({ sentence }) => {
    const previous = previousOf.get(sentence);
    const candidate = candidateFeatures(sentence, previous, context, bestCoverage, contentTerms);
    const antecedent = antecedentOf(sentence, previous, topic);
    return { ...candidate, probability: ranker.probability(candidate.features), antecedent };
  });
  return ranked.sort((a, b) => b.probability - a.probability || a.sentence.passageRank - b.sentence.passageRank || a.sentence.order - b.sentence.order);
}

/** The sentence before each one in its article, among the retrieved sentences. */
function predecessors(pool: EvidenceSentence[]): Map<EvidenceSentence, EvidenceSentence> {
  const byArticle = new Map<string, EvidenceSentence[]>();
  for (const sentence of pool) {
    const list = byArticle.get(sentence.article.id);
    if (list) list.push(sentence);
    else byArticle.set(sentence.article.id, [sentence]);
  }
  const previous = new Map<EvidenceSentence, EvidenceSentence>();
  for (const sentences of byArticle.values()) {
    const ordered = [...sentences].sort((a, b) => a.start - b.start);
    for (let index = 1; index < ordered.length; index += 1) {
      const before = ordered[index - 1] as EvidenceSentence;
      const current = ordered[index] as EvidenceSentence;
      // Only the sentence directly before: nothing but white space between them.
      if (current.body.slice(before.end, current.start).trim() === '') previous.set(current, before);
    }
  }
  return previous;
}
