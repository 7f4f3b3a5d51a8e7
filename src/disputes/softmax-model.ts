import type { PairFeatures } from './stance-features.js';

/** A sparse input vector: feature indices and their values. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

/** How dense features are scaled and binned; learned from the training set and shipped with the weights. */
export interface FeatureScaling {
  mean: number[];
  std: number[];
  /** Ascending cut points per dense feature; a value falls in bin = number of cut points below it. */
  cuts: number[][];
  /** Hashed indicator columns; 0 means the model uses dense features only. */
  hashSize: number;
  /** Which dense features the model reads (indices into `PairFeatures.dense`); all when absent. */
  columns?: number[];
}

/** A multinomial logistic regression over scaled dense values, their bins and hashed indicators. */
export interface SoftmaxModel {
  classes: string[];
  scaling: FeatureScaling;
  /** One row per class, `inputSize(scaling)` columns. */
  weights: number[][];
  bias: number[];
}

/** Options for `trainSoftmax`. */
export interface TrainOptions {
  /** Passes over the data. @default 30 */
  epochs?: number;
  /** AdaGrad step size. @default 0.1 */
  learningRate?: number;
  /** L2 penalty per example. @default 1e-4 */
  l2?: number;
  /** Loss weight per class index (to lift rare classes). @default 1 each */
  classWeights?: number[];
  /** Seed for the shuffling. @default 1 */
  seed?: number;
}

const BINS_PER_FEATURE = 8;

function binOffset(denseCount: number): number {
  return denseCount;
}

/** Number of columns of the model's input. */
export function inputSize(scaling: FeatureScaling): number {
  const denseCount = scaling.mean.length;
  return denseCount + denseCount * (BINS_PER_FEATURE + 1) + scaling.hashSize;
}

/** Learns means, deviations and quantile cut points of the dense features. */
export function fitScaling(features: readonly PairFeatures[], hashSize: number, columns?: number[]): FeatureScaling {
  const selected = columns ?? (features[0]?.dense ?? []).map((_, index) => index);
  const mean: number[] = [];
  const std: number[] = [];
  const cuts: number[][] = [];
  for (const column of selected) {
    const values = features.map((feature) => feature.dense[column] ?? 0).sort((a, b) => a - b);
    const average = values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
    const variance = values.reduce((sum, value) => sum + (value - average) ** 2, 0) / Math.max(values.length, 1);
    mean.push(average);
    std.push(Math.sqrt(variance) || 1);
    const points = new Set<number>();
    for (let bin = 1; bin <= BINS_PER_FEATURE; bin += 1) {
      const value = values[Math.floor((bin / (BINS_PER_FEATURE + 1)) * values.length)];
      if (value !== undefined) points.add(Number(value.toPrecision(6)));
    }
    cuts.push([...points].sort((a, b) => a - b));
  }
  return columns ? { mean, std, cuts, hashSize, columns } : { mean, std, cuts, hashSize };
}

/** Turns pair features into the model's sparse input. */
export function toInput(features: PairFeatures, scaling: FeatureScaling): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  const denseCount = scaling.mean.length;
  for (let column = 0; column < denseCount; column += 1) {
    const raw = features.dense[scaling.columns ? (scaling.columns[column] ?? 0) : column] ?? 0;
    indices.push(column);
    values.push((raw - (scaling.mean[column] ?? 0)) / (scaling.std[column] ?? 1));
    const columnCuts = scaling.cuts[column] ?? [];
    let bin = 0;
    while (bin < columnCuts.length && raw > (columnCuts[bin] ?? 0)) bin += 1;
    indices.push(binOffset(denseCount) + column * (BINS_PER_FEATURE + 1) + bin);
    values.push(1);
  }
  const hashedOffset = denseCount + denseCount * (BINS_PER_FEATURE + 1);
  if (scaling.hashSize === 0) return { indices, values };
  for (const index of new Set(features.hashed)) {
    indices.push(hashedOffset + index);
    values.push(1);
  }
  return { indices, values };
}

/** Class probabilities for one input. */
export function predictProbabilities(model: Pick<SoftmaxModel, 'weights' | 'bias'>, input: SparseVector): number[] {
  const scores = model.weights.map((row, classIndex) => {
    let score = model.bias[classIndex] ?? 0;
    for (let position = 0; position < input.indices.length; position += 1) {
      score += (row[input.indices[position] ?? 0] ?? 0) * (input.values[position] ?? 0);
    }
    return score;
  });
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** Trains the regression with AdaGrad on the weighted cross-entropy; deterministic for a given seed. */
export function trainSoftmax(
  inputs: readonly SparseVector[],
  labels: readonly number[],
  classes: string[],
  scaling: FeatureScaling,
  options: TrainOptions = {},
): SoftmaxModel {
  const { epochs = 30, learningRate = 0.1, l2 = 1e-4, seed = 1 } = options;
  const classWeights = options.classWeights ?? classes.map(() => 1);
  const size = inputSize(scaling);
  const weights = classes.map(() => new Float64Array(size));
  const squared = classes.map(() => new Float64Array(size));
  const bias = new Float64Array(classes.length);
  const biasSquared = new Float64Array(classes.length);
  const order = inputs.map((_, index) => index);
  const next = random(seed);
  const plainWeights = () => weights.map((row) => Array.from(row));
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = Math.floor(next() * (index + 1));
      [order[index], order[swap]] = [order[swap] ?? 0, order[index] ?? 0];
    }
    for (const example of order) {
      const input = inputs[example];
      const label = labels[example];
      if (!input || label === undefined) continue;
      const probabilities = predictSparse(weights, bias, input);
      const weight = classWeights[label] ?? 1;
      for (let classIndex = 0; classIndex < classes.length; classIndex += 1) {
        const gradient = weight * ((probabilities[classIndex] ?? 0) - (classIndex === label ? 1 : 0));
        const row = weights[classIndex] as Float64Array;
        const rowSquared = squared[classIndex] as Float64Array;
        for (let position = 0; position < input.indices.length; position += 1) {
          const column = input.indices[position] ?? 0;
          const step = gradient * (input.values[position] ?? 0) + l2 * (row[column] ?? 0);
          rowSquared[column] = (rowSquared[column] ?? 0) + step * step;
          row[column] = (row[column] ?? 0) - (learningRate * step) / Math.sqrt((rowSquared[column] ?? 0) + 1e-8);
        }
        biasSquared[classIndex] = (biasSquared[classIndex] ?? 0) + gradient * gradient;
        bias[classIndex] = (bias[classIndex] ?? 0) - (learningRate * gradient) / Math.sqrt((biasSquared[classIndex] ?? 0) + 1e-8);
      }
    }
  }
  return { classes, scaling, weights: plainWeights(), bias: Array.from(bias) };
}

function predictSparse(weights: Float64Array[], bias: Float64Array, input: SparseVector): number[] {
  const scores: number[] = [];
  for (let classIndex = 0; classIndex < weights.length; classIndex += 1) {
    const row = weights[classIndex] as Float64Array;
    let score = bias[classIndex] ?? 0;
    for (let position = 0; position < input.indices.length; position += 1) score += (row[input.indices[position] ?? 0] ?? 0) * (input.values[position] ?? 0);
    scores.push(score);
  }
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
