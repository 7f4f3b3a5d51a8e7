import type { Answer, Confirmation, Dispute, Statement } from '../core/answer.js';
import type { GenerateRequest, Generator } from '../core/generator.js';
import type { StanceClassifier } from '../core/stance.js';
import { termSet } from '../text/terms.js';
import { ABSTAIN_MESSAGES, abstain } from './abstention.js';
import { expectedAnswerType, offersAnswer } from './answer-type.js';
import { CitationBook } from './citation-book.js';
import { composeAnswerText } from './compose-answer-text.js';
import { type EvidenceSentence, evidenceSentences } from './evidence-sentence.js';
import { attributionText, type CounterEvidence, findCounterEvidence, readSentences } from './evidence-disputes.js';
import { looksLikeInstruction } from './instruction-cues.js';

/** Weight of each (stemmed) term of a question, e.g. its inverse document frequency in the corpus. */
export type TermWeights = (question: string) => Map<string, number>;

export interface ExtractiveGeneratorOptions {
  /** @default 4 */
  maxStatements?: number;
  /** Statements one article may contribute. @default 2 */
  perArticle?: number;
  /** Share of the question's term weight the best sentence with its passage context must cover. @default 0.55 */
  minContextCoverage?: number;
  /** Share the best single sentence must cover. @default 0.15 (thresholds tuned by research/tune-extractive.ts) */
  minSentenceCoverage?: number;
  /**
   * Score added to a sentence that holds what the question asks for and does not already say (a name for
   * "which …", a number for "how many …"). @default 0.3 (tuned by research/tune-extractive.ts)
   */
  answerTypeWeight?: number;
  termWeights?: TermWeights;
  /** Finds other outlets reporting the opposite of a claim; without it only denials and non-verifications count. */
  stance?: StanceClassifier;
}

interface ScoredSentence {
  sentence: EvidenceSentence;
  coverage: number;
  /** Coverage by the sentence together with its article's title and retrieved passages. */
  contextCoverage: number;
  score: number;
}

/**
 * The offline answerer: picks the evidence sentences that answer the question, quotes them verbatim with
 * citations, and marks claims that the evidence denies or could not verify.
 */
export class ExtractiveGenerator implements Generator {
  readonly id = 'extractive';
  readonly #options: Required<Omit<ExtractiveGeneratorOptions, 'termWeights' | 'stance'>>;
  readonly #termWeights: TermWeights | undefined;
  readonly #stance: StanceClassifier | undefined;

  constructor(options: ExtractiveGeneratorOptions = {}) {
    const { termWeights, stance, ...rest } = options;
    this.#termWeights = termWeights;
    this.#stance = stance;
    this.#options = { maxStatements: 4, perArticle: 2, minContextCoverage: 0.55, minSentenceCoverage: 0.15, answerTypeWeight: 0.3, ...rest };
  }

  async generate(request: GenerateRequest): Promise<Answer> {
    const questionTerms = [...termSet(request.question)];
    if (questionTerms.length === 0) return abstain(request.question, ABSTAIN_MESSAGES.emptyQuestion, this.id);
    const pool = evidenceSentences(request.evidence, request.context);
    // Questions in the text (quizzes, headlines asking things) are not claims and answer nothing.
    // Planted instructions to AI systems are article text, but never an answer.
    const answerable = pool.filter(
      (sentence) => !sentence.contextOnly && !sentence.text.trimEnd().endsWith('?') && !looksLikeInstruction(sentence.text),
    );
    if (answerable.length === 0) return abstain(request.question, ABSTAIN_MESSAGES.noEvidence, this.id);

    const weights = this.#termWeights?.(request.question) ?? new Map<string, number>();
    const known = [...weights.values()];
    const fallbackWeight = known.length > 0 ? known.reduce((sum, weight) => sum + weight, 0) / known.length : 1;
    const weightOf = (term: string): number => weights.get(term) ?? fallbackWeight;
    const totalWeight = questionTerms.reduce((sum, term) => sum + weightOf(term), 0);
    const coverage = (terms: Set<string>): number =>
      questionTerms.reduce((sum, term) => sum + (terms.has(term) ? weightOf(term) : 0), 0) / totalWeight;

    const contextTerms = passageContextTerms(request);
    const answerType = expectedAnswerType(request.question);
    const askedTerms = new Set(questionTerms);
    const scored: ScoredSentence[] = answerable.map((sentence) => {
      const own = coverage(sentence.terms);
      const withContext = coverage(new Set([...sentence.terms, ...(contextTerms.get(sentence.article.id) ?? [])]));
      const answers = own > 0 && offersAnswer(sentence.text, askedTerms, answerType) ? this.#options.answerTypeWeight : 0;
      return { sentence, coverage: own, contextCoverage: withContext, score: 0.65 * own + 0.25 * withContext + 0.1 / (1 + sentence.passageRank) + answers };
    });
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0];
    const bestCoverage = Math.max(...scored.map((item) => item.coverage));
    const bestContext = Math.max(...scored.map((item) => item.contextCoverage));
    if (!best || bestCoverage < this.#options.minSentenceCoverage || bestContext < this.#options.minContextCoverage) {
      return abstain(request.question, ABSTAIN_MESSAGES.weakEvidence, this.id);
    }

    const chosen = this.#choose(scored, best.score);
    const readings = readSentences(pool);
    const { counters: counterOf, confirmations: confirmedBy } = await findCounterEvidence(chosen, readings, this.#stance);
    // A sentence shown under a claim (as its counter or its confirmation) is not repeated as a statement of its own.
    const shownUnder = new Set([...[...counterOf.values()].flat().map((item) => item.counter), ...[...confirmedBy.values()].flat()]);
    const statementsInOrder = chosen.filter((sentence) => !shownUnder.has(sentence) || (counterOf.get(sentence)?.length ?? 0) > 0);

    const book = new CitationBook();
    const statements: Statement[] = [];
    const disputes: Dispute[] = [];
    const confirmations: Confirmation[] = [];
    for (const sentence of statementsInOrder) {
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
    return {
      question: request.question,
      answer: composeAnswerText(statements, disputes, confirmations),
      abstained: false,
      statements,
      citations: book.citations(),
      disputes,
      confirmations,
      generator: this.id,
    };
  }

  #choose(scored: ScoredSentence[], bestScore: number): EvidenceSentence[] {
    const chosen: EvidenceSentence[] = [];
    const perArticle = new Map<string, number>();
    for (const { sentence, score } of scored) {
      if (chosen.length >= this.#options.maxStatements || score < bestScore * 0.6) break;
      const used = perArticle.get(sentence.article.id) ?? 0;
      if (used >= this.#options.perArticle) continue;
      if (chosen.some((other) => jaccard(other.terms, sentence.terms) >= 0.6)) continue;
      chosen.push(sentence);
      perArticle.set(sentence.article.id, used + 1);
    }
    return chosen;
  }
}

/** Terms of each article's title and retrieved passages: context that makes a sentence relevant. */
function passageContextTerms(request: GenerateRequest): Map<string, Set<string>> {
  const byArticle = new Map<string, Set<string>>();
  for (const item of request.evidence) {
    const terms = byArticle.get(item.article.id) ?? termSet(item.article.title);
    for (const term of termSet(item.passage.text)) terms.add(term);
    byArticle.set(item.article.id, terms);
  }
  return byArticle;
}

function statusFrom(found: CounterEvidence[]): Statement['status'] {
  if (found.some((item) => item.kind !== 'unverified')) return 'disputed';
  return found.length > 0 ? 'unverified' : 'supported';
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

