/** The story tables' schema and row mapping for `SqliteStoryStore`. */
import type { DigestOutboxRecord, OutboxStatus, StoryHead, StoryMembership, StoryRecord, SubscriptionPlatform, SubscriptionRecord } from '../stories/story-records.js';
import { decodeFloat32Array, decodeVector } from './sqlite-vector-encoding.js';

/**
 * The story tables live in the article store's database file but are created here, with their own connection:
 * WAL mode lets both connections work side by side, and the article store's migrations stay its own.
 */
export const STORY_SCHEMA = `
CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  first_seen TEXT,
  last_seen TEXT,
  created_at TEXT NOT NULL,
  centroid BLOB NOT NULL,
  entity TEXT NOT NULL DEFAULT '{}',
  article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS stories_last_seen ON stories(last_seen);
CREATE TABLE IF NOT EXISTS story_articles (
  article_id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  similarity REAL NOT NULL,
  assigned_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  vector BLOB NOT NULL,
  entity TEXT NOT NULL DEFAULT '{}',
  published TEXT,
  seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id);
CREATE TABLE IF NOT EXISTS subscriptions (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'cli')),
  channel_id TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('story', 'query')),
  target TEXT NOT NULL,
  cron TEXT NOT NULL,
  timezone TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_digest_at TEXT,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS subscriptions_channel ON subscriptions(platform, channel_id);
CREATE TABLE IF NOT EXISTS digest_outbox (
  id TEXT PRIMARY KEY,
  subscription_id TEXT NOT NULL,
  window_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  created_at TEXT NOT NULL,
  sent_at TEXT,
  UNIQUE (subscription_id, window_key)
);
`;

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
  platform: SubscriptionPlatform;
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
