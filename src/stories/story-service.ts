import type { Article } from '../core/article.js';
import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import type { StanceClassifier } from '../core/stance.js';
import type { ClaimStore } from '../core/claim-store.js';
import type { StoryHead, StoryMembership, StoryRecord } from '../core/story.js';
import type { StoryChanges, StoryStore } from '../core/story-store.js';
import { buildArticleProfiles, normalised } from './article-profile.js';
import { loadStoryArticles } from './story-articles.js';
import type { StoryCluster } from './story-cluster.js';
import { type ClusterTuning, StoryClusterer } from './story-clusterer.js';
import { type StoryDisputeFindings, storyDisputes } from './story-disputes.js';
import { storyTimeline } from './story-timeline.js';
import { storyTitle, titleNeedsFirstSentence } from './story-title.js';
import type { StoryDetail, StorySummary, TimelineEntry } from './story-view.js';

export interface StoryServiceDependencies {
  store: ArticleStore;
  storyStore: StoryStore;
  embedder: Embedder;
  /** The clock, injected so assignment times are testable. @default () => new Date() */
  now?: () => Date;
  /** Overrides of the clustering weights and thresholds. */
  tuning?: Partial<ClusterTuning>;
  /** Judges cross-outlet contradictions in story disputes; without it only denials and non-verifications count. */
  stanceClassifier?: StanceClassifier;
  /** Keeps the claims read from each article, so story views do not read them again. */
  claimStore?: ClaimStore;
}

/** What one `sync` did. */
export interface StorySyncReport {
  assigned: number;
  removed: number;
}

/** Articles profiled per round, so a catch-up over a large store never holds every article body at once. */
const PROFILE_BATCH = 200;
/** RRF constant: the usual 60, so one strong lexical hit does not drown the vector ranking. */
const RRF_K = 60;
/** Below this cosine a query is about none of the stories, unless words match. */
const MIN_QUERY_COSINE = 0.35;

/**
 * Stories as a use case: keeps every stored article in exactly one story as articles are indexed and
 * removed, and reads stories back as lists, timelines and disputes.
 */
export class StoryService {
  readonly #deps: StoryServiceDependencies;
  #clusterer: StoryClusterer;
  /** Articles whose stored vector came from another embedder: re-profiled (in place) by the next `sync`. */
  readonly #staleVectors = new Set<string>();
  /**
   * Each story's title with the central article (and its content hash) it came from: most writes of a story
   * keep its central article, and re-reading that article and its passages for the same title was a fifth of
   * the cost of saving stories during ingest.
   */
  readonly #titles = new Map<string, { articleId: string; contentHash: string; title: string }>();
  /** Every story's title as stored (loaded at open, kept current as this service writes), so `storyOf` needs no store read. */
  readonly #storedTitles = new Map<string, string>();
  /** The embedder's dimension and tuning, kept to build a fresh clustering state on `reload`. */
  readonly #dimension: number;

  private constructor(deps: StoryServiceDependencies) {
    this.#deps = deps;
    this.#dimension = deps.embedder.dimension;
    this.#clusterer = new StoryClusterer(this.#dimension, deps.tuning);
  }

  /** The service with the stored stories loaded into its clustering state. */
  static async open(deps: StoryServiceDependencies): Promise<StoryService> {
    const service = new StoryService(deps);
    await service.reload();
    return service;
  }

  /**
   * Loads the stories as stored, replacing what this service holds: how a process that does not cluster
   * (another replica leads) sees the stories the leader wrote. The new state is swapped in whole once loaded,
   * so reads meanwhile see the previous one.
   */
  async reload(): Promise<void> {
    const clusterer = new StoryClusterer(this.#dimension, this.#deps.tuning);
    const heads = await this.#deps.storyStore.listStoryHeads();
    await clusterer.load(heads, this.#comparableMemberships(this.#dimension));
    this.#clusterer = clusterer;
    this.#titles.clear();
    this.#storedTitles.clear();
    for (const head of heads) this.#storedTitles.set(head.id, head.title);
  }

  /** The stored memberships, one at a time; vectors of another embedder cannot be compared and are marked stale. */
  async *#comparableMemberships(dimension: number): AsyncIterable<StoryMembership> {
    for await (const member of this.#deps.storyStore.scanMemberships()) {
      if (member.vector.length === dimension) {
        yield member;
        continue;
      }
      // A zero vector keeps the article in its story until it is re-profiled.
      this.#staleVectors.add(member.articleId);
      yield { ...member, vector: new Float32Array(dimension) };
    }
  }

  /**
   * Brings stories in line with the article store: assigns articles that have no story yet (stores ingested
   * before stories existed), re-evaluates articles that changed, and drops articles that are gone. With
   * `reprofileAll` (after the embedder changed) every article is re-profiled; articles stay in their stories
   * unless another fits clearly better, so story ids survive an embedder switch.
   */
  async sync(options: { reprofileAll?: boolean } = {}): Promise<StorySyncReport> {
    const { store, storyStore } = this.#deps;
    const refs = await store.listArticleRefs();
    const live = new Set(refs.map((ref) => ref.id));
    const assigned = await storyStore.contentHashesByArticle();
    const gone = [...assigned.keys()].filter((id) => !live.has(id));
    if (gone.length > 0) await this.remove(gone);
    const stale = refs
      .filter((ref) => options.reprofileAll === true || this.#staleVectors.has(ref.id) || assigned.get(ref.id) !== ref.contentHash)
      .map((ref) => ref.id);
    for (let offset = 0; offset < stale.length; offset += PROFILE_BATCH) {
      const articles: Article[] = [];
      for (const id of stale.slice(offset, offset + PROFILE_BATCH)) {
        const article = await store.getArticle(id);
        if (article) articles.push(article);
      }
      await this.assign(articles);
    }
    this.#staleVectors.clear();
    return { assigned: stale.length, removed: gone.length };
  }

  /** Places new or changed articles in stories (oldest first, so a story starts with its earliest article). */
  async assign(articles: Article[]): Promise<void> {
    if (articles.length === 0) return;
    const { store, embedder } = this.#deps;
    const ordered = [...articles].sort((a, b) => (a.published ?? a.ingestedAt).localeCompare(b.published ?? b.ingestedAt) || a.id.localeCompare(b.id));
    const profiles = await buildArticleProfiles(ordered, store, embedder);
    const assignedAt = this.#now().toISOString();
    const touched = new Set<string>();
    for (const profile of profiles) {
      const placement = this.#clusterer.place(profile, assignedAt);
      touched.add(placement.storyId);
      if (placement.leftStoryId !== null) touched.add(placement.leftStoryId);
    }
    const batch = new Map(ordered.map((article) => [article.id, article]));
    await this.#persist(touched, batch);
  }

  /** Takes removed articles out of their stories; stories left empty disappear. */
  async remove(articleIds: string[]): Promise<void> {
    const touched = new Set<string>();
    for (const id of articleIds) {
      const removed = this.#clusterer.remove(id);
      if (removed) touched.add(removed.storyId);
    }
    await this.#persist(touched, new Map(), articleIds);
  }

  /** Every story, most recently active first. */
  async list(): Promise<StorySummary[]> {
    const { storyStore, store } = this.#deps;
    const articleIds = await storyStore.articleIdsByStory();
    const metas = await store.getArticleMetas([...articleIds.values()].flat());
    return (await storyStore.listStoryHeads()).map((story) => summaryOf(story, articleIds.get(story.id) ?? [], (id) => metas.get(id)?.source ?? null));
  }

  /** One story by id (or by the id of one of its articles), else the story that best matches a query. */
  async get(idOrQuery: string): Promise<StoryDetail | null> {
    const storyId = await this.find(idOrQuery);
    if (storyId === null) return null;
    const summary = (await this.list()).find((story) => story.id === storyId);
    if (!summary) return null;
    return { ...summary, ...(await this.timeline(storyId)) };
  }

  /** Resolves a story id, an article id or a free-text query to a story id. */
  async find(idOrQuery: string): Promise<string | null> {
    const text = idOrQuery.trim();
    if (text.length === 0) return null;
    if (this.#clusterer.get(text)) return text;
    const byArticle = this.#clusterer.storyIdOf(text);
    if (byArticle !== undefined) return byArticle;
    return this.#bestStoryForQuery(text);
  }

  /** The story an article belongs to, with its current title; null when the article is in none. */
  storyOf(articleId: string): { id: string; title: string } | null {
    const storyId = this.#clusterer.storyIdOf(articleId);
    if (storyId === undefined) return null;
    const title = this.#titles.get(storyId)?.title ?? this.#storedTitles.get(storyId);
    return title === undefined ? null : { id: storyId, title };
  }

  /** A story's developments (one per article, by date, each quoted with its citation), disputes and confirmations. */
  async timeline(storyId: string): Promise<{ timeline: TimelineEntry[] } & StoryDisputeFindings> {
    const articleIds = [...(this.#clusterer.get(storyId)?.members.keys() ?? [])];
    const articles = await loadStoryArticles(this.#deps.store, articleIds, this.#deps.claimStore);
    return { timeline: storyTimeline(articles), ...(await storyDisputes(articles, this.#deps.stanceClassifier)) };
  }

  async #bestStoryForQuery(query: string): Promise<string | null> {
    const { store, embedder } = this.#deps;
    const scores = new Map<string, number>();
    const passages = await store.getPassages((await store.lexicalSearch(query, 30)).map((hit) => hit.passageId));
    const lexicalStories: string[] = [];
    for (const passage of passages) {
      const storyId = this.#clusterer.storyIdOf(passage.articleId);
      if (storyId !== undefined && !lexicalStories.includes(storyId)) lexicalStories.push(storyId);
    }
    lexicalStories.forEach((storyId, rank) => {
      scores.set(storyId, 1 / (RRF_K + rank + 1));
    });
    const vector = normalised(await embedder.embedQuery(query));
    const byMeaning = [...this.#clusterer.clusters()]
      .map((cluster) => ({
        storyId: cluster.id,
        cosine: cluster.cosine(vector),
      }))
      .filter((item) => item.cosine >= MIN_QUERY_COSINE || scores.has(item.storyId))
      .sort((a, b) => b.cosine - a.cosine || a.storyId.localeCompare(b.storyId));
    byMeaning.forEach((item, rank) => {
      scores.set(item.storyId, (scores.get(item.storyId) ?? 0) + 1 / (RRF_K + rank + 1));
    });
    let best: string | null = null;
    let bestScore = 0;
    for (const [storyId, score] of scores) {
      if (score > bestScore || (score === bestScore && best !== null && storyId < best)) {
        best = storyId;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Writes the current state of the touched stories (deleting those left empty) and their members' rows, with
   * the removed articles' rows dropped, in one transaction. `batch` holds articles already in hand.
   */
  async #persist(storyIds: Set<string>, batch: ReadonlyMap<string, Article>, removedArticles: string[] = []): Promise<void> {
    const changes: Required<StoryChanges> = { removedArticles, deletedStories: [], savedStories: [], assigned: [] };
    const clusters: StoryCluster[] = [];
    for (const storyId of storyIds) {
      const cluster = this.#clusterer.get(storyId);
      if (cluster && cluster.size > 0) {
        clusters.push(cluster);
        continue;
      }
      this.#titles.delete(storyId);
      this.#storedTitles.delete(storyId);
      changes.deletedStories.push(storyId);
    }
    const stamps = await this.#deps.storyStore.memberStamps(clusters.flatMap((cluster) => [...cluster.members.keys()]));
    for (const cluster of clusters) {
      const { firstSeen, lastSeen } = cluster.seenRange();
      const record: StoryRecord = {
        id: cluster.id,
        title: await this.#titleOf(cluster, batch),
        firstSeen,
        lastSeen,
        createdAt: cluster.createdAt,
        centroid: cluster.centroid(),
        entities: Object.fromEntries(cluster.entityCounts),
        articleCount: cluster.size,
      };
      changes.savedStories.push(record);
      this.#storedTitles.set(record.id, record.title);
      // Rows filed under another story (the article moved here) are written too.
      for (const member of cluster.members.values()) {
        const stamp = stamps.get(member.articleId);
        if (stamp?.storyId !== cluster.id || stamp.contentHash !== member.contentHash || stamp.assignedAt !== member.assignedAt) {
          changes.assigned.push(member);
        }
      }
    }
    await this.#deps.storyStore.apply(changes);
  }

  /** The title from the story's central article, reused while that article and its content stay the same. */
  async #titleOf(cluster: StoryCluster, batch: ReadonlyMap<string, Article>): Promise<string> {
    const { store } = this.#deps;
    const centralId = cluster.centralArticleId();
    const contentHash = centralId !== null ? cluster.members.get(centralId)?.contentHash : undefined;
    const cached = this.#titles.get(cluster.id);
    if (cached !== undefined && cached.articleId === centralId && cached.contentHash === contentHash) return cached.title;
    const inBatch = centralId !== null ? batch.get(centralId) : undefined;
    const central = inBatch !== undefined && inBatch.contentHash === contentHash ? inBatch : centralId !== null ? await store.getArticle(centralId) : null;
    if (!central || contentHash === undefined) return cluster.id;
    const firstSentence = titleNeedsFirstSentence(central) ? (await store.getArticlePassages(central.id))[0]?.sentences[0] : undefined;
    const title = storyTitle(central, firstSentence);
    this.#titles.set(cluster.id, { articleId: central.id, contentHash, title });
    return title;
  }

  #now(): Date {
    return (this.#deps.now ?? (() => new Date()))();
  }
}

function summaryOf(story: StoryHead, articleIds: string[], sourceOf: (id: string) => string | null): StorySummary {
  const sources: string[] = [];
  for (const id of articleIds) {
    const source = sourceOf(id);
    if (source !== null && !sources.includes(source)) sources.push(source);
  }
  return {
    id: story.id,
    title: story.title,
    articleIds,
    sources,
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
  };
}
