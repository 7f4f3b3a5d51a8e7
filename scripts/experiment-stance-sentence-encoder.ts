/**
 * Experiment (not part of the shipped engine): does the full Universal Sentence Encoder lite, which was trained
 * with an entailment task among others, tell `disagree` apart where the shipped stance features do not? For every
 * related tuning pair it embeds the claim and the text's sentence that shares most of the claim's terms (the whole
 * text when it is headline-length), and cross-validates by article cluster / Emergent claim a logistic regression
 * over the classic pair features [u·v elementwise, |u − v|, cosine]. It prints the disagree AUC per data set, and
 * with `--compare FILE` (from `npx tsx scripts/train-stance.ts --fixed --dump-cv FILE`) the shipped features' AUC
 * on the same pairs. Held-out groups are never read. Usage: `npx tsx scripts/experiment-stance-sentence-encoder.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stance } from '../src/core/stance.js';
import { fitScaling, predictProbabilities, toInput, trainSoftmax } from '../src/disputes/softmax-model.js';
import { foldOf, isHeldOut, type LabelledPair, loadEmergentPairs, loadFncPairs } from '../src/disputes/stance-dataset.js';
import type { PairFeatures } from '../src/disputes/stance-features.js';
import { analyzeText } from '../src/disputes/stance-text.js';
import { loadUniversalSentenceEncoder } from '../src/providers/embedders/universal-sentence-encoder-embedder.js';
import { sharedDataDir } from './lib/shared-data.js';

const dataDir = sharedDataDir();
if (!dataDir || !existsSync(join(dataDir, 'fnc1_stance_input.jsonl'))) {
  console.log('experiment-stance-sentence-encoder: skipped — ../shared/data is not present on this machine.');
  process.exit(0);
}
const compareIndex = process.argv.indexOf('--compare');
const comparePath = compareIndex >= 0 ? process.argv[compareIndex + 1] : undefined;

const HEADLINE_WORDS = 40;
const FOLDS = 5;
const FOLD_SEEDS = [0x12345, 777, 4242];
const CLASSES: Stance[] = ['agree', 'disagree', 'discuss'];

/** The sentence of `text` that shares most terms with the claim; a headline-length text is its own evidence. */
function evidenceFor(claim: string, text: string): string {
  const analyzed = analyzeText(text);
  if (analyzed.wordCount <= HEADLINE_WORDS) return text;
  const claimTerms = [...analyzeText(claim).termCounts.keys()];
  let best = analyzed.sentences[0]?.text ?? text;
  let bestShared = -1;
  for (const sentence of analyzed.sentences) {
    const shared = claimTerms.filter((term) => sentence.terms.has(term)).length;
    if (shared > bestShared) {
      bestShared = shared;
      best = sentence.text;
    }
  }
  return best;
}

/** Area under the ROC curve of `scores` for the positives (ties counted half). */
function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  const order = scores.map((score, index) => ({ score, positive: positive[index] ?? false })).sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  let index = 0;
  while (index < order.length) {
    let end = index;
    while (end + 1 < order.length && order[end + 1]?.score === order[index]?.score) end += 1;
    const meanRank = (index + end) / 2 + 1;
    for (let k = index; k <= end; k += 1) {
      if (order[k]?.positive) {
        rankSum += meanRank;
        positives += 1;
      }
    }
    index = end + 1;
  }
  const negatives = order.length - positives;
  return positives === 0 || negatives === 0 ? Number.NaN : (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

const pairs: LabelledPair[] = [...loadFncPairs(dataDir), ...loadEmergentPairs(dataDir)].filter(
  (pair) => !isHeldOut(pair.group) && pair.label !== 'unrelated',
);
const evidence = pairs.map((pair) => evidenceFor(pair.claim, pair.text));
const distinct = [...new Set([...pairs.map((pair) => pair.claim), ...evidence])];
const encoder = await loadUniversalSentenceEncoder();
const started = Date.now();
const vectors = new Map<string, number[]>();
const embedded = await encoder.embedDocuments(distinct);
distinct.forEach((text, index) => vectors.set(text, embedded[index] ?? []));
console.log(`${pairs.length} related tuning pairs; ${distinct.length} distinct texts embedded in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const features: PairFeatures[] = pairs.map((pair, index) => {
  const u = vectors.get(pair.claim) ?? [];
  const v = vectors.get(evidence[index] ?? '') ?? [];
  const dense: number[] = [];
  let cosine = 0;
  for (let k = 0; k < u.length; k += 1) {
    const a = u[k] ?? 0;
    const b = v[k] ?? 0;
    dense.push(a * b, Math.abs(a - b));
    cosine += a * b;
  }
  dense.push(cosine);
  return { dense, hashed: [], textWords: 0 };
});
const labels = pairs.map((pair) => CLASSES.indexOf(pair.label));

const compared = comparePath
  ? new Map(
      readFileSync(comparePath, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { id: string; probabilities: Record<Stance, number> })
        .map((row) => [row.id, row.probabilities]),
    )
  : undefined;

for (const seed of FOLD_SEEDS) {
  const disagree: number[] = new Array(pairs.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const training = pairs.map((_, index) => index).filter((index) => foldOf(pairs[index]?.group ?? '', FOLDS, seed) !== fold);
    const scaling = fitScaling(
      training.map((index) => features[index] as PairFeatures),
      0,
    );
    const model = trainSoftmax(
      training.map((index) => toInput(features[index] as PairFeatures, scaling)),
      training.map((index) => labels[index] ?? 0),
      [...CLASSES],
      scaling,
      { epochs: 5, learningRate: 0.05, l2: 1e-4, classWeights: [1, 3, 1] },
    );
    pairs.forEach((pair, index) => {
      if (foldOf(pair.group, FOLDS, seed) === fold) disagree[index] = predictProbabilities(model, toInput(features[index] as PairFeatures, scaling))[1] ?? 0;
    });
  }
  for (const dataset of ['fnc1', 'emergent'] as const) {
    const indices = pairs.map((pair, index) => (pair.dataset === dataset ? index : -1)).filter((index) => index >= 0);
    const positive = indices.map((index) => pairs[index]?.label === 'disagree');
    const line = [`fold assignment ${seed}, ${dataset}: sentence-encoder disagree AUC ${rocAuc(indices.map((index) => disagree[index] ?? 0), positive).toFixed(3)}`];
    if (compared && seed === FOLD_SEEDS[0]) {
      const shipped = indices.map((index) => {
        const probabilities = compared.get(pairs[index]?.id ?? '');
        if (!probabilities) return 0;
        return probabilities.disagree / Math.max(1e-9, probabilities.agree + probabilities.disagree + probabilities.discuss);
      });
      line.push(`shipped features ${rocAuc(shipped, positive).toFixed(3)}`);
    }
    console.log(line.join('; '));
  }
}
