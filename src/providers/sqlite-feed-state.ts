import type Database from 'better-sqlite3';
import type { ArticleOutlet, FeedClaim, FeedLeaseRenewal, FeedRelease, FeedState, FeedStateStore } from '../core/feed-state-store.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { migrateStoryTables } from './sqlite-story-schema.js';

/**
 * The poller's own tables (feed_state's lease columns come from story migration 3, sqlite-story-schema.ts), in the article database file with their own connection (WAL lets connections
 * share the file): per-feed HTTP and backoff state, the items already seen, body fingerprints for
 * near-duplicate merging, and the extra outlets of merged articles.
 */
const FEED_SCHEMA = `
CREATE TABLE IF NOT EXISTS feed_state (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  last_polled_at TEXT
);
CREATE TABLE IF NOT EXISTS feed_items (
  item_key TEXT PRIMARY KEY,
  feed_url TEXT NOT NULL,
  article_id TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_fingerprints (
  article_id TEXT PRIMARY KEY,
  shingles TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feed_fingerprints_seen ON feed_fingerprints(seen_at);
CREATE TABLE IF NOT EXISTS article_outlets (
  article_id TEXT NOT NULL,
  source TEXT,
  url TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (article_id, url)
);
`;

interface FeedStateRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  next_attempt_at: string | null;
  last_error: string | null;
  last_polled_at: string | null;
}

function toFeedState(row: FeedStateRow): FeedState {
  return {
    url: row.url,
    etag: row.etag,
    lastModified: row.last_modified,
    failures: row.failures,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    lastPolledAt: row.last_polled_at,
  };
}

/** Feed polling state on SQLite. */
export class SqliteFeedState implements FeedStateStore {
  private readonly database: Database.Database;

  private constructor(database: Database.Database) {
    this.database = database;
  }

  /** Opens the feed tables (creating them if missing) in the database at `path`, or in memory. */
  static open(path: string): SqliteFeedState {
    const database = openSqliteDatabase(path, FEED_SCHEMA);
    try {
      migrateStoryTables(database);
    } catch (error) {
      database.close();
      throw error;
    }
    return new SqliteFeedState(database);
  }

  /** The stored state of a feed, or a fresh one. */
  async getFeed(url: string): Promise<FeedState> {
    const row = this.database.prepare('SELECT * FROM feed_state WHERE url = ?').get(url) as FeedStateRow | undefined;
    return row ? toFeedState(row) : { url, etag: null, lastModified: null, failures: 0, nextAttemptAt: null, lastError: null, lastPolledAt: null };
  }

  /** In one write transaction: SQLite has one writer at a time, so two processes never claim the same feed. */
  async claimDueFeeds(claim: FeedClaim): Promise<FeedState[]> {
    const now = claim.now.getTime();
    const ensure = this.database.prepare('INSERT OR IGNORE INTO feed_state (url) SELECT value FROM json_each(?)');
    const claimDue = this.database.prepare(
      `UPDATE feed_state SET lease_owner = @owner, lease_until = @leaseUntil, next_poll_at = @nextPollAt
       WHERE url IN (
         SELECT url FROM feed_state JOIN json_each(@urls) AS wanted ON wanted.value = feed_state.url
         WHERE (next_poll_at IS NULL OR next_poll_at <= @now) AND (lease_until IS NULL OR lease_until <= @now)
         ORDER BY next_poll_at IS NOT NULL, next_poll_at, wanted.key LIMIT @limit)
       RETURNING *`,
    );
    const rows = this.database
      .transaction(() => {
        ensure.run(JSON.stringify(claim.urls));
        return claimDue.all({
          urls: JSON.stringify(claim.urls),
          owner: claim.owner,
          now,
          leaseUntil: now + claim.leaseMs,
          nextPollAt: claim.nextPollAt.getTime(),
          limit: claim.limit,
        }) as FeedStateRow[];
      })
      .immediate();
    const position = new Map(claim.urls.map((url, index) => [url, index]));
    return rows.map(toFeedState).sort((left, right) => (position.get(left.url) ?? 0) - (position.get(right.url) ?? 0));
  }

  async saveFeed(state: FeedState, release?: FeedRelease): Promise<void> {
    if (release === undefined) {
      this.database
        .prepare(
          `INSERT INTO feed_state (url, etag, last_modified, failures, next_attempt_at, last_error, last_polled_at)
           VALUES (@url, @etag, @lastModified, @failures, @nextAttemptAt, @lastError, @lastPolledAt)
           ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, failures = excluded.failures,
             next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error, last_polled_at = excluded.last_polled_at`,
        )
        .run(state);
      return;
    }
    this.database
      .prepare(
        `UPDATE feed_state SET etag = @etag, last_modified = @lastModified, failures = @failures, next_attempt_at = @nextAttemptAt,
           last_error = @lastError, last_polled_at = @lastPolledAt, lease_owner = NULL, lease_until = NULL,
           next_poll_at = max(coalesce(next_poll_at, 0), @nextPollAt)
         WHERE url = @url AND lease_owner = @owner`,
      )
      .run({ ...state, owner: release.owner, nextPollAt: release.nextPollAt.getTime() });
  }

  async renewFeedLease(renewal: FeedLeaseRenewal): Promise<boolean> {
    const { changes } = this.database
      .prepare(
        `UPDATE feed_state SET lease_until = @leaseUntil, next_poll_at = max(coalesce(next_poll_at, 0), @nextPollAt)
         WHERE url = @url AND lease_owner = @owner`,
      )
      .run({ url: renewal.url, owner: renewal.owner, leaseUntil: renewal.now.getTime() + renewal.leaseMs, nextPollAt: renewal.nextPollAt.getTime() });
    return changes === 1;
  }

  /** The article an item key was ingested as, if it was seen before. */
  async itemArticleId(itemKey: string): Promise<string | null> {
    const row = this.database.prepare('SELECT article_id FROM feed_items WHERE item_key = ?').get(itemKey) as { article_id: string } | undefined;
    return row?.article_id ?? null;
  }

  async rememberItem(itemKey: string, feedUrl: string, articleId: string, seenAt: string): Promise<void> {
    this.database
      .prepare('INSERT OR IGNORE INTO feed_items (item_key, feed_url, article_id, seen_at) VALUES (?, ?, ?, ?)')
      .run(itemKey, feedUrl, articleId, seenAt);
  }

  /** Fingerprints of the most recently seen feed articles, newest first (bounded: near-duplicates are recent). */
  async recentFingerprints(limit: number): Promise<{ articleId: string; shingles: Set<string> }[]> {
    const rows = this.database.prepare('SELECT article_id, shingles FROM feed_fingerprints ORDER BY seen_at DESC LIMIT ?').all(limit) as {
      article_id: string;
      shingles: string;
    }[];
    return rows.map((row) => ({ articleId: row.article_id, shingles: new Set(row.shingles.split(' ')) }));
  }

  async saveFingerprint(articleId: string, shingles: Set<string>, seenAt: string): Promise<void> {
    this.database
      .prepare('INSERT OR REPLACE INTO feed_fingerprints (article_id, shingles, seen_at) VALUES (?, ?, ?)')
      .run(articleId, [...shingles].join(' '), seenAt);
  }

  /** Records another outlet of an article; the same URL twice is stored once. */
  async addOutlet(outlet: ArticleOutlet): Promise<void> {
    this.database
      .prepare('INSERT OR IGNORE INTO article_outlets (article_id, source, url, seen_at) VALUES (@articleId, @source, @url, @seenAt)')
      .run(outlet);
  }

  /** The outlets an article was merged from, besides the one stored with it, in the order they were seen. */
  private outletsOf(articleId: string): ArticleOutlet[] {
    const rows = this.database.prepare('SELECT * FROM article_outlets WHERE article_id = ? ORDER BY seen_at, url').all(articleId) as {
      article_id: string;
      source: string | null;
      url: string;
      seen_at: string;
    }[];
    return rows.map((row) => ({ articleId: row.article_id, source: row.source, url: row.url, seenAt: row.seen_at }));
  }

  /** Extra outlets for many articles at once (e.g. a story's), keyed by article id; articles without any are absent. */
  async outletsByArticle(articleIds: string[]): Promise<Map<string, ArticleOutlet[]>> {
    const byArticle = new Map<string, ArticleOutlet[]>();
    for (const id of new Set(articleIds)) {
      const outlets = this.outletsOf(id);
      if (outlets.length > 0) byArticle.set(id, outlets);
    }
    return byArticle;
  }

  close(): void {
    if (this.database.open) this.database.close();
  }
}
