import type { StoryMembership } from './story-records.js';
import { dot } from './vector-dot.js';

type PublishedRange = { first: number; last: number };

/**
 * Leading dimensions the clusterer dots exactly before it bounds the rest (Cauchy–Schwarz on the norms of the
 * trailing parts) to rule a story out: the default embedder's first 256 dimensions are its PCA-ordered static
 * table, which carries most of what tells articles apart.
 */
export const HEAD_DIMENSIONS = 256;

/**
 * One story's running aggregate in memory: the sum of its member vectors, how many members mention each
 * entity, and its date range. Adding or removing an article is O(dimension + entities), so thousands of
 * articles cluster in seconds without re-reading anything.
 */
export class StoryCluster {
  readonly id: string;
  readonly createdAt: string;
  readonly members = new Map<string, StoryMembership>();
  readonly entityCounts = new Map<string, number>();
  /**
   * The clusterer's placement round in which this story was last scored: candidate stories come from several
   * day buckets and the shared-name postings, and marking them is cheaper than collecting them in a set.
   */
  lastScoredRound = 0;
  /**
   * S·μ with the story version and corpus size it was computed at, kept here for `CorpusCentring` (a field
   * rather than a WeakMap entry: it is read for every candidate story of every placed article).
   */
  sumDotMeanCache: { version: number; count: number; value: number } | null = null;
  readonly #dimension: number;
  /**
   * Sum of the member vectors, allocated only once a story has two members: most stories are single
   * articles, whose sum is their one vector, and 8 bytes × dimension for each of them is most of the memory
   * clustering would otherwise hold.
   */
  #sum: Float64Array | null = null;
  /** The one member's vector while the story has a single article (read for every comparison). */
  #onlyVector: ArrayLike<number> | null = null;
  #sumNorm = 0;
  /** Norm of the sum's dimensions from `HEAD_DIMENSIONS` on. */
  #tailNorm = 0;
  /** Bumped on every change, so callers can cache what they derive from the story. */
  #version = 0;
  #publishedRange: PublishedRange | null | undefined;

  constructor(id: string, createdAt: string, dimension: number) {
    this.id = id;
    this.createdAt = createdAt;
    this.#dimension = dimension;
  }

  get size(): number {
    return this.members.size;
  }

  /** Changes whenever an article is added or removed. */
  get version(): number {
    return this.#version;
  }

  add(member: StoryMembership): void {
    this.members.set(member.articleId, member);
    this.#changed(member, 1);
  }

  remove(articleId: string): StoryMembership | undefined {
    const member = this.members.get(articleId);
    if (!member) return undefined;
    this.members.delete(articleId);
    this.#changed(member, -1);
    return member;
  }

  /** Cosine between a unit vector and the story's centroid. */
  cosine(vector: ArrayLike<number>): number {
    return this.#sumNorm === 0 ? 0 : this.dotSum(vector) / this.#sumNorm;
  }

  /** Dot product of the member-vector sum with a vector, over all dimensions or those from `start` to `end`. */
  dotSum(vector: ArrayLike<number>, start?: number, end?: number): number {
    const sum = this.#vectorSum();
    return sum === null ? 0 : dot(sum, vector, start, end);
  }

  /** Norm of the member-vector sum's dimensions from `HEAD_DIMENSIONS` on (see there). */
  get tailNorm(): number {
    return this.#tailNorm;
  }

  /** Squared norm of the member-vector sum. */
  get sumSquared(): number {
    return this.#sumNorm * this.#sumNorm;
  }

  /** Share of the members that mention an entity (0..1). */
  entityShare(entity: string): number {
    return this.size === 0 ? 0 : (this.entityCounts.get(entity) ?? 0) / this.size;
  }

  /** Mean of the member vectors, as stored. */
  centroid(): number[] {
    const count = Math.max(1, this.size);
    const sum = this.#vectorSum();
    const centroid = new Array<number>(this.#dimension).fill(0);
    // A plain loop rather than Array.from with a callback: every touched story's centroid is stored on each ingest batch.
    if (sum !== null) for (let index = 0; index < centroid.length; index += 1) centroid[index] = (sum[index] ?? 0) / count;
    return centroid;
  }

  /** Earliest and latest published date of the members, in epoch ms; null when none is dated. */
  publishedRange(): PublishedRange | null {
    if (this.#publishedRange !== undefined) return this.#publishedRange;
    let range: PublishedRange | null = null;
    for (const member of this.members.values()) range = widened(range, member.published);
    this.#publishedRange = range;
    return range;
  }

  /** Earliest and latest seen date of the members (ISO strings compare in time order). */
  seenRange(): { firstSeen: string | null; lastSeen: string | null } {
    let firstSeen: string | null = null;
    let lastSeen: string | null = null;
    for (const member of this.members.values()) {
      if (firstSeen === null || member.seenAt < firstSeen) firstSeen = member.seenAt;
      if (lastSeen === null || member.seenAt > lastSeen) lastSeen = member.seenAt;
    }
    return { firstSeen, lastSeen };
  }

  /** The member closest to the centroid: the article that best represents the story. */
  centralArticleId(): string | null {
    // Most stories are one article; it is its own centre (no dot product needed).
    if (this.members.size === 1) return this.#onlyMemberId();
    let best: string | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const member of this.members.values()) {
      const score = this.cosine(member.vector);
      if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && best !== null && member.articleId < best)) {
        best = member.articleId;
        bestScore = score;
      }
    }
    return best;
  }

  #onlyMemberId(): string | null {
    for (const id of this.members.keys()) return id;
    return null;
  }

  /** The member-vector sum: the one member's vector while the story has a single article; null when empty. */
  #vectorSum(): ArrayLike<number> | null {
    return this.#sum ?? this.#onlyVector;
  }

  /** Updates the aggregates after `member` was added (sign 1) to or removed (−1) from `members`. */
  #changed(member: StoryMembership, sign: 1 | -1): void {
    this.#version += 1;
    this.#publishedRange = sign === 1 && this.#publishedRange !== undefined ? widened(this.#publishedRange, member.published) : undefined;
    this.#updateSum(member, sign);
    for (const entity of Object.keys(member.entities)) {
      const count = (this.entityCounts.get(entity) ?? 0) + sign;
      if (count <= 0) this.entityCounts.delete(entity);
      else this.entityCounts.set(entity, count);
    }
  }

  #updateSum(member: StoryMembership, sign: 1 | -1): void {
    const [only] = this.members.size === 1 ? this.members.values() : [];
    this.#onlyVector = only?.vector ?? null;
    if (this.members.size <= 1) {
      // Back to (or still at) one member or none: its own vector is the exact sum, with no rounding dust.
      this.#sum = null;
    } else if (this.#sum === null) {
      // The second member arrived: start summing.
      const sum = new Float64Array(this.#dimension);
      for (const each of this.members.values()) addInto(sum, each.vector, 1);
      this.#sum = sum;
    } else {
      addInto(this.#sum, member.vector, sign);
    }
    const sum = this.#vectorSum();
    let squares = 0;
    let tailSquares = 0;
    if (sum !== null) {
      for (let index = 0; index < sum.length; index += 1) squares += (sum[index] ?? 0) ** 2;
      for (let index = HEAD_DIMENSIONS; index < sum.length; index += 1) tailSquares += (sum[index] ?? 0) ** 2;
    }
    this.#sumNorm = Math.sqrt(squares);
    this.#tailNorm = Math.sqrt(tailSquares);
  }
}

function addInto(sum: Float64Array, vector: ArrayLike<number>, sign: 1 | -1): void {
  for (let index = 0; index < sum.length; index += 1) sum[index] = (sum[index] ?? 0) + sign * (vector[index] ?? 0);
}

/** A published range extended by one more member's date. */
function widened(range: PublishedRange | null, published: string | null): PublishedRange | null {
  const time = published ? Date.parse(published) : Number.NaN;
  if (Number.isNaN(time)) return range;
  return range === null ? { first: time, last: time } : { first: Math.min(range.first, time), last: Math.max(range.last, time) };
}
