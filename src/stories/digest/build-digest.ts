import type { Article } from '../../core/article.js';
import type { ArticleStore } from '../../core/article-store.js';
import type { SubscriptionRecord } from '../../core/story.js';
import type { StoryStore } from '../../core/story-store.js';
import { termSet } from '../../text/terms.js';
import type { StoryService } from '../story-service.js';
import type { Digest, DigestArticle, DigestClaim, DigestConfirmation, DigestDispute, DigestOutlet, DigestStory } from './digest.js';

export interface DigestBuilderDependencies {
  store: ArticleStore;
  storyStore: StoryStore;
  stories: StoryService;
  /** Extra outlets of merged feed articles, by article id (the feed poller's state; articles without any are absent). */
  outletsOf?: (articleIds: string[]) => Promise<Map<string, DigestOutlet[]>>;
}

/** A query subscription follows at most this many stories, so a broad query cannot flood a channel. */
const MAX_QUERY_STORIES = 5;
/** Passages scanned for a query's stories. */
const QUERY_PASSAGES = 50;
/** Share of the query's content terms a passage must contain for its story to count as matching. */
const QUERY_TERM_COVERAGE = 0.6;
/** New articles listed per story; more are summarised by count in the renderers' "and N more". */
const MAX_ARTICLES_PER_STORY = 10;

/**
 * Builds the digest of one subscription for a window (since, until]: per tracked story, the articles that
 * arrived in the window, each one's key claim quoted, and the disputes that involve a new article.
 * "Arrived" is the article's ingestion time, so late-published or undated articles are never missed.
 */
export class DigestBuilder {
  readonly #deps: DigestBuilderDependencies;

  constructor(deps: DigestBuilderDependencies) {
    this.#deps = deps;
  }

  /** The digest of `subscription` for articles ingested after `since` (null: from the start) up to `until`. */
  async build(subscription: SubscriptionRecord, since: string | null, until: string): Promise<Digest> {
    const storyIds = await this.trackedStoryIds(subscription);
    const stories: DigestStory[] = [];
    for (const storyId of storyIds) {
      const story = await this.#storyDigest(storyId, since, until);
      if (story) stories.push(story);
    }
    return {
      subscriptionId: subscription.id,
      platform: subscription.platform,
      channelId: subscription.channelId,
      target: subscription.target,
      targetKind: subscription.targetKind,
      since,
      until,
      stories,
    };
  }

  /**
   * The stories a subscription covers now: its story, or for a query the stories with a passage holding
   * most of the query's words (re-evaluated at every digest, so stories that appear later are covered).
   * When no passage does, the story closest in meaning, if any, stands in.
   */
  async trackedStoryIds(subscription: SubscriptionRecord): Promise<string[]> {
    const { storyStore, store, stories } = this.#deps;
    if (subscription.targetKind === 'story') return (await storyStore.getStory(subscription.target)) ? [subscription.target] : [];
    const found: string[] = [];
    const queryTerms = termSet(subscription.target);
    if (queryTerms.size > 0) {
      const storyOf = await storyStore.storyIdsByArticle();
      const passages = await store.getPassages((await store.lexicalSearch(subscription.target, QUERY_PASSAGES)).map((hit) => hit.passageId));
      for (const passage of passages) {
        if (found.length >= MAX_QUERY_STORIES) break;
        const storyId = storyOf.get(passage.articleId);
        if (storyId === undefined || found.includes(storyId)) continue;
        const terms = termSet(passage.text);
        let covered = 0;
        for (const term of queryTerms) if (terms.has(term)) covered += 1;
        if (covered / queryTerms.size >= QUERY_TERM_COVERAGE) found.push(storyId);
      }
    }
    if (found.length > 0) return found;
    const best = await stories.find(subscription.target);
    return best !== null ? [best] : [];
  }

  async #storyDigest(storyId: string, since: string | null, until: string): Promise<DigestStory | null> {
    const { store, storyStore, stories } = this.#deps;
    const record = await storyStore.getStory(storyId);
    if (!record) return null;
    const untilTime = Date.parse(until);
    const sinceTime = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
    const fresh: Article[] = [];
    for (const member of await storyStore.listMembers(storyId)) {
      const article = await store.getArticle(member.articleId);
      if (!article) continue;
      const ingested = Date.parse(article.ingestedAt);
      if (ingested > sinceTime && ingested <= untilTime) fresh.push(article);
    }
    if (fresh.length === 0) return null;
    const freshIds = new Set(fresh.map((article) => article.id));
    const { timeline, disputes, confirmations } = await stories.timeline(storyId);
    const claims: DigestClaim[] = timeline
      .filter((entry) => freshIds.has(entry.citation.articleId))
      .map((entry) => ({ text: entry.text, citation: entry.citation }));
    const changed: DigestDispute[] = disputes
      .filter((dispute) => freshIds.has(dispute.counterCitation.articleId) || freshIds.has(dispute.claimCitation.articleId))
      .map((dispute) => ({
        change: freshIds.has(dispute.claimCitation.articleId) ? 'new' : 'newly_disputed',
        kind: dispute.kind,
        claim: { text: dispute.claim, citation: dispute.claimCitation },
        counter: { text: dispute.counter, citation: dispute.counterCitation },
        ...(dispute.disputedBy ? { disputedBy: dispute.disputedBy } : {}),
      }));
    const newlyConfirmed: DigestConfirmation[] = confirmations
      .filter((confirmation) => freshIds.has(confirmation.confirmationCitation.articleId) && !freshIds.has(confirmation.claimCitation.articleId))
      .map((confirmation) => ({
        claim: { text: confirmation.claim, citation: confirmation.claimCitation },
        confirmation: { text: confirmation.confirmation, citation: confirmation.confirmationCitation },
        ...(confirmation.confirmedBy ? { confirmedBy: confirmation.confirmedBy } : {}),
      }));
    const byDate = (a: Article, b: Article): number =>
      (b.published ?? b.ingestedAt).localeCompare(a.published ?? a.ingestedAt) || a.id.localeCompare(b.id);
    const listed = fresh.sort(byDate).slice(0, MAX_ARTICLES_PER_STORY);
    const outlets = (await this.#deps.outletsOf?.(listed.map((article) => article.id))) ?? new Map<string, DigestOutlet[]>();
    return {
      storyId,
      title: record.title,
      newArticleCount: fresh.length,
      newArticles: listed.map((article) => digestArticle(article, outlets.get(article.id) ?? [])),
      claims,
      disputes: changed,
      confirmations: newlyConfirmed,
    };
  }

}

function digestArticle(article: Article, otherOutlets: DigestOutlet[]): DigestArticle {
  return {
    articleId: article.id,
    title: article.title,
    source: article.source,
    url: article.url,
    published: article.published,
    otherOutlets,
  };
}
