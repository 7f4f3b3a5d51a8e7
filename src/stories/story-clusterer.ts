import { sha256 } from '../ingest/content-hash.js';
import type { ArticleProfile } from './article-profile.js';
import { StoryCluster } from './story-cluster.js';
import type { StoryMembership } from './story-records.js';

/** How an article is scored against a story. Tuned on fixtures and the RealTime QA corpus (see the report). */
export interface ClusterTuning {
  /** Weight of the cosine between the article vector and the story centroid. @default 0.6 */
  vectorWeight: number;
  /** Weight of the IDF-weighted entity cosine. @default 0.4 */
  entityWeight: number;
  /** Most that distance in time can take off the score. @default 0.2 */
  timeWeight: number;
  /** Days over which time closeness decays (e-folding). @default 7 */
  timeScaleDays: number;
  /** Score an article needs to join a story rather than start its own. @default 0.55 */
  joinThreshold: number;
  /** How much better another story must fit before a changed article moves there. @default 0.1 */
  moveMargin: number;
}

export const DEFAULT_TUNING: ClusterTuning = {
  vectorWeight: 0.6,
  entityWeight: 0.4,
  timeWeight: 0.2,
  timeScaleDays: 7,
  joinThreshold: 0.55,
  moveMargin: 0.1,
};

const DAY_MS = 86_400_000;

/** Where an article went. */
export interface Placement {
  storyId: string;
  similarity: number;
  /** True when the article started a new story. */
  created: boolean;
  /** The story it left, when it moved. */
  leftStoryId: string | null;
}

/** The story id for a story started by `articleId`: short, stable, and independent of what joins later. */
export function storyIdFor(articleId: string): string {
  return `story-${sha256(articleId).slice(0, 10)}`;
}

/**
 * Incremental single-pass clustering, as news aggregators build "full coverage" clusters: each article joins
 * the best-fitting existing story when the fit is good enough, or starts a new one. Scores combine meaning
 * (embedding cosine), shared names (entity cosine, IDF-weighted, so "Port Ellery" counts and "US" barely
 * does) and closeness in time. Story ids never change once given.
 */
export class StoryClusterer {
  readonly tuning: ClusterTuning;
  readonly #dimension: number;
  readonly #clusters = new Map<string, StoryCluster>();
  readonly #storyOfArticle = new Map<string, string>();
  /** Entity → number of assigned articles mentioning it, for IDF. */
  readonly #documentFrequency = new Map<string, number>();

  constructor(dimension: number, tuning: Partial<ClusterTuning> = {}) {
    this.#dimension = dimension;
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
  }

  /** Restores stored stories and memberships. */
  load(stories: { id: string; createdAt: string }[], memberships: StoryMembership[]): void {
    for (const story of stories) this.#clusters.set(story.id, new StoryCluster(story.id, story.createdAt, this.#dimension));
    for (const member of memberships) {
      const cluster = this.#clusters.get(member.storyId);
      if (cluster) this.#addMember(cluster, member);
    }
  }

  get(storyId: string): StoryCluster | undefined {
    return this.#clusters.get(storyId);
  }

  storyIdOf(articleId: string): string | undefined {
    return this.#storyOfArticle.get(articleId);
  }

  clusters(): IterableIterator<StoryCluster> {
    return this.#clusters.values();
  }

  /**
   * Assigns a new or changed article. A changed article stays in its story unless another fits clearly
   * better, so stories and their ids do not churn on re-ingest.
   */
  place(profile: ArticleProfile, assignedAt: string): Placement {
    const currentId = this.#storyOfArticle.get(profile.articleId) ?? null;
    if (currentId !== null) this.#removeMember(profile.articleId, false);
    const current = currentId !== null ? this.#clusters.get(currentId) : undefined;

    let best: StoryCluster | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const cluster of this.#clusters.values()) {
      if (cluster.size === 0) continue;
      const score = this.score(profile, cluster, bestScore);
      if (score > bestScore) {
        best = cluster;
        bestScore = score;
      }
    }

    const { joinThreshold, moveMargin } = this.tuning;
    let target: StoryCluster | null = best !== null && bestScore >= joinThreshold ? best : null;
    let similarity = bestScore;
    if (current) {
      const currentScore = current.size > 0 ? this.score(profile, current, Number.NEGATIVE_INFINITY) : joinThreshold;
      const clearlyElsewhere = target !== null && target !== current && bestScore >= currentScore + moveMargin;
      if (!clearlyElsewhere) {
        target = current;
        similarity = current.size > 0 ? currentScore : 1;
      }
    }
    let created = false;
    if (target === null) {
      target = new StoryCluster(this.#newStoryId(profile.articleId), assignedAt, this.#dimension);
      this.#clusters.set(target.id, target);
      similarity = 1;
      created = true;
    }
    this.#addMember(target, {
      ...profile,
      storyId: target.id,
      similarity: Math.min(1, similarity),
      assignedAt,
    });
    const leftStoryId = currentId !== null && currentId !== target.id ? currentId : null;
    if (leftStoryId !== null && current?.size === 0) this.#clusters.delete(leftStoryId);
    return { storyId: target.id, similarity, created, leftStoryId };
  }

  /** Takes an article out of its story; returns the story id, and whether the story is now empty (and gone). */
  remove(articleId: string): { storyId: string; emptied: boolean } | null {
    return this.#removeMember(articleId, true);
  }

  /**
   * How well an article fits a story. `toBeat` lets the entity part be skipped when the story cannot win.
   */
  score(profile: ArticleProfile, cluster: StoryCluster, toBeat: number): number {
    const { vectorWeight, entityWeight } = this.tuning;
    const meaning = vectorWeight * cluster.cosine(profile.vector);
    if (meaning + entityWeight < toBeat) return meaning;
    return meaning + entityWeight * this.#entitySimilarity(profile, cluster) - this.#timePenalty(profile, cluster);
  }

  #entitySimilarity(profile: ArticleProfile, cluster: StoryCluster): number {
    let dot = 0;
    let articleNorm = 0;
    for (const [entity, weight] of Object.entries(profile.entities)) {
      const idf = this.#idf(entity);
      // Names no other article mentions cannot be shared; leaving them out keeps long articles comparable.
      if (idf === 0) continue;
      const articleWeight = weight * idf;
      articleNorm += articleWeight ** 2;
      dot += articleWeight * idf * cluster.entityShare(entity);
    }
    if (dot === 0) return 0;
    let storyNorm = 0;
    for (const entity of cluster.entityCounts.keys()) storyNorm += (this.#idf(entity) * cluster.entityShare(entity)) ** 2;
    return dot / Math.sqrt(articleNorm * storyNorm);
  }

  #timePenalty(profile: ArticleProfile, cluster: StoryCluster): number {
    const time = profile.published ? Date.parse(profile.published) : Number.NaN;
    const range = cluster.publishedRange();
    // Undated articles or stories are neither helped nor hurt by time.
    if (Number.isNaN(time) || range === null) return 0;
    const gapDays = Math.max(0, range.first - time, time - range.last) / DAY_MS;
    return this.tuning.timeWeight * (1 - Math.exp(-gapDays / this.tuning.timeScaleDays));
  }

  /** IDF over assigned articles, counting the scored article itself as one more; 0 when only it has the name. */
  #idf(entity: string): number {
    const frequency = this.#documentFrequency.get(entity) ?? 0;
    if (frequency === 0) return 0;
    return Math.log(1 + (this.#storyOfArticle.size + 1) / (frequency + 1));
  }

  #newStoryId(articleId: string): string {
    const base = storyIdFor(articleId);
    let id = base;
    // A story keeps its id after its first article is removed; a later story from that article needs another.
    for (let suffix = 2; this.#clusters.has(id); suffix += 1) id = `${base}-${suffix}`;
    return id;
  }

  #addMember(cluster: StoryCluster, member: StoryMembership): void {
    cluster.add(member);
    this.#storyOfArticle.set(member.articleId, cluster.id);
    for (const entity of Object.keys(member.entities)) this.#documentFrequency.set(entity, (this.#documentFrequency.get(entity) ?? 0) + 1);
  }

  #removeMember(articleId: string, dropEmpty: boolean): { storyId: string; emptied: boolean } | null {
    const storyId = this.#storyOfArticle.get(articleId);
    const cluster = storyId !== undefined ? this.#clusters.get(storyId) : undefined;
    if (storyId === undefined || !cluster) return null;
    const member = cluster.remove(articleId);
    this.#storyOfArticle.delete(articleId);
    for (const entity of Object.keys(member?.entities ?? {})) {
      const frequency = (this.#documentFrequency.get(entity) ?? 0) - 1;
      if (frequency <= 0) this.#documentFrequency.delete(entity);
      else this.#documentFrequency.set(entity, frequency);
    }
    const emptied = cluster.size === 0;
    if (emptied && dropEmpty) this.#clusters.delete(storyId);
    return { storyId, emptied };
  }
}
