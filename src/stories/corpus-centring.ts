import { HEAD_DIMENSIONS, type StoryCluster } from './story-cluster.js';

/** Pseudo-articles of zero vector mixed into the corpus mean, so centring only bites once the corpus is large. */
const MEAN_PRIOR_ARTICLES = 20;

/** An article vector centred on the corpus mean μ, with what the centred cosine needs about it. */
export interface CentredVector {
  centred: Float64Array;
  /** (v − μ)·μ */
  dotMean: number;
  /** |v − μ|² */
  squared: number;
  /** Norm of (v − μ)'s dimensions from `HEAD_DIMENSIONS` on. */
  tailNorm: number;
}

/**
 * Cosines between articles and story centroids after centring both on the corpus mean. Centring removes the
 * direction all news shares, which with some embedders puts unrelated articles at cosine 0.6 and leaves
 * little room between "same event" and "also news". The mean is shrunk towards zero while there are few
 * articles: with a handful of articles the mean is mostly the articles themselves, and centring on it would
 * push related articles apart.
 */
export class CorpusCentring {
  readonly #sum: Float64Array;
  readonly #mean: Float64Array;
  #count = 0;
  #meanSquared = 0;

  constructor(dimension: number) {
    this.#sum = new Float64Array(dimension);
    this.#mean = new Float64Array(dimension);
  }

  /** Counts an article vector into the corpus mean (`sign` −1 takes it out). */
  add(vector: ArrayLike<number>, sign: 1 | -1 = 1): void {
    const sum = this.#sum;
    for (let index = 0; index < sum.length; index += 1) sum[index] = (sum[index] ?? 0) + sign * (vector[index] ?? 0);
    this.#count += sign;
  }

  /** Centres a unit vector on the current corpus mean. */
  centre(vector: ArrayLike<number>): CentredVector {
    this.#updateMean();
    const mean = this.#mean;
    const centred = new Float64Array(mean.length);
    let dotMean = 0;
    let squared = 0;
    let tailSquared = 0;
    for (let index = 0; index < mean.length; index += 1) {
      const value = (vector[index] ?? 0) - (mean[index] ?? 0);
      centred[index] = value;
      dotMean += value * (mean[index] ?? 0);
      squared += value * value;
      if (index >= HEAD_DIMENSIONS) tailSquared += value * value;
    }
    return { centred, dotMean, squared, tailNorm: Math.sqrt(tailSquared) };
  }

  /**
   * Centred cosine of an article (from `centre`) and a story. With S the story's vector sum over n members:
   * (v−μ)·(S/n−μ) = (v−μ)·S/n − (v−μ)·μ, and |S/n−μ|² = |S|²/n² − 2 S·μ/n + |μ|², so one dot product per story.
   */
  cosine(article: CentredVector, cluster: StoryCluster): number {
    return this.cosineOfSumDot(this.sumDot(article, cluster, null), article, cluster);
  }

  /**
   * S·(v−μ) summed as the head (dimensions before `HEAD_DIMENSIONS`, from `head` when already computed) plus
   * the tail, so the full and the bounded score (see `StoryClusterer`) share the head's arithmetic.
   */
  sumDot(article: CentredVector, cluster: StoryCluster, head: number | null): number {
    const headDot = head ?? cluster.dotSum(article.centred, 0, HEAD_DIMENSIONS);
    return headDot + cluster.dotSum(article.centred, HEAD_DIMENSIONS);
  }

  /** The centred cosine for a given S·(v−μ); it grows with it, so an upper bound of S·(v−μ) bounds the cosine. */
  cosineOfSumDot(sumDot: number, article: CentredVector, cluster: StoryCluster): number {
    const count = cluster.size;
    if (count === 0) return 0;
    const dot = sumDot / count - article.dotMean;
    const centroidSquared = cluster.sumSquared / (count * count) - (2 * this.#sumDotMean(cluster)) / count + this.#meanSquared;
    return dot / Math.sqrt(Math.max(centroidSquared, 1e-12) * Math.max(article.squared, 1e-12));
  }

  /** S·μ for a story, cached: the mean drifts slowly, and the story changes only when articles come or go. */
  #sumDotMean(cluster: StoryCluster): number {
    const cached = cluster.sumDotMeanCache;
    if (cached && cached.version === cluster.version && this.#count <= cached.count * 1.05 + 2) return cached.value;
    const value = cluster.dotSum(this.#mean);
    cluster.sumDotMeanCache = { version: cluster.version, count: this.#count, value };
    return value;
  }

  #updateMean(): void {
    const shrink = 1 / (Math.max(0, this.#count) + MEAN_PRIOR_ARTICLES);
    let squared = 0;
    for (let index = 0; index < this.#mean.length; index += 1) {
      const value = (this.#sum[index] ?? 0) * shrink;
      this.#mean[index] = value;
      squared += value * value;
    }
    this.#meanSquared = squared;
  }
}
