/** Row mapping of the story tables (schema: sqlite-story-schema.ts) for the story and subscription stores. */
import type { DigestOutboxRecord, OutboxStatus, StoryHead, StoryMembership, StoryRecord, SubscriptionRecord } from '../core/story.js';
import { decodeFloat32Array, decodeVector } from './sqlite-vector-encoding.js';

export interface StoryRow {
  id: string;
  title: string;
  first_seen: string | null;
  last_seen: string | null;
  created_at: string;
  centroid: Buffer;
  entity: string;
  article_count: number;
}

/** The columns of a story row that `StoryHead` needs. */
export const STORY_HEAD_COLUMNS = 'id, title, first_seen, last_seen, created_at, article_count';

export type StoryHeadRow = Omit<StoryRow, 'centroid' | 'entity'>;

export interface MembershipRow {
  article_id: string;
  story_id: string;
  similarity: number;
  assigned_at: string;
  content_hash: string;
  vector: Buffer;
  entity: string;
  published: string | null;
  seen_at: string;
}

export interface SubscriptionRow {
  id: string;
  platform: string;
  channel_id: string;
  target_kind: SubscriptionRecord['targetKind'];
  target: string;
  cron: string;
  timezone: string;
  created_at: string;
  last_digest_at: string | null;
  active: number;
}

export interface OutboxRow {
  id: string;
  subscription_id: string;
  window_key: string;
  payload: string;
  status: OutboxStatus;
  created_at: string;
  sent_at: string | null;
}

/** Maps a row to its record. */
export const toStory = (row: StoryRow): StoryRecord => ({
  id: row.id,
  title: row.title,
  firstSeen: row.first_seen,
  lastSeen: row.last_seen,
  createdAt: row.created_at,
  centroid: decodeVector(row.centroid),
  entities: JSON.parse(row.entity) as Record<string, number>,
  articleCount: row.article_count,
});

/** Maps a row to its record. */
export const toStoryHead = (row: StoryHeadRow): StoryHead => ({
  id: row.id,
  title: row.title,
  firstSeen: row.first_seen,
  lastSeen: row.last_seen,
  createdAt: row.created_at,
  articleCount: row.article_count,
});

/** Maps a row to its record. */
export const toMembership = (row: MembershipRow): StoryMembership => ({
  articleId: row.article_id,
  storyId: row.story_id,
  similarity: row.similarity,
  assignedAt: row.assigned_at,
  contentHash: row.content_hash,
  vector: decodeFloat32Array(row.vector),
  entities: JSON.parse(row.entity) as Record<string, number>,
  published: row.published,
  seenAt: row.seen_at,
});

/** Maps a row to its record. */
export const toSubscription = (row: SubscriptionRow): SubscriptionRecord => ({
  id: row.id,
  platform: row.platform,
  channelId: row.channel_id,
  targetKind: row.target_kind,
  target: row.target,
  cron: row.cron,
  timezone: row.timezone,
  createdAt: row.created_at,
  lastDigestAt: row.last_digest_at,
  active: row.active === 1,
});

/** Maps a row to its record. */
export const toOutbox = (row: OutboxRow): DigestOutboxRecord => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  windowKey: row.window_key,
  payload: JSON.parse(row.payload) as unknown,
  status: row.status,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});
