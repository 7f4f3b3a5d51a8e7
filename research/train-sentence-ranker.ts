/**
 * Trains the extractive answerer's sentence ranker and calibrates its abstention gate on the RealTime QA
 * development data, reusing the store that `npm run eval` built (.cache/eval/data: every week's articles but
 * those of the two held-out weeks). Writes src/answer/ranker/sentence-ranker.json; run twice, the file is
 * identical byte for byte (retrieval, features and the boosted trees are deterministic).
 *
 *   npm run eval                                  # once, to build .cache/eval/data
 *   npx tsx research/train-sentence-ranker.ts      # ~2 min: CV by week, then the shipped model
 *   npx tsx research/train-sentence-ranker.ts --work /tmp/eval   # the store of `npm run eval -- --work /tmp/eval`
 *
 * A candidate sentence is positive when it holds the question's gold answer text. Settings (tree rounds and
 * depth, gate thresholds) are chosen by leave-one-week-out cross-validation: each week's questions are
 * scored by a model trained on the other weeks, so the figures printed are for news the model has not seen.
 * Unanswerable questions: the held-out weeks' questions (their articles are not indexed),
 * rtqa_unanswerable.jsonl (questions whose answer no indexed article holds), and every answerable question
 * asked again with its own week's articles and every article holding its answer left out of retrieval
 * (leave-one-week-out: news the corpus does not have, next to articles about something near it).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusTermWeights } from '../src/answer/corpus-term-weights.js';
import { cleanQuestion } from '../src/answer/clean-question.js';
import { evidenceSentences } from '../src/answer/evidence-sentence.js';
import { answerCandidates } from '../src/answer/answer-candidates.js';
import { readQuestion } from '../src/answer/question-intent.js';
import { ANSWERABILITY_FEATURES, answerabilityFeatures, articleTermsOf } from '../src/answer/answerability.js';
import { type TopicWeights, topicWeights } from '../src/answer/topic-weights.js';
import type { QuestionIntent } from '../src/answer/question-intent.js';
import { LEAD_COVERAGE, leadCoverage, type TermWeights } from '../src/answer/extractive-generator.js';
import { type RankedSentence, rankSentences } from '../src/answer/rank-sentences.js';
import type { GenerateRequest } from '../src/core/generator.js';
import { SENTENCE_FEATURES } from '../src/answer/sentence-features.js';
import { chooseStatements, REPLY_CHOICE, type StatementChoice } from '../src/answer/choose-statements.js';
import { leadSpanOf, spansOfForm } from '../src/answer/lead-answer.js';
import { type AbstentionGate, SENTENCE_RANKER_PATH, SentenceRanker, type SentenceRankerModel } from '../src/answer/sentence-ranker.js';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import { type BoostedTrees, type BoostOptions, predictTrees, type TreeNode, trainBoostedTrees } from '../src/disputes/boosted-trees.js';
import { normalizeForMatch } from '../scripts/lib/metrics.js';
import { type EvalQuestion, loadEvalDataset, questionAskedAt, weekLeftOutQuestions } from '../scripts/lib/eval-dataset.js';
import { asksAboutRecentNews, evidenceAgeDays } from '../src/answer/stale-evidence.js';
import { sharedDataDir } from '../scripts/lib/shared-data.js';
import { type GateQuestion, type GateRates, GateTable, gateGrid, type QuestionKind, UNANSWERABLE_KINDS } from './lib/gate-calibration.js';
import { titleClozeQuestions } from './lib/title-cloze-questions.js';

/** One question's candidates with features and labels. */
interface QuestionRows {
  question: string;
  gold: string;
  intent: QuestionIntent;
  request: GenerateRequest;
  week: string;
  kind: QuestionKind;
  answerable: boolean;
  candidates: RankedSentence[];
  labels: number[];
  articleTerms: Map<string, Set<string>>;
  topic: TopicWeights;
  /** When the question was asked (the end of its week), for the age of its evidence. */
  askedAt: string;
}

/*
 * The sentence ranker learns from the questions it learned from before the leave-one-week-out questions
 * existed: they add only negatives, and the ranker orders the sentences of one question, which they do not
 * teach. They train and calibrate the abstention model.
 */
const trainsRanker = (item: QuestionRows): boolean => item.kind !== 'weekLeftOut';

/** A ranker that scores everything alike: used only to compute features before any model exists. */
const UNTRAINED = new SentenceRanker({
  features: [...SENTENCE_FEATURES],
  trees: { classes: ['other', 'answer'], base: [0, 0], trees: [] },
  answerabilityFeatures: [...ANSWERABILITY_FEATURES],
  answerability: { classes: ['unanswerable', 'answerable'], base: [0, 0], trees: [] },
  gate: { minAnswerability: 0, minContextCoverage: 0, typedAnswerCoverage: 1, answeredCoverage: 1.01, maxEvidenceAgeDays: null },
  gateWithoutTime: { minAnswerability: 0, minContextCoverage: 0, typedAnswerCoverage: 1, answeredCoverage: 1.01, maxEvidenceAgeDays: null },
});
const ANSWERABILITY_GRID: BoostOptions[] = [30, 60, 120].flatMap((rounds) => [1, 2, 3].map((depth) => ({ rounds, depth, learningRate: 0.1, minChildWeight: 3, lambda: 1 })));

async function main(): Promise<void> {
  const dataDir = sharedDataDir();
  if (!dataDir) {
    console.log('train-sentence-ranker: skipped — ../shared/data is not present.');
    return;
  }
  const { values } = parseArgs({ options: { work: { type: 'string' }, synthetic: { type: 'string' } } });
  const work = values.work !== undefined ? resolve(values.work) : resolve(import.meta.dirname, '../.cache/eval');
  const dataset = loadEvalDataset(dataDir);
  const storydesk = await openStorydesk({ dataDir: join(work, 'data'), env: loadConfig({}), logger: createLogger('warn') });
  const weights = corpusTermWeights(storydesk.store);
  const data: QuestionRows[] = [];
  const synthetic: QuestionRows[] = [];
  let reachable = 0;
  let anyCandidate = 0;
  const asked: [EvalQuestion, QuestionKind, string[]][] = [
    ...dataset.answerable.map((item) => [item, 'answerable', []] as [EvalQuestion, QuestionKind, string[]]),
    ...dataset.heldOut.map((item) => [item, 'heldOutWeek', []] as [EvalQuestion, QuestionKind, string[]]),
    ...dataset.offCorpus.map((item) => [item, 'offCorpus', []] as [EvalQuestion, QuestionKind, string[]]),
    ...weekLeftOutQuestions(dataset).map((item) => [item, 'weekLeftOut', item.excludeArticleIds] as [EvalQuestion, QuestionKind, string[]]),
  ];
  for (const [question, kind, excludeArticleIds] of asked) {
    const answerable = kind === 'answerable';
    const askedAt = questionAskedAt(question);
    const request = await storydesk.gatherEvidence(question.question, { askedAt, ...(excludeArticleIds.length > 0 ? { filters: { excludeArticleIds } } : {}) });
    const { text, intent, pool, candidates, topic, ranked } = await candidatesOf(request, weights);
    const gold = normalizeForMatch(question.answer_text);
    const labels = ranked.map((item) => (answerable && normalizeForMatch(item.sentence.text).includes(gold) ? 1 : 0));
    if (answerable && candidates.some((sentence) => normalizeForMatch(sentence.text).includes(gold))) anyCandidate += 1;
    if (labels.includes(1)) reachable += 1;
    data.push({ question: text, gold, intent, request, week: question.week, kind, answerable, candidates: ranked, labels, articleTerms: articleTermsOf(pool), topic, askedAt: askedAt.toISOString() });
  }
  // Headline cloze questions from articles no development question is about: they train the sentence ranker
  // only (every fold), never the abstention model, and are never scored.
  const aboutQuestions = new Set(dataset.questions.flatMap((question) => [...question.relevant, ...(question.relevant_strict ?? [])]));
  const cloze = titleClozeQuestions(dataset.kept.filter((article) => !aboutQuestions.has(article.id)), Number(values.synthetic ?? 0));
  for (const item of cloze) {
    const request = await storydesk.gatherEvidence(item.question);
    const { text, intent, pool, topic, ranked } = await candidatesOf(request, weights);
    const gold = normalizeForMatch(item.answer);
    const labels = ranked.map((candidate) => (normalizeForMatch(candidate.sentence.text).includes(gold) ? 1 : 0));
    synthetic.push({ question: text, gold, intent, request, week: 'synthetic', kind: 'answerable', answerable: true, candidates: ranked, labels, articleTerms: articleTermsOf(pool), topic, askedAt: '' });
  }
  console.log(`${synthetic.length} headline cloze questions train the ranker; the answer is among the ranked candidates for ${synthetic.filter((item) => item.labels.includes(1)).length}.`);
  await storydesk.close();
  const count = (kind: QuestionKind): number => data.filter((item) => item.kind === kind).length;
  console.log(
    `${data.length} questions (${count('answerable')} answerable; unanswerable: ${count('heldOutWeek')} of held-out weeks, ${count('offCorpus')} of rtqa_unanswerable, ${count('weekLeftOut')} leave-one-week-out); gold in some candidate for ${anyCandidate}, in the ${data[0]?.candidates.length ?? 0}-sentence ranked pool for ${reachable}.`,
  );

  const weeks = [...new Set(data.map((item) => item.week))].sort();
  const grid: BoostOptions[] = [];
  for (const rounds of [40, 80, 160]) for (const depth of [2, 3]) grid.push({ rounds, depth, learningRate: 0.1, minChildWeight: 2, lambda: 1 });
  let bestSetting: BoostOptions = grid[0] as BoostOptions;
  let bestOof: number[][] = [];
  let bestMrr = -1;
  // Chosen by the mean reciprocal rank of the first sentence holding the answer: smoother than the top-1 rate
  // on 108 questions, where one question is 0.9 points.
  for (const setting of grid) {
    const oof = crossValidate(data, synthetic, weeks, setting);
    const top1 = topOneRate(data, oof);
    const mrr = meanReciprocalRank(data, oof);
    console.log(`CV rounds=${setting.rounds} depth=${setting.depth}: best sentence holds the answer for ${(100 * top1).toFixed(1)}% of answerable questions; MRR ${mrr.toFixed(3)}`);
    if (mrr > bestMrr + 1e-9) {
      bestMrr = mrr;
      bestSetting = setting;
      bestOof = oof;
    }
  }
  const lexical = data.map((item) => item.candidates.map((_, index) => -index));
  console.log(`Lexical first-stage order (no ranker): ${(100 * topOneRate(data, lexical)).toFixed(1)}%; MRR ${meanReciprocalRank(data, lexical).toFixed(3)}`);

  // The abstention model sees sentence probabilities as they are for unseen news: the out-of-fold ones.
  const questionRows = data.map((item, index) => answerabilityRow(item, bestOof[index] ?? []));
  const questionLabels = data.map((item) => (item.answerable ? 1 : 0));
  // The abstention model's settings, chosen by how well its out-of-fold probability separates answerable from
  // unanswerable questions (AUC): smoother than a rate at one threshold.
  let answerabilitySetting = ANSWERABILITY_GRID[0] as BoostOptions;
  let answerabilityOof: number[] = [];
  let bestSeparation = -1;
  for (const setting of ANSWERABILITY_GRID) {
    const oof = data.map(() => 0);
    for (const week of weeks) {
      const train = data.flatMap((item, index) => (item.week === week ? [] : [index]));
      const model = trainBoostedTrees(train.map((index) => questionRows[index] ?? []), train.map((index) => questionLabels[index] ?? 0), ['unanswerable', 'answerable'], setting);
      data.forEach((item, index) => {
        if (item.week === week) oof[index] = predictTrees(model, questionRows[index] ?? [])[1] ?? 0;
      });
    }
    const auc = separation(data, oof, UNANSWERABLE_KINDS);
    console.log(`CV answerability rounds=${setting.rounds} depth=${setting.depth}: AUC ${auc.toFixed(3)}`);
    if (auc > bestSeparation + 1e-9) {
      bestSeparation = auc;
      answerabilitySetting = setting;
      answerabilityOof = oof;
    }
  }
  reportSeparation(data, questionRows, answerabilityOof);
  const gate = calibrateGate(data, bestOof, answerabilityOof);
  // The CLI and the terminal chat ask without a time, so the age rule cannot fire there: their gate is calibrated
  // without it, and the timed gate with its age rule off is reported for comparison.
  console.log('Without a time of asking (CLI, terminal chat):');
  const gateWithoutTime = calibrateGate(data, bestOof, answerabilityOof, [null]);
  console.log('The timed gate with its age rule off:');
  calibrateGate(data, bestOof, answerabilityOof, [null], { ...gate, maxEvidenceAgeDays: null });
  reportSpans(data, bestOof);
  reportReplyChoice(data, bestOof);
  const trees = roundTrees(trainBoostedTrees(...rowsOf([...data.filter(trainsRanker), ...synthetic]), ['other', 'answer'], bestSetting));
  const answerability = roundTrees(trainBoostedTrees(questionRows, questionLabels, ['unanswerable', 'answerable'], answerabilitySetting));
  const model: SentenceRankerModel = { features: [...SENTENCE_FEATURES], trees, answerabilityFeatures: [...ANSWERABILITY_FEATURES], answerability, gate, gateWithoutTime };
  writeFileSync(SENTENCE_RANKER_PATH, `${JSON.stringify(model)}\n`);
  console.log(`Chose rounds=${bestSetting.rounds} depth=${bestSetting.depth}; answerability rounds=${answerabilitySetting.rounds} depth=${answerabilitySetting.depth}; gate ${JSON.stringify(gate)}; without a time of asking ${JSON.stringify(gateWithoutTime)}; wrote ${SENTENCE_RANKER_PATH}`);
}

/** A question's evidence read as the answerer reads it: its candidate sentences with their features. */
async function candidatesOf(request: GenerateRequest, weights: TermWeights) {
  const text = cleanQuestion(request.question);
  const intent = readQuestion(text);
  const pool = evidenceSentences(request.evidence, request.context);
  const candidates = answerCandidates(pool);
  const topic = topicWeights(intent.topicTerms, await weights(text));
  const ranked = rankSentences({ request, intent, candidates, pool, topic, ranker: UNTRAINED });
  return { text, intent, pool, candidates, topic, ranked };
}

function rowsOf(items: QuestionRows[]): [number[][], number[]] {
  return [items.flatMap((item) => item.candidates.map((candidate) => candidate.features)), items.flatMap((item) => item.labels)];
}

/** Out-of-fold probabilities: each week scored by a model trained on the other weeks. */
function crossValidate(data: QuestionRows[], synthetic: QuestionRows[], weeks: string[], setting: BoostOptions): number[][] {
  const oof = data.map((item) => item.candidates.map(() => 0));
  for (const week of weeks) {
    const train = [...data.filter((item) => item.week !== week && trainsRanker(item)), ...synthetic];
    const model = trainBoostedTrees(...rowsOf(train), ['other', 'answer'], setting);
    data.forEach((item, index) => {
      if (item.week !== week) return;
      oof[index] = item.candidates.map((candidate) => predictTrees(model, candidate.features)[1] ?? 0);
    });
  }
  return oof;
}

function bestIndex(scores: number[]): number {
  let best = 0;
  scores.forEach((score, index) => {
    if (score > (scores[best] ?? -Infinity)) best = index;
  });
  return best;
}

/** Mean over answerable questions of 1 / rank of the first candidate holding the gold answer (0 when none does). */
function meanReciprocalRank(data: QuestionRows[], scores: number[][]): number {
  let total = 0;
  let sum = 0;
  data.forEach((item, index) => {
    if (!item.answerable) return;
    total += 1;
    const order = item.candidates.map((_, candidate) => candidate).sort((a, b) => (scores[index]?.[b] ?? 0) - (scores[index]?.[a] ?? 0) || a - b);
    const rank = order.findIndex((candidate) => item.labels[candidate] === 1);
    if (rank >= 0) sum += 1 / (rank + 1);
  });
  return sum / Math.max(total, 1);
}

/** Share of answerable questions whose highest-scored candidate holds the gold answer. */
function topOneRate(data: QuestionRows[], scores: number[][]): number {
  let hits = 0;
  let total = 0;
  data.forEach((item, index) => {
    if (!item.answerable) return;
    total += 1;
    if (item.labels[bestIndex(scores[index] ?? [])] === 1) hits += 1;
  });
  return hits / Math.max(total, 1);
}

/** The candidates with the given sentence probabilities, best first, ties broken as rank-sentences.ts breaks them. */
function rankedBy(item: QuestionRows, probabilities: number[]): RankedSentence[] {
  return item.candidates
    .map((candidate, index) => ({ ...candidate, probability: probabilities[index] ?? 0 }))
    .sort((a, b) => b.probability - a.probability || a.sentence.passageRank - b.sentence.passageRank || a.sentence.order - b.sentence.order);
}

/** The question-level features with the candidates ordered and scored by the given sentence probabilities. */
function answerabilityRow(item: QuestionRows, probabilities: number[]): number[] {
  return answerabilityFeatures({ question: item.question, intent: item.intent, ranked: rankedBy(item, probabilities), articleTerms: item.articleTerms, topic: item.topic });
}

/** The share of answerable questions the gate may abstain on. */
const ABSTENTION_BUDGET = 0.1;

/**
 * The gate that abstains on the most unanswerable questions while abstaining on at most 10% of answerable ones
 * (the product's promise: answer what the articles answer), judged on out-of-fold probabilities, over the grid
 * with the evidence ages of `ageGrid` ([null] for questions asked without a time); given `fixed`, only that
 * gate's figures. Also reported: the figures of gates picked the same way without the week they are applied to.
 */
function calibrateGate(data: QuestionRows[], oof: number[][], answerability: number[], ageGrid?: (number | null)[], fixed?: AbstentionGate): AbstentionGate {
  const questions: GateQuestion[] = data.map((item, index) => {
    const scores = oof[index] ?? [];
    const top = bestIndex(scores);
    const candidate = item.candidates[top];
    // How far the evidence of a question about recent news stands from it, the candidates in out-of-fold order.
    const ranked = rankedBy(item, scores);
    const age = asksAboutRecentNews(item.question) ? evidenceAgeDays(ranked, item.askedAt) : undefined;
    return {
      kind: item.kind,
      week: item.week,
      judged: item.intent.expected !== null,
      ...(candidate
        ? {
            best: {
              coverage: candidate.coverage,
              contextCoverage: candidate.contextCoverage,
              hasTypedSpan: spansOfForm(candidate.answerSpans, candidate.sentence.text, item.intent.answerForm).length > 0,
              holdsAnswer: item.answerable && item.labels[top] === 1,
              quotesHoldAnswer: item.answerable && quotedTexts(ranked).some((text) => normalizeForMatch(text).includes(item.gold)),
            },
          }
        : {}),
      ...(age === undefined ? {} : { evidenceAgeDays: age }),
      answerability: answerability[index] ?? 0,
    };
  });
  const describe = (rate: GateRates): string =>
    `abstains on ${(100 * rate.answerable).toFixed(1)}% of answerable and ${(100 * rate.unanswerable).toFixed(1)}% of unanswerable (held-out weeks ${(100 * rate.byKind.heldOutWeek).toFixed(1)}%, rtqa_unanswerable ${(100 * rate.byKind.offCorpus).toFixed(1)}%, leave-one-week-out ${(100 * rate.byKind.weekLeftOut).toFixed(1)}%); best sentence right on ${(100 * rate.right).toFixed(1)}% of answerable, the reply's quotes on ${(100 * rate.replyRight).toFixed(1)}%`;
  if (fixed) {
    console.log(`CV gate: ${describe(new GateTable(questions, [fixed]).rates(0))}`);
    return fixed;
  }
  const table = new GateTable(questions, gateGrid(ageGrid));
  // The trade-off the budget picks from: the most unanswerable questions declined within each answerable budget.
  const allRates = table.gates.map((_, gate) => table.rates(gate));
  for (const budget of [0.05, 0.1, 0.15, 0.2, 0.3]) {
    let most: GateRates | undefined;
    for (const rate of allRates) if (rate.answerable <= budget + 1e-9 && (!most || rate.unanswerable > most.unanswerable + 1e-9)) most = rate;
    if (most) console.log(`CV trade-off: within ${100 * budget}% the best gate ${describe(most)}`);
  }
  const picked = table.pick(ABSTENTION_BUDGET);
  console.log(`CV gate: ${describe(table.rates(picked))}`);
  console.log(`CV gate picked without the week it is applied to (unseen news): ${describe(table.nestedRates(ABSTENTION_BUDGET))}`);
  return table.gates[picked] as AbstentionGate;
}

/** Probability that a random answerable question scores above a random one of the kind (ties count half). */
function separation(data: QuestionRows[], scores: number[], kinds: readonly QuestionKind[]): number {
  const positives = data.flatMap((item, index) => (item.answerable ? [scores[index] ?? 0] : []));
  const negatives = data.flatMap((item, index) => (kinds.includes(item.kind) ? [scores[index] ?? 0] : []));
  let wins = 0;
  for (const positive of positives) for (const negative of negatives) wins += positive > negative ? 1 : positive === negative ? 0.5 : 0;
  return wins / Math.max(positives.length * negatives.length, 1);
}

/** How well each answerability feature, and the out-of-fold model, tells answerable questions from each unanswerable kind (AUC). */
function reportSeparation(data: QuestionRows[], rows: number[][], oof: number[]): void {
  const line = (name: string, scores: number[]): string =>
    `  ${name.padEnd(28)} ${[UNANSWERABLE_KINDS, ...UNANSWERABLE_KINDS.map((kind) => [kind])].map((kinds) => separation(data, scores, kinds).toFixed(3)).join('  ')}`;
  console.log(`Separation (AUC) of answerable questions from: all unanswerable, ${UNANSWERABLE_KINDS.join(', ')}`);
  ANSWERABILITY_FEATURES.forEach((name, column) => console.log(line(name, rows.map((row) => row[column] ?? 0))));
  console.log(line('model (out of fold)', oof));
  // Answerable questions whose answer no ranked candidate holds look unanswerable to any gate: the ceiling.
  const reachable = data.map((item) => !item.answerable || item.labels.includes(1));
  const kept = data.filter((_, index) => reachable[index]);
  const keptOof = oof.filter((_, index) => reachable[index]);
  console.log(`  model, answerable questions whose answer some ranked candidate holds (${kept.filter((item) => item.answerable).length}): ${separation(kept, keptOof, UNANSWERABLE_KINDS).toFixed(3)}`);
  // A question whose week's articles were not retrieved anyway looks the same with them left out: no gate can tell the two apart.
  const passagesOf = (item: QuestionRows): string => item.request.evidence.map((evidence) => evidence.passage.id).join(',');
  const answerableEvidence = new Map(data.filter((item) => item.answerable).map((item) => [`${item.week} ${item.question}`, passagesOf(item)]));
  const same = data.filter((item) => item.kind === 'weekLeftOut' && answerableEvidence.get(`${item.week} ${item.question}`) === passagesOf(item)).length;
  console.log(`  ${same} leave-one-week-out questions retrieve exactly the passages of their answerable twin (none of their week's articles was retrieved).`);
}

/** Span choice and lead precision of the out-of-fold best sentences. */
function reportSpans(data: QuestionRows[], oof: number[][]): void {
  let firstRight = 0;
  let someRight = 0;
  let heldGold = 0;
  const missed: string[] = [];
  data.forEach((item, index) => {
    const top = bestIndex(oof[index] ?? []);
    const candidate = item.candidates[top];
    if (!item.answerable || item.labels[top] !== 1 || !candidate) return;
    heldGold += 1;
    const matches = (text: string): boolean => normalizeForMatch(text).length > 0 && (normalizeForMatch(text).includes(item.gold) || item.gold.includes(normalizeForMatch(text)));
    const lead = leadSpanOf(candidate.answerSpans, candidate.sentence, item.intent);
    if (lead && matches(lead.text)) firstRight += 1;
    if (candidate.answerSpans.some((span) => matches(span.text))) someRight += 1;
    else if (missed.length < 12) missed.push(`  ${item.intent.expected} | ${item.gold} | ${candidate.answerSpans.map((span) => span.text).join(' / ')} | ${candidate.sentence.text.slice(0, 140)}`);
  });
  console.log(`Span choice: of ${heldGold} answerable questions whose best sentence holds the answer, the lead span is right for ${firstRight}, some span for ${someRight}. Missed:\n${missed.join('\n')}`);
  // The lead is shown when the best sentence holds a typed span and itself covers the question's topic
  // (LEAD_COVERAGE in the generator); its precision is reported here, next to thresholds on the probability.
  const leadRate = (show: (candidate: RankedSentence, probability: number) => boolean): string => {
    let shown = 0;
    let right = 0;
    let unanswerable = 0;
    data.forEach((item, index) => {
      const scores = oof[index] ?? [];
      const top = bestIndex(scores);
      const candidate = item.candidates[top];
      const span = candidate && leadSpanOf(candidate.answerSpans, candidate.sentence, item.intent);
      if (!candidate || !span || !show(candidate, scores[top] ?? 0)) return;
      if (!item.answerable) {
        unanswerable += 1;
        return;
      }
      shown += 1;
      const text = normalizeForMatch(span.text);
      if (text.length > 0 && (text.includes(item.gold) || item.gold.includes(text))) right += 1;
    });
    return `shown on ${shown} answerable questions, right on ${right} (${((100 * right) / Math.max(shown, 1)).toFixed(1)}%); on ${unanswerable} unanswerable ones (before the gate)`;
  };
  console.log(`CV lead when the best sentence with the one before covers >= ${LEAD_COVERAGE} of the topic: ${leadRate((candidate) => leadCoverage(candidate) >= LEAD_COVERAGE)}`);
  for (const coverage of [0.5, 0.6, 0.7, 0.8]) {
    for (const threshold of [0, 0.1, 0.2, 0.3, 0.4]) {
      console.log(`CV lead at coverage >= ${coverage} and probability >= ${threshold}: ${leadRate((candidate, probability) => leadCoverage(candidate) >= coverage && probability >= threshold)}`);
    }
  }
}

/** How often the quoted sentences hold the answer, out of fold, and how long they are, for choices around the generator's. */
function reportReplyChoice(data: QuestionRows[], oof: number[][]): void {
  const answerable = data.flatMap((item, index) => (item.answerable ? [{ item, ranked: rankedBy(item, oof[index] ?? []) }] : []));
  for (const maxStatements of [3, 4]) {
    for (const replyBudget of [480, 560]) {
      for (const minShareOfBest of [0.5, 0.35, 0.25, 0.15, 0]) {
        let holds = 0;
        let characters = 0;
        for (const { item, ranked } of answerable) {
          const quoted = quotedTexts(ranked, { maxStatements, perArticle: REPLY_CHOICE.perArticle, replyBudget, minShareOfBest });
          if (quoted.some((text) => normalizeForMatch(text).includes(item.gold))) holds += 1;
          characters += quoted.reduce((sum, text) => sum + text.length, 0);
        }
        console.log(
          `CV reply choice maxStatements=${maxStatements} budget=${replyBudget} minShareOfBest=${minShareOfBest}: quotes hold the answer for ${((100 * holds) / Math.max(answerable.length, 1)).toFixed(1)}% of answerable questions; ${(characters / Math.max(answerable.length, 1)).toFixed(0)} characters quoted on average`,
        );
      }
    }
  }
}

/** The sentences a reply quotes, each with the sentence it needs before it. */
function quotedTexts(ranked: RankedSentence[], choice: StatementChoice = REPLY_CHOICE): string[] {
  return chooseStatements(ranked, choice).flatMap((candidate) => [candidate.sentence.text, ...(candidate.antecedent ? [candidate.antecedent.text] : [])]);
}

/** Leaves and thresholds to 6 significant digits: a smaller file, the same decisions. */
function roundTrees(model: BoostedTrees): BoostedTrees {
  const round = (value: number): number => Number(value.toPrecision(6));
  const node = (tree: TreeNode): TreeNode =>
    'leaf' in tree ? { leaf: round(tree.leaf) } : { feature: tree.feature, threshold: tree.threshold, left: node(tree.left), right: node(tree.right) };
  return { classes: model.classes, base: model.base.map(round), trees: model.trees.map((roundTrees) => roundTrees.map(node)) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
