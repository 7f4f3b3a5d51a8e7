import type { DisputeKind } from '../../core/answer.js';
import type { SubscriptionPlatform } from '../story-records.js';
import type { StoryCitation } from '../story-view.js';

/** Another outlet that ran the same article (merged near-duplicate). */
export interface DigestOutlet {
  source: string | null;
  url: string;
}

/** An article that arrived since the last digest. */
export interface DigestArticle {
  articleId: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  /** Other outlets with the same text. */
  otherOutlets: DigestOutlet[];
}

/** A key claim of a new article, quoted verbatim. */
export interface DigestClaim {
  text: string;
  citation: StoryCitation;
}

/**
 * A dispute that is new in this window: `new` when both sides arrived since the last digest,
 * `newly_disputed` when an earlier claim is now denied or contradicted by a new article.
 */
export interface DigestDispute {
  change: 'new' | 'newly_disputed';
  kind: DisputeKind;
  claim: DigestClaim;
  counter: DigestClaim;
  disputedBy?: string;
}

/** An earlier claim of the story that an article of this window confirms. */
export interface DigestConfirmation {
  claim: DigestClaim;
  confirmation: DigestClaim;
  confirmedBy?: string;
}

/** What changed in one story. */
export interface DigestStory {
  storyId: string;
  title: string;
  /** All articles that arrived in the window; `newArticles` lists the newest few of them. */
  newArticleCount: number;
  newArticles: DigestArticle[];
  claims: DigestClaim[];
  disputes: DigestDispute[];
  confirmations: DigestConfirmation[];
}

/** One digest for one subscription and one window (since, until]. */
export interface Digest {
  subscriptionId: string;
  platform: SubscriptionPlatform;
  channelId: string;
  /** What the channel tracks: a story id or a query. */
  target: string;
  targetKind: 'story' | 'query';
  /** Exclusive start (ISO); null for "everything so far". */
  since: string | null;
  /** Inclusive end (ISO): the scheduled run time for scheduled digests. */
  until: string;
  stories: DigestStory[];
}

/** True when a digest has nothing new to say. */
export function isEmptyDigest(digest: Digest): boolean {
  return digest.stories.every((story) => story.newArticles.length === 0 && story.disputes.length === 0);
}
