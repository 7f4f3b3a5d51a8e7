import { sha256 } from '../ingest/content-hash.js';
import type { ArticleProfile } from './article-profile.js';
import { type CentredVector, CorpusCentring } from './corpus-centring.js';
import { HEAD_DIMENSIONS, StoryCluster } from './story-cluster.js';
import type { StoryMembership } from './story-records.js';
import { StoryTimeIndex } from './story-time-index.js';

/** How an article is scored against a story. Tuned on fixtures and the RealTime QA corpus (see the report). */
export interface ClusterTuning {
  /** Weight of the cosine between the article vector and the story centroid. @default 0.6 */
  vectorWeight: number;
  /** Weight of the IDF-weighted entity cosine. @default 0.4 */
  entityWeight: number;
  /** Most that distance in time can take off the score. @default 0.4 */
  timeWeight: number;
  /** Days over which time closeness decays (e-folding). @default 7 */
  timeScaleDays: number;
  /** Score an article needs to join a story rather than start its own. @default 0.3 */
  joinThreshold: number;
  /** How much better another story must fit before a changed article moves there. @default 0.1 */
  moveMargin: number;
}

export const DEFAULT_TUNING: ClusterTuning = {
  vectorWeight: 0.6,
  entityWeight: 0.4,
  timeWeight: 0.4,
  timeScaleDays: 7,
  joinThreshold: 0.3,
  moveMargin: 0.1,
};

const DAY_MS = 86_400_000;
/** Names in more articles than this share (and this count) are too common to tell stories apart. */
const COMMON_ENTITY_SHARE = 0.05;
const COMMON_ENTITY_MIN_ARTICLES = 20;
/**
 * Days added to the time window of candidate stories: cached parts of the centred cosine drift a little, so a
 * cosine can come out a hair above 1; a day's slack keeps such a story in the window.
 */
const WINDOW_SLACK_DAYS = 1;
/** Room left for rounding when a bound rules a story out: far above the ~1e-13 error of a 768-d dot product. */
const BOUND_MARGIN = 1e-6;

interface SharedNames {
  dots: Map<StoryCluster, number>;
  articleNorm: number;
}

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
  /**
   * Norm of each story's entity vector, with the story version and article count it was computed at. IDF
   * drifts slowly as articles arrive, so the norm is recomputed when the story changes or the corpus has
   * grown by a tenth — recomputing it for every comparison made clustering quadratic in entities.
   */
  readonly #centring: CorpusCentring;
  /** Entity → the stories whose articles mention it. */
  readonly #postings = new Map<string, Set<StoryCluster>>();
  readonly #entityNorms = new WeakMap<StoryCluster, { version: number; articles: number; norm: number }>();
  /** Stories by publication day, for the stories close enough in time to join without a shared name. */
  readonly #timeIndex = new StoryTimeIndex();
  /** See `maxGapWithoutNames`. */
  readonly #maxGapDays: number;
  /** Counts placements, to mark the stories already scored for the current one (see `StoryCluster.lastScoredRound`). */
  #round = 0;

  constructor(dimension: number, tuning: Partial<ClusterTuning> = {}) {
    this.#dimension = dimension;
    this.#centring = new CorpusCentring(dimension);
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.#maxGapDays = maxGapWithoutNames(this.tuning) + WINDOW_SLACK_DAYS;
  }

  /** Restores stored stories and memberships. */
  async load(stories: { id: string; createdAt: string }[], memberships: AsyncIterable<StoryMembership> | Iterable<StoryMembership>): Promise<void> {
    for (const story of stories) this.#clusters.set(story.id, new StoryCluster(story.id, story.createdAt, this.#dimension));
    for await (const member of memberships) {
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

    const names = this.#sharedNames(profile);
    const article = this.#centring.centre(profile.vector);
    const time = publishedTime(profile);
    // The first best in candidate order wins ties, as it always has.
    const fittest: { cluster: StoryCluster | null; score: number } = { cluster: null, score: Number.NEGATIVE_INFINITY };
    this.#round += 1;
    const round = this.#round;
    this.#forEachCandidate(time, names, (cluster) => {
      if (cluster.lastScoredRound === round) return;
      cluster.lastScoredRound = round;
      if (cluster.size === 0) return;
      const score = this.#scoreIfItCanJoin(time, cluster, names, article);
      if (score > fittest.score) {
        fittest.cluster = cluster;
        fittest.score = score;
      }
    });
    const best = fittest.cluster;
    const bestScore = fittest.score;

    const { joinThreshold, moveMargin } = this.tuning;
    let target: StoryCluster | null = best !== null && bestScore >= joinThreshold ? best : null;
    let similarity = bestScore;
    if (current) {
      const currentScore = current.size > 0 ? this.#score(time, current, names, article) : joinThreshold;
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
      vector: Float32Array.from(profile.vector),
      storyId: target.id,
      similarity: Math.min(1, similarity),
      assignedAt,
    });
    const leftStoryId = currentId !== null && currentId !== target.id ? currentId : null;
    if (leftStoryId !== null && current?.size === 0) this.#deleteCluster(current);
    return { storyId: target.id, similarity, created, leftStoryId };
  }

  /** Takes an article out of its story; returns the story id, and whether the story is now empty (and gone). */
  remove(articleId: string): { storyId: string; emptied: boolean } | null {
    return this.#removeMember(articleId, true);
  }

  /** How well an article fits a story (for diagnostics and tuning). */
  score(profile: ArticleProfile, cluster: StoryCluster): number {
    return this.#score(publishedTime(profile), cluster, this.#sharedNames(profile), this.#centring.centre(profile.vector));
  }

  /**
   * Visits the stories an article could join (some more than once). A story sharing no name scores at most
   * vectorWeight × 1 − time penalty, so beyond `#maxGapDays` it cannot reach the threshold: the stories sharing
   * a name plus the stories within that window hold every story that can, and the best of them is the best of
   * all. Undated articles have no time penalty, so they are compared with every story.
   */
  #forEachCandidate(time: number, names: SharedNames, visit: (cluster: StoryCluster) => void): void {
    if (Number.isNaN(time) || !Number.isFinite(this.#maxGapDays)) {
      for (const cluster of this.#clusters.values()) visit(cluster);
      return;
    }
    this.#timeIndex.forEachNear(time, this.#maxGapDays, visit);
    for (const cluster of names.dots.keys()) visit(cluster);
  }

  #score(time: number, cluster: StoryCluster, names: SharedNames, article: CentredVector): number {
    return this.tuning.vectorWeight * this.#centring.cosine(article, cluster) + this.#nameAndTimeScore(time, cluster, names);
  }

  /**
   * The score, or −∞ when it is sure to fall below the join threshold. Most candidates are near in time but
   * about something else: the head of the dot product plus a Cauchy–Schwarz bound on the tail (|S_tail|·|c_tail|)
   * bounds the cosine from above, and when even that score misses the threshold the tail is not computed. A
   * story below the threshold can never be joined, so skipping it changes no placement; the caches the score
   * reads are consulted as before, so they refresh at the same moments.
   */
  #scoreIfItCanJoin(time: number, cluster: StoryCluster, names: SharedNames, article: CentredVector): number {
    const rest = this.#nameAndTimeScore(time, cluster, names);
    // The bound holds only while a higher cosine means a higher score.
    if (this.tuning.vectorWeight <= 0) return this.tuning.vectorWeight * this.#centring.cosine(article, cluster) + rest;
    const head = cluster.dotSum(article.centred, 0, HEAD_DIMENSIONS);
    const bound = this.#centring.cosineOfSumDot(head + cluster.tailNorm * article.tailNorm, article, cluster);
    if (this.tuning.vectorWeight * bound + rest < this.tuning.joinThreshold - BOUND_MARGIN) return Number.NEGATIVE_INFINITY;
    return this.tuning.vectorWeight * this.#centring.cosineOfSumDot(this.#centring.sumDot(article, cluster, head), article, cluster) + rest;
  }

  /** The entity part of the score minus the time penalty. */
  #nameAndTimeScore(time: number, cluster: StoryCluster, names: SharedNames): number {
    const dot = names.dots.size === 0 ? 0 : (names.dots.get(cluster) ?? 0);
    const entities = dot === 0 ? 0 : dot / (names.articleNorm * this.#storyEntityNorm(cluster));
    return this.tuning.entityWeight * entities - this.#timePenalty(time, cluster);
  }

  /**
   * The entity dot products of an article with every story that shares a name with it, through the
   * entity → stories postings: far cheaper than comparing entity lists story by story.
   */
  #sharedNames(profile: ArticleProfile): SharedNames {
    const dots = new Map<StoryCluster, number>();
    let squares = 0;
    for (const [entity, weight] of Object.entries(profile.entities)) {
      const idf = this.#idf(entity);
      // Names no other article mentions cannot be shared; leaving them out keeps long articles comparable.
      if (idf === 0) continue;
      const articleWeight = weight * idf;
      squares += articleWeight ** 2;
      for (const cluster of this.#postings.get(entity) ?? []) {
        dots.set(cluster, (dots.get(cluster) ?? 0) + articleWeight * idf * cluster.entityShare(entity));
      }
    }
    return { dots, articleNorm: Math.sqrt(squares) };
  }

  #storyEntityNorm(cluster: StoryCluster): number {
    const articles = this.#storyOfArticle.size;
    const cached = this.#entityNorms.get(cluster);
    if (cached && cached.version === cluster.version && articles <= cached.articles * 1.1 + 10) return cached.norm;
    let squares = 0;
    for (const entity of cluster.entityCounts.keys()) squares += (this.#idf(entity) * cluster.entityShare(entity)) ** 2;
    const norm = Math.sqrt(squares);
    this.#entityNorms.set(cluster, { version: cluster.version, articles, norm });
    return norm;
  }

  #timePenalty(time: number, cluster: StoryCluster): number {
    const range = cluster.publishedRange();
    // Undated articles or stories are neither helped nor hurt by time.
    if (Number.isNaN(time) || range === null) return 0;
    const gapDays = Math.max(0, range.first - time, time - range.last) / DAY_MS;
    return this.tuning.timeWeight * (1 - Math.exp(-gapDays / this.tuning.timeScaleDays));
  }

  /**
   * IDF over assigned articles, counting the scored article itself as one more. 0 when only it has the name
   * (nothing to share) and for names in more than 5% of articles ("US", an outlet's boilerplate): they say
   * little about which story an article belongs to and would make every comparison walk long postings.
   */
  #idf(entity: string): number {
    const frequency = this.#documentFrequency.get(entity) ?? 0;
    const articles = this.#storyOfArticle.size;
    if (frequency === 0 || frequency > Math.max(COMMON_ENTITY_MIN_ARTICLES, COMMON_ENTITY_SHARE * articles)) return 0;
    return Math.log(1 + (this.#storyOfArticle.size + 1) / (frequency + 1));
  }

  #newStoryId(articleId: string): string {
    const base = storyIdFor(articleId);
    let id = base;
    // A story keeps its id after its first article is removed; a later story from that article needs another.
    for (let suffix = 2; this.#clusters.has(id); suffix += 1) id = `${base}-${suffix}`;
    return id;
  }

  #deleteCluster(cluster: StoryCluster): void {
    this.#clusters.delete(cluster.id);
    this.#timeIndex.delete(cluster);
  }

  #addMember(cluster: StoryCluster, member: StoryMembership): void {
    cluster.add(member);
    this.#timeIndex.update(cluster);
    this.#storyOfArticle.set(member.articleId, cluster.id);
    this.#centring.add(member.vector);
    for (const entity of Object.keys(member.entities)) {
      this.#documentFrequency.set(entity, (this.#documentFrequency.get(entity) ?? 0) + 1);
      const stories = this.#postings.get(entity);
      if (stories) stories.add(cluster);
      else this.#postings.set(entity, new Set([cluster]));
    }
  }

  #removeMember(articleId: string, dropEmpty: boolean): { storyId: string; emptied: boolean } | null {
    const storyId = this.#storyOfArticle.get(articleId);
    const cluster = storyId !== undefined ? this.#clusters.get(storyId) : undefined;
    if (storyId === undefined || !cluster) return null;
    const member = cluster.remove(articleId);
    this.#timeIndex.update(cluster);
    this.#storyOfArticle.delete(articleId);
    if (member) this.#centring.add(member.vector, -1);
    for (const entity of Object.keys(member?.entities ?? {})) {
      const frequency = (this.#documentFrequency.get(entity) ?? 0) - 1;
      if (frequency <= 0) this.#documentFrequency.delete(entity);
      else this.#documentFrequency.set(entity, frequency);
      if (!cluster.entityCounts.has(entity)) this.#postings.get(entity)?.delete(cluster);
    }
    const emptied = cluster.size === 0;
    if (emptied && dropEmpty) this.#deleteCluster(cluster);
    return { storyId, emptied };
  }
}

function publishedTime(profile: ArticleProfile): number {
  return profile.published ? Date.parse(profile.published) : Number.NaN;
}

/**
 * The largest gap in days at which a story sharing no name with an article can still reach the join threshold:
 * with cosine at most 1, the time penalty must stay within vectorWeight − joinThreshold. Infinite when even the
 * largest penalty leaves room.
 */
export function maxGapWithoutNames(tuning: ClusterTuning): number {
  const room = tuning.vectorWeight - tuning.joinThreshold;
  if (room >= tuning.timeWeight) return Number.POSITIVE_INFINITY;
  if (room <= 0) return 0;
  return -tuning.timeScaleDays * Math.log(1 - room / tuning.timeWeight);
}
