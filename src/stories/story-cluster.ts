import type { StoryMembership } from './story-records.js';

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
  readonly #sum: Float64Array;
  #sumNorm = 0;
  /** Bumped on every change, so callers can cache what they derive from the story. */
  #version = 0;
  #publishedRange: { first: number; last: number } | null | undefined;

  constructor(id: string, createdAt: string, dimension: number) {
    this.id = id;
    this.createdAt = createdAt;
    this.#sum = new Float64Array(dimension);
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
    this.#accumulate(member, 1);
  }

  remove(articleId: string): StoryMembership | undefined {
    const member = this.members.get(articleId);
    if (!member) return undefined;
    this.members.delete(articleId);
    this.#accumulate(member, -1);
    return member;
  }

  /** Cosine between a unit vector and the story's centroid. */
  cosine(vector: readonly number[]): number {
    if (this.#sumNorm === 0) return 0;
    let dot = 0;
    const sum = this.#sum;
    for (let index = 0; index < sum.length; index += 1) dot += (sum[index] ?? 0) * (vector[index] ?? 0);
    return dot / this.#sumNorm;
  }

  /** Dot product of the member-vector sum with a vector. */
  dotSum(vector: ArrayLike<number>): number {
    const sum = this.#sum;
    let dot = 0;
    for (let index = 0; index < sum.length; index += 1) dot += (sum[index] ?? 0) * (vector[index] ?? 0);
    return dot;
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
    return Array.from(this.#sum, (value) => value / count);
  }

  /** Earliest and latest published date of the members, in epoch ms; null when none is dated. */
  publishedRange(): { first: number; last: number } | null {
    if (this.#publishedRange !== undefined) return this.#publishedRange;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const member of this.members.values()) {
      const time = member.published ? Date.parse(member.published) : Number.NaN;
      if (Number.isNaN(time)) continue;
      first = Math.min(first, time);
      last = Math.max(last, time);
    }
    this.#publishedRange = Number.isFinite(first) ? { first, last } : null;
    return this.#publishedRange;
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

  #accumulate(member: StoryMembership, sign: 1 | -1): void {
    this.#version += 1;
    this.#publishedRange = undefined;
    const sum = this.#sum;
    for (let index = 0; index < sum.length; index += 1) sum[index] = (sum[index] ?? 0) + sign * (member.vector[index] ?? 0);
    let norm = 0;
    for (let index = 0; index < sum.length; index += 1) norm += (sum[index] ?? 0) ** 2;
    // Rounding leaves dust after the last member is removed; an empty story has no direction.
    this.#sumNorm = this.members.size === 0 ? 0 : Math.sqrt(norm);
    for (const entity of Object.keys(member.entities)) {
      const count = (this.entityCounts.get(entity) ?? 0) + sign;
      if (count <= 0) this.entityCounts.delete(entity);
      else this.entityCounts.set(entity, count);
    }
  }
}
