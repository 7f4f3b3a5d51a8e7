import type Database from 'better-sqlite3';
import type { DigestOutboxRecord, OutboxStatus, StoryHead, StoryMembership, StoryRecord, SubscriptionPlatform, SubscriptionRecord } from '../stories/story-records.js';
import {
  type MembershipRow,
  type OutboxRow,
  STORY_SCHEMA,
  STORY_HEAD_COLUMNS,
  type StoryHeadRow,
  type StoryRow,
  type SubscriptionRow,
  toMembership,
  toOutbox,
  toStory,
  toStoryHead,
  toSubscription,
} from './sqlite-story-rows.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { encodeVector } from './sqlite-vector-encoding.js';

/** Filters for listing subscriptions. */
export interface SubscriptionFilter {
  platform?: SubscriptionPlatform;
  channelId?: string;
  /** Only active subscriptions. @default false */
  activeOnly?: boolean;
}

/** Stories, story membership, subscriptions and the digest outbox on SQLite. */
export class SqliteStoryStore {
  private readonly database: Database.Database;

  /** Prepared statements by SQL: preparing is a parse and plan each time, and ingest runs the same few thousands of times. */
  readonly #statements = new Map<string, Database.Statement>();

  private constructor(database: Database.Database) {
    this.database = database;
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.database.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Opens (creating the tables if missing) the story tables in the database at `path`, or in memory. */
  static open(path: string): SqliteStoryStore {
    return new SqliteStoryStore(openSqliteDatabase(path, STORY_SCHEMA));
  }

  /** Runs `work` in one write transaction (all of it or none of it is stored). */
  transaction<T>(work: () => T): T {
    return this.database.transaction(work).immediate();
  }

  // ---- stories ----

  getStory(id: string): StoryRecord | null {
    const row = this.#statement('SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
    return row ? toStory(row) : null;
  }

  /** All stories, most recently active first (stories without dates last), then by id for a stable order. */
  listStories(): StoryRecord[] {
    const rows = this.#statement('SELECT * FROM stories ORDER BY last_seen IS NULL, last_seen DESC, created_at DESC, id').all() as StoryRow[];
    return rows.map(toStory);
  }

  /** `listStories` without centroids and entities, in the same order: thousands of centroids are a lot of memory to decode for a list. */
  listStoryHeads(): StoryHead[] {
    const rows = this.#statement(`SELECT ${STORY_HEAD_COLUMNS} FROM stories ORDER BY last_seen IS NULL, last_seen DESC, created_at DESC, id`)
      .all() as StoryHeadRow[];
    return rows.map(toStoryHead);
  }

  /** Inserts or replaces a story. */
  saveStory(story: StoryRecord): void {
    this.#statement(
      `INSERT INTO stories (id, title, first_seen, last_seen, created_at, centroid, entity, article_count)
       VALUES (@id, @title, @firstSeen, @lastSeen, @createdAt, @centroid, @entity, @articleCount)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
         centroid = excluded.centroid, entity = excluded.entity, article_count = excluded.article_count`,
    ).run({
      ...story,
      centroid: encodeVector(story.centroid),
      entity: JSON.stringify(story.entities),
    });
  }

  /** Deletes a story and its memberships. */
  deleteStory(id: string): void {
    this.#statement('DELETE FROM story_articles WHERE story_id = ?').run(id);
    this.#statement('DELETE FROM stories WHERE id = ?').run(id);
  }

  // ---- memberships ----

  getMembership(articleId: string): StoryMembership | null {
    const row = this.#statement('SELECT * FROM story_articles WHERE article_id = ?').get(articleId) as MembershipRow | undefined;
    return row ? toMembership(row) : null;
  }

  /** What `StoryService` compares to decide whether a member's row needs writing, for the rows filed under a story. */
  memberStamps(storyId: string): Map<string, { contentHash: string; assignedAt: string }> {
    const rows = this.#statement('SELECT article_id, content_hash, assigned_at FROM story_articles WHERE story_id = ?').all(storyId) as {
      article_id: string;
      content_hash: string;
      assigned_at: string;
    }[];
    return new Map(rows.map((row) => [row.article_id, { contentHash: row.content_hash, assignedAt: row.assigned_at }]));
  }

  /** The articles of a story, oldest first (by seen date, then id). */
  listMembers(storyId: string): StoryMembership[] {
    const rows = this.#statement('SELECT * FROM story_articles WHERE story_id = ? ORDER BY seen_at, article_id').all(storyId) as MembershipRow[];
    return rows.map(toMembership);
  }

  /** Every membership, for loading the clustering state in one pass. */
  listAllMemberships(): StoryMembership[] {
    return (this.#statement('SELECT * FROM story_articles ORDER BY seen_at, article_id').all() as MembershipRow[]).map(toMembership);
  }

  /**
   * Every membership, one row at a time, for loading the clustering state without holding every stored row at
   * once. Do not use the store until the iteration ends (the connection is busy while it runs).
   */
  *iterateMemberships(): IterableIterator<StoryMembership> {
    for (const row of this.#statement('SELECT * FROM story_articles ORDER BY seen_at, article_id').iterate() as IterableIterator<MembershipRow>) {
      yield toMembership(row);
    }
  }

  /** Article id → story id for every assigned article (cheap: no vectors). */
  storyIdsByArticle(): Map<string, string> {
    const rows = this.#statement('SELECT article_id, story_id FROM story_articles').all() as { article_id: string; story_id: string }[];
    return new Map(rows.map((row) => [row.article_id, row.story_id]));
  }

  /** Article id → the content hash it was clustered with, for spotting changed articles (cheap: no vectors). */
  contentHashesByArticle(): Map<string, string> {
    const rows = this.#statement('SELECT article_id, content_hash FROM story_articles').all() as { article_id: string; content_hash: string }[];
    return new Map(rows.map((row) => [row.article_id, row.content_hash]));
  }

  /** Story id → its article ids, oldest first. */
  articleIdsByStory(): Map<string, string[]> {
    const rows = this.#statement('SELECT article_id, story_id FROM story_articles ORDER BY seen_at, article_id').all() as {
      article_id: string;
      story_id: string;
    }[];
    const byStory = new Map<string, string[]>();
    for (const row of rows) {
      const list = byStory.get(row.story_id);
      if (list) list.push(row.article_id);
      else byStory.set(row.story_id, [row.article_id]);
    }
    return byStory;
  }

  /** Puts an article in a story (moving it if it was elsewhere). The story row must exist. */
  assignArticle(membership: StoryMembership): void {
    this.#statement(
      `INSERT OR REPLACE INTO story_articles (article_id, story_id, similarity, assigned_at, content_hash, vector, entity, published, seen_at)
       VALUES (@articleId, @storyId, @similarity, @assignedAt, @contentHash, @vector, @entity, @published, @seenAt)`,
    ).run({
      ...membership,
      vector: encodeVector(membership.vector),
      entity: JSON.stringify(membership.entities),
    });
  }

  /** Takes an article out of its story; returns the membership it had. */
  removeArticle(articleId: string): StoryMembership | null {
    const existing = this.getMembership(articleId);
    if (existing) this.#statement('DELETE FROM story_articles WHERE article_id = ?').run(articleId);
    return existing;
  }

  // ---- subscriptions ----

  /** Inserts or replaces a subscription. */
  saveSubscription(subscription: SubscriptionRecord): void {
    this.#statement(
      `INSERT OR REPLACE INTO subscriptions (id, platform, channel_id, target_kind, target, cron, timezone, created_at, last_digest_at, active)
       VALUES (@id, @platform, @channelId, @targetKind, @target, @cron, @timezone, @createdAt, @lastDigestAt, @active)`,
    ).run({ ...subscription, active: subscription.active ? 1 : 0 });
  }

  getSubscription(id: string): SubscriptionRecord | null {
    const row = this.#statement('SELECT * FROM subscriptions WHERE id = ?').get(id) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  /** Subscriptions matching the filter, oldest first. */
  listSubscriptions(filter: SubscriptionFilter = {}): SubscriptionRecord[] {
    const rows = this.#statement(
      `SELECT * FROM subscriptions
       WHERE (@platform IS NULL OR platform = @platform) AND (@channelId IS NULL OR channel_id = @channelId) AND (@activeOnly = 0 OR active = 1)
       ORDER BY created_at, id`,
    ).all({
      platform: filter.platform ?? null,
      channelId: filter.channelId ?? null,
      activeOnly: filter.activeOnly ? 1 : 0,
    }) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  /** Records when the last digest of a subscription covered up to. */
  setLastDigestAt(id: string, lastDigestAt: string): void {
    this.#statement('UPDATE subscriptions SET last_digest_at = ? WHERE id = ?').run(lastDigestAt, id);
  }

  setSubscriptionActive(id: string, active: boolean): void {
    this.#statement('UPDATE subscriptions SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  }

  deleteSubscription(id: string): void {
    this.#statement('DELETE FROM subscriptions WHERE id = ?').run(id);
  }

  // ---- digest outbox ----

  /** Records a digest for a window; returns false (and stores nothing) when that window already has one. */
  insertOutbox(record: DigestOutboxRecord): boolean {
    const result = this.#statement(
      `INSERT OR IGNORE INTO digest_outbox (id, subscription_id, window_key, payload, status, created_at, sent_at)
       VALUES (@id, @subscriptionId, @windowKey, @payload, @status, @createdAt, @sentAt)`,
    ).run({ ...record, payload: JSON.stringify(record.payload ?? null) });
    return result.changes === 1;
  }

  getOutbox(subscriptionId: string, windowKey: string): DigestOutboxRecord | null {
    const row = this.#statement('SELECT * FROM digest_outbox WHERE subscription_id = ? AND window_key = ?').get(subscriptionId, windowKey) as
      | OutboxRow
      | undefined;
    return row ? toOutbox(row) : null;
  }

  /** Outbox rows with a status (e.g. 'pending' to resume after a restart), oldest first. */
  listOutbox(status?: OutboxStatus, subscriptionId?: string): DigestOutboxRecord[] {
    const rows = this.#statement(
      `SELECT * FROM digest_outbox WHERE (@status IS NULL OR status = @status) AND (@subscriptionId IS NULL OR subscription_id = @subscriptionId)
       ORDER BY created_at, id`,
    ).all({
      status: status ?? null,
      subscriptionId: subscriptionId ?? null,
    }) as OutboxRow[];
    return rows.map(toOutbox);
  }

  /** Marks an outbox row sent or failed. */
  markOutbox(id: string, status: OutboxStatus, sentAt: string | null = null): void {
    this.#statement('UPDATE digest_outbox SET status = ?, sent_at = ? WHERE id = ?').run(status, sentAt, id);
  }

  close(): void {
    if (this.database.open) this.database.close();
  }
}
