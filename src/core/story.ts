/**
 * What the story and subscription stores keep: stories, which article belongs to which story, and — for
 * tracking and digests — subscriptions and the digest outbox. Plain data; each backend maps them to tables.
 */

/** A story as stored: an incrementally maintained cluster of articles about one development. */
export interface StoryRecord {
  /** `story-` + a short hash of the first article's id; never changes once given. */
  id: string;
  /** Derived from the most central article; may change as articles arrive. */
  title: string;
  /** Earliest and latest date of its articles (published, else ingested), ISO. */
  firstSeen: string | null;
  lastSeen: string | null;
  createdAt: string;
  /** Mean of the member article vectors (not normalised). */
  centroid: number[];
  /** Named entity (normalised) → number of member articles that mention it. */
  entities: Record<string, number>;
  articleCount: number;
}

/** A story without its centroid and entities: what story lists and loading the clusterer need. */
export type StoryHead = Omit<StoryRecord, 'centroid' | 'entities'>;

/** One article's place in a story, with what clustering needs to update the story without re-reading it. */
export interface StoryMembership {
  articleId: string;
  storyId: string;
  /** Score the article joined with (1 for the article that started the story). */
  similarity: number;
  assignedAt: string;
  /** The article's content hash when it was assigned; a different hash means it changed and is re-evaluated. */
  contentHash: string;
  /** Normalised article vector (a Float32Array when held by clustering: half the memory of numbers). */
  vector: ArrayLike<number>;
  /** The article's named entities, normalised, weighted (title entities count double). */
  entities: Record<string, number>;
  /** Published date (ISO) or null when the article has none. */
  published: string | null;
  /** Published, else ingested: what first/last seen are computed from. */
  seenAt: string;
}

/** A chat platform's id ('slack', 'discord', 'cli', …): any string, so a new platform needs no change here or in a schema. */
export type SubscriptionPlatform = string;
export type SubscriptionTargetKind = 'story' | 'query';

/** A channel following a story or a topic query on a digest schedule. */
export interface SubscriptionRecord {
  id: string;
  platform: SubscriptionPlatform;
  channelId: string;
  targetKind: SubscriptionTargetKind;
  /** A story id, or the query text. */
  target: string;
  cron: string;
  timezone: string;
  createdAt: string;
  lastDigestAt: string | null;
  active: boolean;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A digest recorded before it is sent, so each (subscription, window) is posted exactly once. */
export interface DigestOutboxRecord {
  id: string;
  subscriptionId: string;
  /** Identifies the schedule window, e.g. its start time; unique per subscription. */
  windowKey: string;
  /** The rendered-or-renderable digest, as JSON-serialisable data. */
  payload: unknown;
  status: OutboxStatus;
  createdAt: string;
  sentAt: string | null;
}
