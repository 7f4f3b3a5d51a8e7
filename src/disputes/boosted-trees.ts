/**
 * Gradient-boosted regression trees for multiclass softmax, over dense features only. Written here (no
 * Python on these machines) and kept small: features are pre-binned at quantile cut points, trees are
 * shallow, and leaves use the second-order (Newton) step, as LightGBM and XGBoost do. Trees capture the
 * interactions a linear model misses ("high overlap and no hedging" → agree).
 */

/** One node of a tree: a split (feature ≤ threshold goes left) or a leaf with one score per class. */
export type TreeNode = { feature: number; threshold: number; left: TreeNode; right: TreeNode } | { leaf: number };

/** A boosted ensemble: per round, one tree per class. */
export interface BoostedTrees {
  classes: string[];
  /** Base score per class (log prior). */
  base: number[];
  /** trees[round][class] */
  trees: TreeNode[][];
}

/** Options for `trainBoostedTrees`. */
export interface BoostOptions {
  /** Boosting rounds. @default 150 */
  rounds?: number;
  /** Tree depth. @default 3 */
  depth?: number;
  /** Shrinkage per round. @default 0.1 */
  learningRate?: number;
  /** L2 on leaf values. @default 1 */
  lambda?: number;
  /** Minimum hessian mass in a leaf. @default 5 */
  minChildWeight?: number;
  /** Loss weight per class index. @default 1 each */
  classWeights?: number[];
  /** Quantile bins per feature for split search. @default 32 */
  bins?: number;
}

function softmax(scores: number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

function leafValue(node: TreeNode, row: readonly number[]): number {
  let current = node;
  while (!('leaf' in current)) current = (row[current.feature] ?? 0) <= current.threshold ? current.left : current.right;
  return current.leaf;
}

/** Class probabilities for one row of dense features. */
export function predictTrees(model: BoostedTrees, row: readonly number[]): number[] {
  const scores = [...model.base];
  for (const round of model.trees) {
    round.forEach((tree, classIndex) => {
      scores[classIndex] = (scores[classIndex] ?? 0) + leafValue(tree, row);
    });
  }
  return softmax(scores);
}

function quantileCuts(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let bin = 1; bin < bins; bin += 1) {
    const value = sorted[Math.floor((bin / bins) * sorted.length)];
    if (value !== undefined) cuts.add(value);
  }
  return [...cuts].sort((a, b) => a - b);
}

interface BuildContext {
  binned: Uint8Array[];
  cuts: number[][];
  gradient: Float64Array;
  hessian: Float64Array;
  options: Required<Omit<BoostOptions, 'classWeights'>>;
}

function buildNode(context: BuildContext, rows: Int32Array, depth: number): TreeNode {
  const { gradient, hessian, options } = context;
  let gradientSum = 0;
  let hessianSum = 0;
  for (const row of rows) {
    gradientSum += gradient[row] ?? 0;
    hessianSum += hessian[row] ?? 0;
  }
  const leaf = { leaf: (-gradientSum / (hessianSum + options.lambda)) * options.learningRate };
  if (depth >= options.depth || hessianSum < 2 * options.minChildWeight) return leaf;
  const parentScore = (gradientSum * gradientSum) / (hessianSum + options.lambda);
  let best = { gain: 1e-9, feature: -1, bin: -1 };
  context.binned.forEach((column, feature) => {
    const binCount = (context.cuts[feature]?.length ?? 0) + 1;
    const gradientByBin = new Float64Array(binCount);
    const hessianByBin = new Float64Array(binCount);
    for (const row of rows) {
      const bin = column[row] ?? 0;
      gradientByBin[bin] = (gradientByBin[bin] ?? 0) + (gradient[row] ?? 0);
      hessianByBin[bin] = (hessianByBin[bin] ?? 0) + (hessian[row] ?? 0);
    }
    let leftGradient = 0;
    let leftHessian = 0;
    for (let bin = 0; bin < binCount - 1; bin += 1) {
      leftGradient += gradientByBin[bin] ?? 0;
      leftHessian += hessianByBin[bin] ?? 0;
      const rightGradient = gradientSum - leftGradient;
      const rightHessian = hessianSum - leftHessian;
      if (leftHessian < options.minChildWeight || rightHessian < options.minChildWeight) continue;
      const gain =
        (leftGradient * leftGradient) / (leftHessian + options.lambda) + (rightGradient * rightGradient) / (rightHessian + options.lambda) - parentScore;
      if (gain > best.gain) best = { gain, feature, bin };
    }
  });
  if (best.feature < 0) return leaf;
  const column = context.binned[best.feature] as Uint8Array;
  const left = rows.filter((row) => (column[row] ?? 0) <= best.bin);
  const right = rows.filter((row) => (column[row] ?? 0) > best.bin);
  const threshold = context.cuts[best.feature]?.[best.bin] ?? 0;
  return { feature: best.feature, threshold, left: buildNode(context, left, depth + 1), right: buildNode(context, right, depth + 1) };
}

/** Trains the ensemble on dense rows and class indices; deterministic. */
export function trainBoostedTrees(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  classes: string[],
  options: BoostOptions = {},
): BoostedTrees {
  const settings = { rounds: 150, depth: 3, learningRate: 0.1, lambda: 1, minChildWeight: 5, bins: 32, ...options };
  const classWeights = options.classWeights ?? classes.map(() => 1);
  const featureCount = rows[0]?.length ?? 0;
  const cuts: number[][] = [];
  const binned: Uint8Array[] = [];
  for (let feature = 0; feature < featureCount; feature += 1) {
    const values = rows.map((row) => row[feature] ?? 0);
    const featureCuts = quantileCuts(values, settings.bins);
    cuts.push(featureCuts);
    binned.push(
      Uint8Array.from(values, (value) => {
        let bin = 0;
        while (bin < featureCuts.length && value > (featureCuts[bin] ?? 0)) bin += 1;
        return bin;
      }),
    );
  }
  const weightOf = (row: number) => classWeights[labels[row] ?? 0] ?? 1;
  const totalWeight = rows.reduce((sum, _, row) => sum + weightOf(row), 0);
  const base = classes.map((_, classIndex) => {
    const mass = rows.reduce((sum, _row, row) => sum + (labels[row] === classIndex ? weightOf(row) : 0), 0);
    return Math.log(Math.max(mass, 1e-6) / Math.max(totalWeight, 1e-6));
  });
  const scores = rows.map(() => [...base]);
  const trees: TreeNode[][] = [];
  const allRows = Int32Array.from(rows.keys());
  for (let round = 0; round < settings.rounds; round += 1) {
    const probabilities = scores.map(softmax);
    const roundTrees: TreeNode[] = [];
    classes.forEach((_, classIndex) => {
      const gradient = new Float64Array(rows.length);
      const hessian = new Float64Array(rows.length);
      probabilities.forEach((probability, row) => {
        const p = probability[classIndex] ?? 0;
        const weight = weightOf(row);
        gradient[row] = weight * (p - (labels[row] === classIndex ? 1 : 0));
        hessian[row] = weight * Math.max(p * (1 - p), 1e-6);
      });
      roundTrees.push(buildNode({ binned, cuts, gradient, hessian, options: settings }, allRows, 0));
    });
    roundTrees.forEach((tree, classIndex) => {
      rows.forEach((row, index) => {
        const current = scores[index] as number[];
        current[classIndex] = (current[classIndex] ?? 0) + leafValue(tree, row);
      });
    });
    trees.push(roundTrees);
  }
  return { classes, base, trees };
}

function remapNode(node: TreeNode, columns: readonly number[]): TreeNode {
  if ('leaf' in node) return node;
  return { feature: columns[node.feature] ?? node.feature, threshold: node.threshold, left: remapNode(node.left, columns), right: remapNode(node.right, columns) };
}

/** A model trained on a selection of columns, rewritten to read full rows (feature i becomes columns[i]). */
export function readingColumns(model: BoostedTrees, columns: readonly number[]): BoostedTrees {
  return { ...model, trees: model.trees.map((round) => round.map((tree) => remapNode(tree, columns))) };
}
