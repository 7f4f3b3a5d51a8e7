/**
 * Calibrating the abstention gate on out-of-fold scores: a grid of gates, each question's outcome under each,
 * and the pick that declines the most unanswerable questions within a budget of abstentions on answerable ones.
 *
 * The pick is made from thousands of gates on the same questions it is scored on, so its own figures flatter it.
 * `nestedRates` picks on seven weeks and applies the pick to the eighth, week by week: the figures of news the
 * gate was not chosen on.
 */
import type { AbstentionGate } from '../../src/answer/sentence-ranker.js';

/** Where a development question comes from; all but `answerable` should abstain. */
export type QuestionKind = 'answerable' | 'heldOutWeek' | 'offCorpus' | 'weekLeftOut';
export const UNANSWERABLE_KINDS: readonly QuestionKind[] = ['heldOutWeek', 'offCorpus', 'weekLeftOut'];
const KINDS: readonly QuestionKind[] = ['answerable', ...UNANSWERABLE_KINDS];

/** What the gate reads of one question, its candidates in out-of-fold order. */
export interface GateQuestion {
  kind: QuestionKind;
  week: string;
  /** The question expects a date, quantity, person or name: the answerability model judges it. */
  judged: boolean;
  /** The best candidate, or undefined when there is none. */
  best?: {
    coverage: number;
    contextCoverage: number;
    hasTypedSpan: boolean;
    holdsAnswer: boolean;
    /** The sentences a reply would quote hold the answer (the best one may not): holdsAnswer when absent. */
    quotesHoldAnswer?: boolean;
  };
  /** Days between the question and its evidence, for a question about the news of the moment. */
  evidenceAgeDays?: number;
  answerability: number;
}

/** Abstention on answerable questions, on unanswerable ones (all and by kind), and answers holding the gold. */
export interface GateRates {
  answerable: number;
  unanswerable: number;
  byKind: Record<QuestionKind, number>;
  /** Answerable questions answered with a best sentence that holds the answer. */
  right: number;
  /** Answerable questions answered with quotes that hold the answer: what a user reads. */
  replyRight: number;
}

/** Days between a question about recent news and its nearest evidence beyond which it is declined (null: never). */
const EVIDENCE_AGE_GRID: (number | null)[] = [null, 7, 14, 30, 60, 120, 365];

/** Every gate the calibration chooses from; `ageGrid` [null] for questions asked without a time. */
export function gateGrid(ageGrid: (number | null)[] = EVIDENCE_AGE_GRID): AbstentionGate[] {
  const gates: AbstentionGate[] = [];
  // A typed answer whose article covers every topic term is always answered: the gate never declines it (issue 15).
  for (const typedAnswerCoverage of [0.7, 0.8, 0.9, 1]) {
    for (const minContextCoverage of [0, 0.3, 0.4, 0.5, 0.55, 0.6]) {
      for (const minAnswerability of Array.from({ length: 37 }, (_, step) => Number((step * 0.025).toFixed(3)))) {
        for (const answeredCoverage of [0.8, 0.9, 1.01]) {
          for (const maxEvidenceAgeDays of ageGrid) gates.push({ minAnswerability, minContextCoverage, typedAnswerCoverage, answeredCoverage, maxEvidenceAgeDays });
        }
      }
    }
  }
  return gates;
}

/** How many outcomes {@link outcomeOf} tells apart. */
const OUTCOMES = 4;

/**
 * 0: answered without the answer (or answered at all, when unanswerable); 1: abstained; 2: answered, the best
 * sentence holding the answer; 3: answered, only a later quote holding it.
 */
function outcomeOf(question: GateQuestion, gate: AbstentionGate): number {
  const { best } = question;
  if (!best) return 1;
  const stale = gate.maxEvidenceAgeDays !== null && (question.evidenceAgeDays ?? 0) > gate.maxEvidenceAgeDays;
  const typed = best.hasTypedSpan && best.contextCoverage >= gate.typedAnswerCoverage;
  const judged = question.judged && best.coverage < gate.answeredCoverage;
  const abstains = stale || (!typed && (best.contextCoverage < gate.minContextCoverage || (judged && question.answerability < gate.minAnswerability)));
  if (abstains) return 1;
  if (question.kind !== 'answerable') return 0;
  if (best.holdsAnswer) return 2;
  return best.quotesHoldAnswer ? 3 : 0;
}

/** Outcome counts per gate, week, kind and outcome, so the rates of any set of weeks are sums. */
export class GateTable {
  readonly gates: readonly AbstentionGate[];
  readonly #weeks: string[];
  readonly #counts: Int32Array[];

  constructor(questions: readonly GateQuestion[], gates: readonly AbstentionGate[]) {
    this.gates = gates;
    this.#weeks = [...new Set(questions.map((question) => question.week))].sort();
    const cell = (week: number, kind: number, outcome: number): number => (week * KINDS.length + kind) * OUTCOMES + outcome;
    this.#counts = gates.map((gate) => {
      const counts = new Int32Array(this.#weeks.length * KINDS.length * OUTCOMES);
      for (const question of questions) {
        const at = cell(this.#weeks.indexOf(question.week), KINDS.indexOf(question.kind), outcomeOf(question, gate));
        counts[at] = (counts[at] ?? 0) + 1;
      }
      return counts;
    });
  }

  /** The rates of one gate over the weeks that `include` keeps (every week by default). */
  rates(gate: number, include: (week: string) => boolean = () => true): GateRates {
    return ratesFrom(this.#tally(gate, include));
  }

  /** The gate that declines the most unanswerable questions within the budget, on the weeks `include` keeps. */
  pick(budget: number, include: (week: string) => boolean = () => true): number {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    this.gates.forEach((_, gate) => {
      const rate = this.rates(gate, include);
      // Within the budget, the most unanswerable questions declined; outside it, heavily penalised.
      const score = rate.unanswerable - Math.max(0, rate.answerable - budget) * 5 + 0.01 * rate.right;
      if (score > bestScore + 1e-9) {
        best = gate;
        bestScore = score;
      }
    });
    return best;
  }

  /** Each week judged by the gate picked on the other weeks: the rates of news the pick has not seen. */
  nestedRates(budget: number): GateRates {
    const total = new Int32Array(KINDS.length * OUTCOMES);
    for (const week of this.#weeks) {
      const picked = this.pick(budget, (other) => other !== week);
      const counts = this.#tally(picked, (other) => other === week);
      counts.forEach((count, at) => {
        total[at] = (total[at] ?? 0) + count;
      });
    }
    return ratesFrom(total);
  }

  /** Counts per kind and outcome of one gate over the kept weeks. */
  #tally(gate: number, include: (week: string) => boolean): Int32Array {
    const counts = this.#counts[gate] as Int32Array;
    const total = new Int32Array(KINDS.length * OUTCOMES);
    this.#weeks.forEach((week, weekIndex) => {
      if (!include(week)) return;
      for (let at = 0; at < total.length; at += 1) total[at] = (total[at] ?? 0) + (counts[weekIndex * total.length + at] ?? 0);
    });
    return total;
  }
}

function ratesFrom(counts: Int32Array): GateRates {
  const ALL = Array.from({ length: OUTCOMES }, (_, outcome) => outcome);
  const count = (kinds: readonly QuestionKind[], outcomes: readonly number[] = ALL): number =>
    kinds.reduce((sum, kind) => sum + outcomes.reduce((inKind, outcome) => inKind + (counts[KINDS.indexOf(kind) * OUTCOMES + outcome] ?? 0), 0), 0);
  const share = (kinds: readonly QuestionKind[], outcomes: readonly number[]): number => count(kinds, outcomes) / Math.max(count(kinds), 1);
  return {
    answerable: share(['answerable'], [1]),
    unanswerable: share(UNANSWERABLE_KINDS, [1]),
    byKind: Object.fromEntries(KINDS.map((kind) => [kind, share([kind], [1])])) as Record<QuestionKind, number>,
    right: share(['answerable'], [2]),
    replyRight: share(['answerable'], [2, 3]),
  };
}
