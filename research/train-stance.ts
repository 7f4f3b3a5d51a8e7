/**
 * Trains the offline stance engine from the development data in ../shared/data and writes the learned
 * weights (and their provenance) to src/disputes/stance/. Usage: `npx tsx research/train-stance.ts [--quick]`.
 * Tuning uses cross-validation by article cluster / Emergent claim on 80% of the groups; the other 20% are
 * held out and scored once. The shipped model is the one trained on the tuning groups, so the held-out
 * groups stay unseen and `npm run eval:stance` can report honest held-out figures.
 * `--fixed` cross-validates the shipped settings only (about a tenth of the time), scores no held-out pair and
 * writes nothing: for trying a feature change before a full run. `--dump-cv FILE` writes the chosen settings' cross-validated
 * predictions of the tuning pairs (JSON lines) for error analysis.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScriptArguments } from '../scripts/lib/script-arguments.js';
import type { Stance } from '../src/core/stance.js';
import { type BoostOptions, readingColumns, trainBoostedTrees } from '../src/disputes/boosted-trees.js';
import { fitScaling, type TrainOptions, toInput, trainSoftmax } from '../src/disputes/softmax-model.js';
import {
  combineStages,
  decide,
  type SingleModel,
  STANCE_WEIGHTS_PATH,
  type StageModel,
  type StanceStages,
  toWeightsFile,
} from '../src/disputes/stance-classifier.js';
import { foldOf, isHeldOut, type LabelledPair, loadEmergentPairs, loadFncPairs } from '../scripts/lib/stance-dataset.js';
import { DENSE_FEATURE_NAMES, type PairFeatures, pairFeatures, STAGE_ONE_FEATURES, STAGE_TWO_FEATURES } from '../src/disputes/stance-features.js';
import { TermWeights } from '../src/disputes/stance-idf.js';
import { fncScoreOnMix, formatScores, STANCES, type StanceScores, scoreStances } from '../scripts/lib/stance-metrics.js';
import { type SplitOverlap, splitOverlap } from './stance-split-check.js';
import { PreparedTextCache } from '../src/disputes/stance-prepared-text.js';
import { analyzeText } from '../src/disputes/stance-text.js';

// Read first and strictly: a mistyped option stops here instead of starting a six-minute run.
const { values: options } = parseScriptArguments({
  options: {
    /** A smaller grid and fewer rounds, for checking the script runs. */
    quick: { type: 'boolean', default: false },
    /** Cross-validate the shipped settings only; score no held-out pair; write nothing. */
    fixed: { type: 'boolean', default: false },
    /** Write the chosen settings' cross-validated predictions of the tuning pairs to this file (JSON lines). */
    'dump-cv': { type: 'string' },
  },
});

const HASH_SIZE = 8192;
const FOLDS = 5;
const dataDir = resolve(process.env.STORYDESK_SHARED_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'data'));
if (!existsSync(join(dataDir, 'fnc1_stance_input.jsonl'))) {
  console.log(`Skipping: no stance data at ${dataDir} (expected ../shared/data/fnc1_stance_input.jsonl).`);
  process.exit(0);
}
const quick = options.quick;
const fixed = options.fixed;
/** The settings the last full run chose (PROVENANCE.md); `--fixed` tries a change at these only. */
const SHIPPED: { disagreeWeight: number; body: Learner; headline: Learner; threshold: number } = {
  disagreeWeight: 1,
  body: 'both',
  headline: 'both',
  threshold: 0.3,
};

interface Example {
  pair: LabelledPair;
  features: PairFeatures;
  label: number;
}

const started = Date.now();
const pairs = [...loadFncPairs(dataDir), ...loadEmergentPairs(dataDir)];
// Document frequencies from the distinct claims and texts of the tuning groups only (no labels involved);
// round-tripped through the shipped form so training sees exactly what the classifier will.
const tuningTexts = new Set(pairs.filter((pair) => !isHeldOut(pair.group)).flatMap((pair) => [pair.claim, pair.text]));
const termWeights = TermWeights.fromJson(TermWeights.fromTexts([...tuningTexts].map(analyzeText)).toJson());
const texts = new PreparedTextCache(termWeights, 100_000);
const claims = new PreparedTextCache(termWeights, 100_000);
const examples: Example[] = pairs.map((pair) => ({
  pair,
  features: pairFeatures(claims.get(pair.claim), texts.get(pair.text), HASH_SIZE, termWeights),
  label: STANCES.indexOf(pair.label),
}));
console.log(`features for ${examples.length} pairs in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const RELATEDNESS_FEATURES = STAGE_ONE_FEATURES;
const relatednessColumns = RELATEDNESS_FEATURES.map((name) => DENSE_FEATURE_NAMES.indexOf(name));
const stageTwoColumns = STAGE_TWO_FEATURES.map((name) => DENSE_FEATURE_NAMES.indexOf(name));
const STAGE_TWO: Stance[] = ['agree', 'disagree', 'discuss'];

type Pipeline = StanceStages;
/** Texts up to this many words are headlines (Emergent, a few FNC-1 stubs); longer ones are bodies. */
const HEADLINE_WORDS = 40;

interface PipelineOptions {
  stance: TrainOptions;
  /** Whether stage 2 reads the hashed cue-word indicators (or dense features only). */
  hashed: boolean;
  /** Which learner stage 2 uses for bodies: logistic regression, boosted trees, or the mean of both. */
  body: Learner;
  /** The same for the headline model. */
  headline: Learner;
}

type Learner = 'logreg' | 'trees' | 'both';

/**
 * Agree : discuss among FNC-1's 49,972 published training pairs (3,678 agree, 8,909 discuss; Pomerleau & Rao 2017,
 * train_stances.csv). The article clusters we train on hold far more agree per discuss pair (0.69 against 0.41), so
 * the body model's agree probability is corrected to the published ratio. A statistic of the public data set, not
 * of our held-out part; over the three fold assignments it moved CV from 86.18 to 86.28% (disagree F1 0.180 → 0.183).
 */
const PUBLISHED_AGREE_PER_DISCUSS = 3678 / 8909;

function agreePriorCorrection(bodies: Example[]): number {
  const agree = bodies.filter((example) => example.pair.label === 'agree').length;
  const discuss = bodies.filter((example) => example.pair.label === 'discuss').length;
  return agree > 0 && discuss > 0 ? PUBLISHED_AGREE_PER_DISCUSS / (agree / discuss) : 1;
}
const TREES: BoostOptions = { rounds: 120, depth: 3, learningRate: 0.1, minChildWeight: 5 };
/**
 * Stage 1 is boosted trees: over three fold assignments they beat the logistic regression on FNC-1 score
 * (+0.1 to +0.5) and unrelated F1 (0.987–0.988 → 0.988–0.990) at equal stage-2 settings, for 0.1–1.0 points of
 * Emergent accuracy; the mean of both sat in between.
 */
const RELATEDNESS_TREES: BoostOptions = { rounds: 100, depth: 3, learningRate: 0.1, minChildWeight: 5 };

function trainRelatedness(set: Example[]): StageModel {
  // Stage 1 learns from FNC-1 only: Emergent has no unrelated pairs, and its short headlines would teach
  // "short text means related".
  const relatedTraining = set.filter((example) => example.pair.dataset === 'fnc1');
  const model = trainBoostedTrees(
    relatedTraining.map((example) => relatednessColumns.map((column) => example.features.dense[column] ?? 0)),
    relatedTraining.map((example) => (example.pair.label === 'unrelated' ? 1 : 0)),
    ['related', 'unrelated'],
    RELATEDNESS_TREES,
  );
  return readingColumns(model, relatednessColumns);
}

function train(set: Example[], options: PipelineOptions, relatedness = trainRelatedness(set)): Pipeline {
  const relatedSet = set.filter((example) => example.pair.label !== 'unrelated');
  const trees = (subset: Example[]): SingleModel => {
    const weights = options.stance.classWeights;
    const model = trainBoostedTrees(
      subset.map((example) => stageTwoColumns.map((column) => example.features.dense[column] ?? 0)),
      subset.map((example) => STAGE_TWO.indexOf(example.pair.label)),
      [...STAGE_TWO],
      weights ? { ...TREES, classWeights: weights } : TREES,
    );
    return readingColumns(model, stageTwoColumns);
  };
  const stageTwo = (subset: Example[], learner: Learner): StageModel => {
    if (learner === 'trees') return trees(subset);
    if (learner === 'both') return { members: [logreg(subset), trees(subset)] };
    return logreg(subset);
  };
  const logreg = (subset: Example[]): SingleModel => {
    const scaling = fitScaling(
      subset.map((example) => example.features),
      options.hashed ? HASH_SIZE : 0,
      stageTwoColumns,
    );
    return trainSoftmax(
      subset.map((example) => toInput(example.features, scaling)),
      subset.map((example) => STAGE_TWO.indexOf(example.pair.label)),
      [...STAGE_TWO],
      scaling,
      options.stance,
    );
  };
  const bodies = relatedSet.filter((example) => example.features.textWords > HEADLINE_WORDS);
  return {
    relatedness,
    stance: stageTwo(bodies, options.body),
    headlineStance: stageTwo(
      relatedSet.filter((example) => example.features.textWords <= HEADLINE_WORDS),
      options.headline,
    ),
    headlineWords: HEADLINE_WORDS,
    hashSize: HASH_SIZE,
    bodyAgreePriorCorrection: agreePriorCorrection(bodies),
  };
}

function probabilities(pipeline: Pipeline, set: Example[]): Record<Stance, number>[] {
  return set.map((example) => combineStages(pipeline, example.features));
}

interface SetScores {
  fnc: StanceScores;
  emergent: StanceScores;
}

function scoreSets(set: Example[], predicted: Stance[]): SetScores {
  const pick = (dataset: string) => {
    const indices = set.map((example, index) => (example.pair.dataset === dataset ? index : -1)).filter((index) => index >= 0);
    return scoreStances(
      indices.map((index) => set[index]?.pair.label ?? 'unrelated'),
      indices.map((index) => predicted[index] ?? 'unrelated'),
    );
  };
  return { fnc: pick('fnc1'), emergent: pick('emergent') };
}

/** The tuning objective: the three goals of the issue, weighted equally. */
function objective(scores: SetScores): number {
  return (scores.fnc.fncScore + scores.fnc.perClass.disagree.f1 + scores.emergent.accuracy) / 3;
}

/** Stage 1 does not depend on the grid's settings: one model per fold assignment and fold. */
const relatednessByFold = new Map<string, StageModel>();

function crossValidate(set: Example[], options: PipelineOptions, seed: number): Record<Stance, number>[] {
  const predicted: Record<Stance, number>[] = new Array(set.length);
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const training = set.filter((example) => foldOf(example.pair.group, FOLDS, seed) !== fold);
    const key = `${seed}:${fold}`;
    const relatedness = relatednessByFold.get(key) ?? trainRelatedness(training);
    relatednessByFold.set(key, relatedness);
    const pipeline = train(training, options, relatedness);
    set.forEach((example, index) => {
      if (foldOf(example.pair.group, FOLDS, seed) === fold) predicted[index] = combineStages(pipeline, example.features);
    });
  }
  return predicted;
}

/**
 * Fold assignments of the repeated cross-validation. With a few dozen article clusters, one assignment's
 * disagree F1 moves by ±0.03 with the luck of the split, enough to pick settings by chance; the mean over
 * three assignments is steadier. The first is the one earlier figures used.
 */
const FOLD_SEEDS = quick ? [0x12345] : [0x12345, 777, 4242];

const tuning = examples.filter((example) => !isHeldOut(example.pair.group));
const heldOut = examples.filter((example) => isHeldOut(example.pair.group));
console.log(`tuning ${tuning.length} pairs, held out ${heldOut.length} pairs (by article cluster / Emergent claim)`);

const grid: PipelineOptions[] = [];
for (const disagreeWeight of quick ? [3] : fixed ? [SHIPPED.disagreeWeight] : [1, 1.5, 2, 3, 4]) {
  // Bodies by logistic regression alone scored 1.5–2 FNC-1 points below trees or the mean in every earlier run.
  for (const body of quick ? (['logreg'] as const) : fixed ? [SHIPPED.body] : (['trees', 'both'] as const)) {
    for (const headline of quick ? (['logreg'] as const) : fixed ? [SHIPPED.headline] : (['logreg', 'both'] as const)) {
      grid.push({
        stance: { epochs: quick ? 10 : 5, learningRate: 0.05, l2: 1e-4, classWeights: [1, disagreeWeight, 1] },
        hashed: false,
        body,
        headline,
      });
    }
  }
}
const thresholds = fixed ? [SHIPPED.threshold] : [0.3, 0.4, 0.5, 0.6];
let best:
  | {
      options: PipelineOptions;
      threshold: number;
      scores: SetScores;
      value: number;
    }
  | undefined;
for (const options of grid) {
  const runs = FOLD_SEEDS.map((seed) => crossValidate(tuning, options, seed));
  for (const threshold of thresholds) {
    const perSeed = runs.map((cv) =>
      scoreSets(
        tuning,
        cv.map((entry) => decide(entry, threshold)),
      ),
    );
    const value = perSeed.reduce((sum, scores) => sum + objective(scores), 0) / perSeed.length;
    const mean = (pick: (scores: SetScores) => number) => perSeed.reduce((sum, scores) => sum + pick(scores), 0) / perSeed.length;
    console.log(
      `cv ${JSON.stringify({ body: options.body, headline: options.headline, classWeights: options.stance.classWeights, threshold })}: FNC ${(mean((scores) => scores.fnc.fncScore) * 100).toFixed(1)}%  disagree F1 ${mean((scores) => scores.fnc.perClass.disagree.f1).toFixed(3)}  Emergent acc ${(mean((scores) => scores.emergent.accuracy) * 100).toFixed(1)}%  objective ${value.toFixed(4)} (mean of ${perSeed.length} fold assignments)`,
    );
    const scores = perSeed[0];
    if (scores && (!best || value > best.value)) best = { options, threshold, scores, value };
  }
}
if (!best) throw new Error('empty grid');
const chosen = best;
console.log(`\nchosen ${JSON.stringify(chosen.options)} threshold ${chosen.threshold}`);
console.log(formatScores('train-CV FNC-1 (5 folds by cluster)', chosen.scores.fnc));
console.log(formatScores('train-CV Emergent (5 folds by claim)', chosen.scores.emergent));

// The chosen settings' cross-validated predictions (first fold assignment): per-cluster scores below, and `--dump-cv`.
const chosenCvProbabilities = crossValidate(tuning, chosen.options, FOLD_SEEDS[0] ?? 0x12345);
const chosenCv = chosenCvProbabilities.map((entry) => decide(entry, chosen.threshold));
const dumpPath = options['dump-cv'];
if (dumpPath) {
  const rows = tuning.map((example, index) =>
    JSON.stringify({ id: example.pair.id, group: example.pair.group, label: example.pair.label, predicted: chosenCv[index], probabilities: chosenCvProbabilities[index] }),
  );
  writeFileSync(dumpPath, `${rows.join('\n')}\n`);
}
if (fixed) {
  // A trial is judged on cross-validation alone: the held-out part is scored only by a full run.
  console.log(`\n--fixed: cross-validation only; held-out not scored, nothing written (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(0);
}

const heldOutPipeline = train(tuning, chosen.options);

// What each test split shares with its training split: a related claim or a body seen in training would let
// the model recall labels and inflate the cross-validation figures against the held-out ones.
const fncOnly = (set: Example[]) => set.filter((example) => example.pair.dataset === 'fnc1').map((example) => example.pair);
const foldOverlap: SplitOverlap = { pairs: 0, relatedClaimSeen: 0, textSeen: 0, claimSeen: 0 };
for (const seed of FOLD_SEEDS) {
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const overlap = splitOverlap(
      fncOnly(tuning.filter((example) => foldOf(example.pair.group, FOLDS, seed) !== fold)),
      fncOnly(tuning.filter((example) => foldOf(example.pair.group, FOLDS, seed) === fold)),
    );
    for (const key of Object.keys(foldOverlap) as (keyof SplitOverlap)[]) foldOverlap[key] += overlap[key];
  }
}
const heldOutOverlap = splitOverlap(fncOnly(tuning), fncOnly(heldOut));
const describeOverlap = (overlap: SplitOverlap) =>
  `${overlap.relatedClaimSeen} related test pairs with a claim related in training, ${overlap.textSeen} with a body seen in training, ${overlap.claimSeen} of ${overlap.pairs} with a claim seen in training (as unrelated: FNC-1 pairs each headline with other clusters' bodies)`;
console.log(`CV folds (all assignments): ${describeOverlap(foldOverlap)}`);
console.log(`held out: ${describeOverlap(heldOutOverlap)}`);
const heldOutScores = scoreSets(
  heldOut,
  probabilities(heldOutPipeline, heldOut).map((entry) => decide(entry, chosen.threshold)),
);
console.log(formatScores('held-out FNC-1', heldOutScores.fnc));
console.log(formatScores('held-out Emergent', heldOutScores.emergent));
const heldOutCounts = Object.fromEntries(STANCES.map((stance) => [stance, heldOutScores.fnc.perClass[stance].support])) as Record<Stance, number>;
const cvOnHeldOutMix = fncScoreOnMix(chosen.scores.fnc, heldOutCounts);
// Per-cluster CV scores (first fold assignment, clusters with ≥ 10 related pairs): how much single clusters differ.
const clusterScores = [...new Set(tuning.filter((example) => example.pair.dataset === 'fnc1').map((example) => example.pair.group))]
  .map((group) => {
    const indices = tuning.map((example, index) => (example.pair.group === group ? index : -1)).filter((index) => index >= 0);
    return scoreStances(
      indices.map((index) => tuning[index]?.pair.label ?? 'unrelated'),
      indices.map((index) => chosenCv[index] ?? 'unrelated'),
    );
  })
  .filter((scores) => scores.count - scores.perClass.unrelated.support >= 10)
  .map((scores) => scores.fncScore);
const relatedShare = (set: Example[]) => {
  const fnc = set.filter((example) => example.pair.dataset === 'fnc1');
  return `${((fnc.filter((example) => example.pair.label !== 'unrelated').length / Math.max(fnc.length, 1)) * 100).toFixed(0)}%`;
};
const largestHeldOutDiscuss = Math.max(
  ...[...new Set(heldOut.map((example) => example.pair.group))].map(
    (group) => heldOut.filter((example) => example.pair.group === group && example.pair.label === 'discuss').length,
  ),
);
console.log(`FNC-1 CV per-class outcomes on the held-out label mix: ${(cvOnHeldOutMix * 100).toFixed(1)}% (CV ${(chosen.scores.fnc.fncScore * 100).toFixed(1)}%, held out ${(heldOutScores.fnc.fncScore * 100).toFixed(1)}%)`);

// The shipped model is the one trained on the tuning groups only, so the held-out figures printed by
// `npm run eval:stance` stay honest: those pairs never influenced the weights or the settings.
const finalPipeline = heldOutPipeline;
const fullScores = scoreSets(
  examples,
  probabilities(finalPipeline, examples).map((entry) => decide(entry, chosen.threshold)),
);
const weightsJson = JSON.stringify(toWeightsFile(finalPipeline, chosen.threshold, termWeights, texts.embedderId));
mkdirSync(join(STANCE_WEIGHTS_PATH, '..'), { recursive: true });
writeFileSync(STANCE_WEIGHTS_PATH, `${weightsJson}\n`);
console.log(`\nwrote ${STANCE_WEIGHTS_PATH} (${(weightsJson.length / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s total`);

function heldOutMix(dataset: string): string {
  const pairs = heldOut.filter((example) => example.pair.dataset === dataset);
  const groups = new Set(pairs.map((example) => example.pair.group)).size;
  const counts = STANCES.map((stance) => `${pairs.filter((example) => example.pair.label === stance).length} ${stance}`).join(', ');
  return `${groups} groups, ${pairs.length} pairs (${counts})`;
}

function describe(learner: Learner): string {
  const trees = `boosted trees (${JSON.stringify(TREES)})`;
  if (learner === 'trees') return trees;
  if (learner === 'both') return `the mean of a logistic regression and ${trees}`;
  return `logistic regression over the dense features and their quantile bins${chosen.options.hashed ? ` plus ${HASH_SIZE} hashed cue-word indicators` : ''}`;
}

const line = (title: string, scores: StanceScores) =>
  `| ${title} | ${scores.count} | ${(scores.accuracy * 100).toFixed(1)}% | ${scores.macroF1.toFixed(3)} | ${(scores.fncScore * 100).toFixed(1)}% | ${STANCES.map((stance) => scores.perClass[stance].f1.toFixed(3)).join(' / ')} |`;
const provenance = `# Provenance of stance-weights.json

- **What:** a two-stage cascade for the FNC-1 scheme. Stage 1: boosted trees (${JSON.stringify(RELATEDNESS_TREES)}), related vs unrelated, from
  ${RELATEDNESS_FEATURES.length} similarity features (P(related) ≥ ${chosen.threshold} means related): term overlap, TF-IDF cosines of the claim
  with the whole text, its best-matching sentence, the top three and the lead, the share of the claim's IDF mass found in
  the text / best sentence / lead, and cosines of the claim with the text's sentences under the USE-distilled static table
  (models/static-use-lite/distilled.bin, \`${texts.embedderId}\`: whole text, best sentence, top-three mean, lead). Stage 2: agree / disagree / discuss
  from ${STAGE_TWO_FEATURES.length} dense lexical-overlap, cue, hedge, quote, opposite-word and commitment features (\`stance-commitment-features.ts\`: cues and
  hedges of the three sentences closest to the claim by TF-IDF, the body's shares of refuting / reported / denied / asserted sentences, and
  how much of the claim the body asserts against what it attributes), one model for bodies and one for
  headline-length texts (≤ ${HEADLINE_WORDS} words): bodies ${describe(chosen.options.body)}, headlines ${describe(chosen.options.headline)}.
  The body model's agree probability is multiplied by ${heldOutPipeline.bodyAgreePriorCorrection.toFixed(3)} and renormalised: a Bayes prior correction from the
  tuning clusters' agree : discuss ratio to the one of FNC-1's 49,972 published training pairs (3,678 : 8,909), since the
  tuning clusters hold unusually many agree pairs. It is computed from label counts, not tuned; over the three fold assignments it
  moved CV from 86.18 to 86.28% (disagree F1 0.180 → 0.183) and the held-out FNC-1 score from 78.1 to 79.0%.
  Relatedness thresholds 0.2 and 0.25 (below the grid) were tried with it: CV objective 0.5853 / 0.5847 against 0.5834 at 0.3, within
  noise (Emergent +0.3 points, FNC-1 equal), so the grid stays as it was.
  Retrained after the hedge rules stopped reading refusals, correction notices and absent denials as denials (the
  stance text features count denied sentences): CV disagree F1 0.183 → 0.174 (mean of three assignments, noise level), FNC-1
  CV 86.3% both; held-out FNC-1 79.0 → 79.1%, disagree F1 0.336 → 0.339.
  The disagree class weight grid then reached down to 1 and 1.5 (2 had been its lowest value and the choice): CV chose
  1.5 (objective 0.5829 against 0.5807 at 2; FNC-1 CV 86.5%, disagree F1 0.177); held-out 79.1%, disagree F1 0.345.
  Headline conventions of attribution then became hedges (\`hedge.ts\`: "Report: …", "…: SITE", "… - reports", "… [REPORT]",
  "…, monitoring group says", "purports to show", "believed to have", "not in a position to confirm"). The idea came from
  reading held-out errors (the Sotloff cluster labels hedged headlines \`discuss\` against bodies that assert), so it was
  judged on CV only: at the settings then shipped, CV objective 0.5829 → 0.5897 (FNC-1 86.5% both, disagree F1 0.177 → 0.193,
  Emergent 70.7 → 71.1%); the grid then tied disagree weights 1 and 1.5 at 0.5897 and kept the first. Held out afterwards:
  FNC-1 79.1 → 80.3%, disagree F1 0.345 → 0.272 (39 pairs), Emergent 72.7 → 73.4%. Broader forms ("…, he said", "…, media
  report", "thought to be") scored 0.5929 but misread about 490 RTQA body sentences, so the narrow ones ship. Tried at fixed
  settings against the rules then in place (0.5929 or 0.5912) and dropped: scare quotes and may / could / plans-to in the headline as features (0.5929 → 0.5876);
  debunk-headline denials ("did NOT", "Not so, X says", "debunking", "too good to check"; 0.5912 → 0.5890); a share of
  refuting sentences with no speaker or quotation (0.5912 → 0.5900); and averaging the stage-2 probabilities of all pairs that
  share a body (FNC-1 CV 86.9 → 87.8% at full weight, disagree F1 0.197 → 0.195): it ignores the claim's own polarity, so a
  body paired with a claim and its denial must get one of them wrong, and it only pays where data sets reuse each body.
  After the retraining, also dropped (fixed settings, against 0.5897): a debunking-headline flag ("No, X isn't", "slams
  rumours", "hoax", "did NOT") crossed with the body's share of sentences that call a story false (0.5873: Emergent 71.0 →
  71.9%, disagree F1 0.192 → 0.176; the pairs where one side debunks and the other does not come from two or three
  clusters, too few for a rule that carries across clusters), and the mean of five stage-2 models each trained without a
  fifth of the groups (0.5829: disagree F1 0.192 → 0.167, since averaging flattens the rare class).
  A stronger encoder does not find \`disagree\` either (\`scripts/experiment-stance-sentence-encoder.ts\`, removed once recorded here: \`git show dd2a462:scripts/experiment-stance-sentence-encoder.ts\`): the full Universal
  Sentence Encoder lite (trained with an entailment task among others) on the claim and the text's best-matching sentence,
  [u·v, |u − v|, cosine] into the same logistic regression, cross-validated the same way, separates disagree with an AUC of
  0.58–0.66 on FNC-1 and 0.73–0.75 on Emergent, against 0.736 and 0.919 for the shipped model's CV probabilities.
  Features: \`src/disputes/stance-features.ts\`, \`stance-relatedness-features.ts\`; models: \`src/disputes/softmax-model.ts\`, \`src/disputes/boosted-trees.ts\`.
- **Data:** \`../shared/data/fnc1_stance_input.jsonl\` + \`fnc1_stance_labels.jsonl\` (${examples.filter((example) => example.pair.dataset === 'fnc1').length} FNC-1 pairs) and
  \`emergent_stance.jsonl\` (${examples.filter((example) => example.pair.dataset === 'emergent').length} Emergent pairs; for→agree, against→disagree, observing→discuss).
  No text from these sets is stored here; only the learned numbers (rounded to 4 decimals), feature scaling statistics and
  the document frequencies of ${Object.keys(termWeights.toJson().frequencies).length} stemmed terms (those in ≥ 2 of the ${termWeights.documents} distinct claims and texts of the tuning groups).
- **Script and command:** \`npx tsx research/train-stance.ts\` (deterministic: fixed seed, fixed split).
- **Tuning:** 5-fold cross-validation grouped by FNC-1 article cluster and by Emergent claim id, on the 80% of
  groups not held out, repeated over ${FOLD_SEEDS.length} fold assignments (the objective is their mean; the table's CV rows are the first
  assignment, as in earlier versions). Grid: the disagree class weight, boosted trees / their mean with a logistic regression for
  the body model, logistic regression / the mean for the headline model, and the relatedness threshold. Objective: mean of
  FNC-1 score, FNC-1 disagree F1 and Emergent accuracy. Chosen: \`${JSON.stringify(chosen.options)}\`.
  The document frequencies come from all tuning texts (no labels), so cross-validation folds share them.
- **What was tried (cross-validation only):** the new features (stage-1 similarities, stage-2 quote / question / verdict cues)
  against the old ones, at equal settings
  and over the same three fold assignments: FNC-1 CV score +0.1 to +0.6 points, Emergent CV accuracy +1.5 to +2.5 points, FNC-1
  unrelated F1 0.984–0.988 → 0.987–0.988 (stage 1 alone, threshold 0.4: FNC-1 relatedness points lost 78.5 → 53.8). Giving the same TF-IDF and
  embedding features to stage 2 lowered its scores (FNC-1 −1.1, disagree F1 −0.03); so did the 256-d embedding of the two
  best-matching sentences (disagree F1 0.16 → 0.10, Emergent −3.6) and training one stage-2 model on bodies and headlines
  together (FNC-1 −1). Boosted trees for stage 1 instead of a logistic regression: FNC-1 +0.1 to +0.5, unrelated F1
  0.987–0.988 → 0.988–0.990, Emergent −0.1 to −1.0 (kept; the mean of both sat in between). Refuting / hedging words within six words of a claim term, and other tree sizes, epochs or L2 moved nothing beyond the noise of the split; scaling the agree or
  disagree probabilities before the decision only lowered the objective.
  The commitment features, at the settings then shipped, over the three fold assignments and six more (seeds 11–66): FNC-1 CV
  85.67 → 86.02% and 85.62 → 86.17%, agree F1 0.617 → 0.640 and 0.596 → 0.632, disagree F1 0.154 → 0.177 and 0.161 → 0.156,
  Emergent 70.10 → 70.22% and 70.47 → 70.66% (kept: FNC-1 and agree up on both, disagree within noise). Tried with them and
  dropped (three fold assignments): cues of the three sentences closest by static embedding; interactions of a debunking
  headline ("false", "hoax", "not", "too good to check") with an asserting body and of a refuting body with an asserting
  headline (disagree F1 0.175 → 0.157); question-word headlines; and the headline model trained on Emergent run on each body's
  three closest sentences, its probabilities fed to the body model (disagree F1 0.154 → 0.134).
  With the commitment features shipped (three fold assignments): stage-2 row weights that even out article clusters (∝ cluster
  size^−0.5 or ^−1; one cluster holds a quarter of the related tuning pairs) lowered disagree F1 0.180 → 0.160 / 0.165; the share
  of the claim found in refuting, denied and quoted sentences lowered FNC-1 86.2 → 85.6% and disagree F1 0.180 → 0.164. Earlier versions: 5 vs 20 epochs, hashed cue-word features, a bag of words and a
  down-weighted agree class did not help either.
- **Embedder:** the embedding features depend on the exact static table (the weights record its id, and
  \`test/disputes/stance-relatedness.test.ts\` fails when that table changes: retrain then; the retrieval default, trained further, is not used here). A table trained on
  FNC-1 / Emergent pairs *with their labels* (claim → related body) must leave out the held-out groups (\`isHeldOut\`),
  or the embedding cosines carry held-out relatedness labels and the held-out rows below stop being honest.
- **Speed:** \`npm run -s cli -- stance --pairs ../shared/data/fnc1_stance_input.jsonl --json\`: 8,575 pairs in 7.5–8.1 s wall
  (~1,100 pairs/s with start-up, on a shared 2-core machine; 190 MB RSS); the same file three times (25,725 pairs) in 13–15 s. Each distinct text is
  analysed and embedded once (sentence vectors kept as int8). The previous, lexical-only engine: 4.0 s, 167 MB. The commitment
  features add about 0.4 s of CPU (user time 6.4–7.0 s against 6.0–6.4 s without them, runs alternated at load average 5; 8–10 s wall then).
- **Date:** ${new Date().toISOString().slice(0, 10)}

| set | n | accuracy | macro-F1 | FNC-1 score (% of max) | F1 agree / disagree / discuss / unrelated |
|---|---|---|---|---|---|
${line('FNC-1 train-CV (tuning groups)', chosen.scores.fnc)}
${line('Emergent train-CV (tuning groups)', chosen.scores.emergent)}
${line('FNC-1 held-out (model trained on tuning groups)', heldOutScores.fnc)}
${line('Emergent held-out (model trained on tuning groups)', heldOutScores.emergent)}
${line('FNC-1 full set, shipped model (80% of it is training data)', fullScores.fnc)}
${line('Emergent full set, shipped model (80% of it is training data)', fullScores.emergent)}

The shipped weights are the model trained on the tuning groups only (the held-out row's model): the
held-out groups (\`isHeldOut\` in \`scripts/lib/stance-dataset.ts\`) were never seen in training or tuning,
so \`npm run eval:stance\` reproduces the held-out rows. The full-set rows mix training and held-out pairs.

The held-out FNC-1 part is ${heldOutMix('fnc1')}; its related pairs are mostly \`discuss\`, which is why its
figures sit below the cross-validation ones (and why "discuss for every related pair" scores well there).

Why cross-validation scores FNC-1 higher than the held-out part (${(chosen.scores.fnc.fncScore * 100).toFixed(1)}% vs ${(heldOutScores.fnc.fncScore * 100).toFixed(1)}%): not a leak.
Both split by article cluster (each FNC-1 body belongs to one cluster, each headline is related to bodies of one cluster only).
CV folds over all fold assignments: ${describeOverlap(foldOverlap)}.
Held out against the tuning groups: ${describeOverlap(heldOutOverlap)}.
Part of the gap is the label mix (the FNC-1 score weighs related pairs four times as much, and ${relatedShare(heldOut)} of the held-out
pairs are related against ${relatedShare(tuning)} in tuning): the CV outcomes of each gold class, reweighted to the held-out mix, score
${(cvOnHeldOutMix * 100).toFixed(1)}%. The rest is how hard the held-out clusters are: in CV, single clusters with ≥ 10 related pairs score
${(Math.min(...clusterScores) * 100).toFixed(0)}% to ${(Math.max(...clusterScores) * 100).toFixed(0)}%, and the held-out part is dominated by one cluster with ${largestHeldOutDiscuss} \`discuss\` pairs, many read as \`agree\`.

The Emergent held-out part is ${heldOutMix('emergent')}.

Against the issue's goals, held out: FNC-1 score ${(heldOutScores.fnc.fncScore * 100).toFixed(1)}% (goal ≥ 80%), disagree F1
${heldOutScores.fnc.perClass.disagree.f1.toFixed(3)} (goal ≥ 0.40), Emergent accuracy ${(heldOutScores.emergent.accuracy * 100).toFixed(1)}% (goal ≥ 70%). With 9 FNC-1 clusters and 39
disagree pairs held out, these move by a point or more with any change (before the commitment features: 77.3%, 0.336, 72.5%; the previous, lexical-only version: 78.2%, 0.350,
73.2% held out; 85.5% FNC-1 and 68.5% Emergent in cross-validation on the first fold assignment).
`;
if (!quick) writeFileSync(join(STANCE_WEIGHTS_PATH, '..', 'PROVENANCE.md'), provenance);
console.log(provenance);
