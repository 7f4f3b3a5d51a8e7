import type { Answer, Confirmation, Dispute, LeadAnswer, Statement } from '../core/answer.js';
import type { GenerateRequest, Generator } from '../core/generator.js';
import type { StanceClassifier } from '../core/stance.js';
import { ABSTAIN_MESSAGES, abstain, staleEvidenceMessage } from './abstention.js';
import { answerCandidates } from './answer-candidates.js';
import { answerabilityFeatures, articleTermsOf } from './answerability.js';
import { CitationBook } from './citation-book.js';
import { cleanQuestion } from './clean-question.js';
import { composeAnswerText } from './compose-answer-text.js';
import { evidenceSentences } from './evidence-sentence.js';
import { chooseStatements, REPLY_CHOICE, type StatementChoice } from './choose-statements.js';
import { attributionText, type CounterEvidence, findCounterEvidence, readSentences } from './evidence-disputes.js';
import { disputeLead, leadSpanOf, spanLead, spansOfForm } from './lead-answer.js';
import { readQuestion } from './question-intent.js';
import { type RankedSentence, rankSentences } from './rank-sentences.js';
import { SENTENCE_FEATURES } from './sentence-features.js';
import { type SentenceRanker, shippedSentenceRanker } from './sentence-ranker.js';
import { asksAboutRecentNews, evidenceAgeDays, newestEvidenceDate } from './stale-evidence.js';
import { topicWeights } from './topic-weights.js';

/**
 * The span of the best sentence leads the reply when that sentence, read with the one before it, covers this
 * share of the question's topic: the span then stands next to the words the question asks about, not in a
 * sentence about something else ("The repairs cost 4.2 million crowns" after the sentence naming the bridge).
 * A wrong first line costs more trust than a missing one (the quotes follow either way): out of fold, 0.7 states
 * the right answer on 15 of the 20 answerable questions it leads (0.5: 21 of 43, 0.6: 18 of 31) and leads 10
 * unanswerable ones before the gate (35 at 0.5). See ranker/PROVENANCE.md.
 */
export const LEAD_COVERAGE = 0.7;

/** Coverage of the question's topic by a sentence together with the sentence before it. */
export function leadCoverage(candidate: RankedSentence): number {
  return candidate.coverage + (candidate.features[SENTENCE_FEATURES.indexOf('previousCoverageGain')] ?? 0);
}

/** Weight of each (stemmed) term of a question, e.g. its inverse document frequency in the corpus (read from a store, hence a promise). */
export type TermWeights = (question: string) => Map<string, number> | Promise<Map<string, number>>;

/** How many sentences a reply quotes (@default {@link REPLY_CHOICE}), and what the answerer reads with. */
export interface ExtractiveGeneratorOptions extends Partial<StatementChoice> {
  termWeights?: TermWeights;
  /** Finds other outlets reporting the opposite of a claim; without it only denials and non-verifications count. */
  stance?: StanceClassifier;
  /** Scores candidate sentences and holds the calibrated abstention gate. @default the shipped ranker */
  ranker?: SentenceRanker;
}

/**
 * The offline answerer: ranks the evidence sentences with a learned ranker, states the answer span first when
 * a sentence holds one of the expected kind, quotes the supporting sentences verbatim with citations, and
 * marks claims that the evidence denies or could not verify. Questions about a dispute are answered from it.
 */
export class ExtractiveGenerator implements Generator {
  readonly id = 'extractive';
  readonly #options: StatementChoice;
  readonly #termWeights: TermWeights | undefined;
  readonly #stance: StanceClassifier | undefined;
  readonly #ranker: SentenceRanker | undefined;

  constructor(options: ExtractiveGeneratorOptions = {}) {
    const { termWeights, stance, ranker, ...rest } = options;
    this.#termWeights = termWeights;
    this.#stance = stance;
    this.#ranker = ranker;
    this.#options = { ...REPLY_CHOICE, ...rest };
  }

  async generate(request: GenerateRequest): Promise<Answer> {
    const question = cleanQuestion(request.question);
    const intent = readQuestion(question);
    if (intent.topicTerms.length === 0) return abstain(request.question, ABSTAIN_MESSAGES.emptyQuestion, this.id);
    const pool = evidenceSentences(request.evidence, request.context);
    // Sentences of the rest of a top article may answer: the answer-bearing paragraph is not always among the
    // first passages retrieved.
    const candidates = answerCandidates(pool);
    if (candidates.length === 0) return abstain(request.question, ABSTAIN_MESSAGES.noEvidence, this.id);

    const ranker = this.#ranker ?? shippedSentenceRanker();
    const topic = topicWeights(intent.topicTerms, (await this.#termWeights?.(question)) ?? new Map());
    const ranked = rankSentences({ request, intent, candidates, pool, topic, ranker });
    const best = ranked[0];
    const gate = ranker.gateFor(request.askedAt);
    if (!best) return abstain(request.question, ABSTAIN_MESSAGES.noEvidence, this.id);
    // For a question about the news of the moment: whether the given sentences' articles are older than the gate
    // allows (the nearest in time of their first three).
    const maxAgeDays = asksAboutRecentNews(question) ? gate.maxEvidenceAgeDays : null;
    const olderThanAsked = (sentences: readonly RankedSentence[]): boolean => maxAgeDays !== null && (evidenceAgeDays(sentences, request.askedAt) ?? 0) > maxAgeDays;
    // An older story that looks like this week's news answers a different question, however well it matches.
    if (olderThanAsked(ranked)) return abstain(request.question, staleEvidenceMessage(newestEvidenceDate(ranked)), this.id);
    // A best sentence that holds a typed answer and, with its article's retrieved text, covers the question's
    // topic answers it, whatever the ranker's confidence.
    const typedAnswer = spansOfForm(best.answerSpans, best.sentence.text, intent.answerForm).length > 0 && best.contextCoverage >= gate.typedAnswerCoverage;
    if (!typedAnswer && best.contextCoverage < gate.minContextCoverage) return abstain(request.question, ABSTAIN_MESSAGES.weakEvidence, this.id);
    // The abstention model was calibrated on questions that expect a name, a date or a number; yes/no, why and
    // dispute questions are judged by the context gate alone.
    // A best sentence that itself holds every word the question is about is not second-guessed by the model.
    const statesTopic = best.coverage >= gate.answeredCoverage;
    if (intent.expected !== null && !typedAnswer && !statesTopic && ranker.answerability(answerabilityFeatures({ question, intent, ranked, articleTerms: articleTermsOf(pool), topic })) < gate.minAnswerability) {
      return abstain(request.question, ABSTAIN_MESSAGES.lowConfidence, this.id);
    }

    const chosen = chooseStatements(ranked, this.#options);
    const claims = chosen.map((item) => item.sentence);
    const readings = readSentences(pool);
    const { counters: counterOf, confirmations: confirmedBy } = await findCounterEvidence(claims, readings, this.#stance);
    // A sentence shown under a claim (as its counter or its confirmation) is not repeated as a statement of its own.
    const shownUnder = new Set([...[...counterOf.values()].flat().map((item) => item.counter), ...[...confirmedBy.values()].flat()]);
    const statementsInOrder = claims.filter((sentence) => !shownUnder.has(sentence) || (counterOf.get(sentence)?.length ?? 0) > 0);

    const book = new CitationBook();
    const statements: Statement[] = [];
    const disputes: Dispute[] = [];
    const confirmations: Confirmation[] = [];
    let lead: LeadAnswer | undefined;
    // A stated answer to "this week" comes from an article of that time, although older ones may be quoted (dated).
    const leadSpan = intent.aboutDispute || olderThanAsked([best]) || leadCoverage(best) < LEAD_COVERAGE ? undefined : leadSpanOf(best.answerSpans, best.sentence, intent);
    if (leadSpan) lead = spanLead(leadSpan, best.sentence, book.cite(best.sentence), intent);
    for (const sentence of statementsInOrder) {
      // "They won the title." needs the sentence before it to say who "they" are; both are quoted verbatim.
      const antecedent = chosen.find((item) => item.sentence === sentence)?.antecedent;
      if (antecedent && !statements.some((statement) => statement.text === antecedent.text)) {
        statements.push({ text: antecedent.text, citations: [book.cite(antecedent)], status: 'supported' });
      }
      const n = book.cite(sentence);
      const found = counterOf.get(sentence) ?? [];
      const attribution = attributionText(readings.get(sentence));
      statements.push({ text: sentence.text, citations: [n], status: statusFrom(found), ...(attribution ? { attribution } : {}) });
      for (const item of found) {
        disputes.push({
          claim: sentence.text,
          counter: item.counter.text,
          kind: item.kind,
          claimCitations: [n],
          counterCitations: [book.cite(item.counter)],
          ...(item.disputedBy ? { disputedBy: item.disputedBy } : {}),
        });
      }
      for (const later of confirmedBy.get(sentence) ?? []) {
        confirmations.push({
          claim: sentence.text,
          confirmation: later.text,
          claimCitations: [n],
          confirmationCitations: [book.cite(later)],
          ...(later.article.source ? { confirmedBy: later.article.source } : {}),
        });
      }
    }
    if (intent.aboutDispute) lead = disputeLead(disputes);
    return {
      question: request.question,
      ...(lead ? { lead } : {}),
      answer: composeAnswerText(statements, disputes, confirmations, lead),
      abstained: false,
      statements,
      citations: book.citations(),
      disputes,
      confirmations,
      generator: this.id,
    };
  }
}

function statusFrom(found: CounterEvidence[]): Statement['status'] {
  if (found.some((item) => item.kind !== 'unverified')) return 'disputed';
  return found.length > 0 ? 'unverified' : 'supported';
}
