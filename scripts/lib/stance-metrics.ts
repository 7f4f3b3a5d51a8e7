import type { Stance } from '../../src/core/stance.js';

export const STANCES: readonly Stance[] = ['agree', 'disagree', 'discuss', 'unrelated'];

/** Precision, recall and F1 of one class. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Everything `eval:stance` prints for one run. */
export interface StanceScores {
  count: number;
  accuracy: number;
  perClass: Record<Stance, ClassScores>;
  /** Mean F1 over the classes present in the gold labels. */
  macroF1: number;
  /** FNC-1 score as a fraction of the best possible score. */
  fncScore: number;
  /** confusion[gold][predicted] */
  confusion: Record<Stance, Record<Stance, number>>;
}

/** FNC-1 points of one prediction: 0.25 for the related/unrelated call, 0.75 more for the right related class. */
function fncPoints(gold: Stance, predicted: Stance): number {
  let points = 0;
  if ((gold === 'unrelated') === (predicted === 'unrelated')) points += 0.25;
  if (gold !== 'unrelated' && gold === predicted) points += 0.75;
  return points;
}

/** Scores predictions against gold labels (same order). */
export function scoreStances(gold: readonly Stance[], predicted: readonly Stance[]): StanceScores {
  const confusion = Object.fromEntries(STANCES.map((row) => [row, Object.fromEntries(STANCES.map((column) => [column, 0]))])) as Record<
    Stance,
    Record<Stance, number>
  >;
  let correct = 0;
  let points = 0;
  let best = 0;
  gold.forEach((label, index) => {
    const guess = predicted[index] ?? 'unrelated';
    confusion[label][guess] += 1;
    if (label === guess) correct += 1;
    points += fncPoints(label, guess);
    best += fncPoints(label, label);
  });
  const perClass = {} as Record<Stance, ClassScores>;
  for (const stance of STANCES) {
    const truePositive = confusion[stance][stance];
    const predictedCount = STANCES.reduce((sum, row) => sum + confusion[row][stance], 0);
    const support = STANCES.reduce((sum, column) => sum + confusion[stance][column], 0);
    const precision = predictedCount === 0 ? 0 : truePositive / predictedCount;
    const recall = support === 0 ? 0 : truePositive / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[stance] = { precision, recall, f1, support };
  }
  const present = STANCES.filter((stance) => perClass[stance].support > 0);
  const macroF1 = present.reduce((sum, stance) => sum + perClass[stance].f1, 0) / Math.max(present.length, 1);
  return {
    count: gold.length,
    accuracy: correct / Math.max(gold.length, 1),
    perClass,
    macroF1,
    fncScore: best === 0 ? 0 : points / best,
    confusion,
  };
}

/** A plain-text table of the scores, for the eval and training scripts. */
export function formatScores(title: string, scores: StanceScores): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `${title}  (n=${scores.count})`,
    `  accuracy ${percent(scores.accuracy)}  macro-F1 ${scores.macroF1.toFixed(3)}  FNC-1 score ${percent(scores.fncScore)} of max`,
  ];
  for (const stance of STANCES) {
    const entry = scores.perClass[stance];
    if (entry.support === 0 && entry.precision === 0) continue;
    lines.push(`  ${stance.padEnd(10)} P ${entry.precision.toFixed(3)}  R ${entry.recall.toFixed(3)}  F1 ${entry.f1.toFixed(3)}  (support ${entry.support})`);
  }
  return lines.join('\n');
}

/**
 * The FNC-1 score the per-class outcomes of `scores` would give on another label mix (`counts` per gold
 * class): each gold class keeps its rate of points, only the number of pairs changes. The FNC-1 score weighs
 * related pairs four times as much as unrelated ones, so two sets scored by the same model differ by their
 * mix alone; this separates that from differences in how hard the pairs are.
 */
export function fncScoreOnMix(scores: StanceScores, counts: Readonly<Record<Stance, number>>): number {
  let points = 0;
  let best = 0;
  for (const gold of STANCES) {
    const row = scores.confusion[gold];
    const support = STANCES.reduce((sum, predicted) => sum + row[predicted], 0);
    if (support === 0) continue;
    const rowPoints = STANCES.reduce((sum, predicted) => sum + row[predicted] * fncPoints(gold, predicted), 0);
    points += (counts[gold] * rowPoints) / support;
    best += counts[gold] * fncPoints(gold, gold);
  }
  return best === 0 ? 0 : points / best;
}
