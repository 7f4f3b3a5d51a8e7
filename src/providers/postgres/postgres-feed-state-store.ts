import type pg from 'pg';
import type { ArticleOutlet, FeedClaim, FeedLeaseRenewal, FeedRelease, FeedState, FeedStateStore } from '../../core/feed-state-store.js';

interface FeedStateRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  next_attempt_at: string | null;
  last_error: string | null;
  last_polled_at: string | null;
}

interface OutletRow {
  article_id: string;
  source: string | null;
  url: string;
  seen_at: string;
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

/**
 * What the feed poller remembers between polls, on PostgreSQL (migrations 0004, 0006): per-feed HTTP and backoff
 * state, items already seen, body fingerprints and the extra outlets of merged articles.
 */
export class PostgresFeedStateStore implements FeedStateStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async getFeed(url: string): Promise<FeedState> {
    const { rows } = await this.#pool.query<FeedStateRow>('SELECT * FROM feed_state WHERE url = $1', [url]);
    return rows[0] ? toFeedState(rows[0]) : { url, etag: null, lastModified: null, failures: 0, nextAttemptAt: null, lastError: null, lastPolledAt: null };
  }

  /**
   * One UPDATE over the due rows picked with FOR UPDATE SKIP LOCKED: concurrent pollers each take different
   * feeds without waiting for one another, and a row another poller just claimed is re-checked (no longer due).
   * Feeds never seen get their row first.
   */
  async claimDueFeeds(claim: FeedClaim): Promise<FeedState[]> {
    await this.#pool.query('INSERT INTO feed_state (url) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [claim.urls]);
    const { rows } = await this.#pool.query<FeedStateRow>(
      `WITH due AS (
         SELECT url FROM feed_state
         WHERE url = ANY($1::text[]) AND (next_poll_at IS NULL OR next_poll_at <= $2) AND (lease_until IS NULL OR lease_until <= $2)
         ORDER BY next_poll_at NULLS FIRST, array_position($1::text[], url) LIMIT $3
         FOR UPDATE SKIP LOCKED)
       UPDATE feed_state f SET lease_owner = $4, lease_until = $2::timestamptz + $5 * interval '1 millisecond', next_poll_at = $6
       FROM due WHERE f.url = due.url
       RETURNING f.*`,
      [claim.urls, claim.now, claim.limit, claim.owner, claim.leaseMs, claim.nextPollAt],
    );
    const position = new Map(claim.urls.map((url, index) => [url, index]));
    return rows.map(toFeedState).sort((left, right) => (position.get(left.url) ?? 0) - (position.get(right.url) ?? 0));
  }

  async saveFeed(state: FeedState, release?: FeedRelease): Promise<void> {
    const values = [state.url, state.etag, state.lastModified, state.failures, state.nextAttemptAt, state.lastError, state.lastPolledAt];
    if (release === undefined) {
      await this.#pool.query(
        `INSERT INTO feed_state (url, etag, last_modified, failures, next_attempt_at, last_error, last_polled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, failures = excluded.failures,
           next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error, last_polled_at = excluded.last_polled_at`,
        values,
      );
      return;
    }
    // Only while the lease is still this owner's: once another has taken it over, its newer state wins.
    await this.#pool.query(
      `UPDATE feed_state SET etag = $2, last_modified = $3, failures = $4, next_attempt_at = $5, last_error = $6, last_polled_at = $7,
         lease_owner = NULL, lease_until = NULL, next_poll_at = greatest(next_poll_at, $9)
       WHERE url = $1 AND lease_owner = $8`,
      [...values, release.owner, release.nextPollAt],
    );
  }

  async renewFeedLease(renewal: FeedLeaseRenewal): Promise<boolean> {
    // The row lock orders this against a claim taking the row over: whichever commits second sees the other.
    const { rowCount } = await this.#pool.query(
      `UPDATE feed_state SET lease_until = $3::timestamptz + $4 * interval '1 millisecond', next_poll_at = greatest(next_poll_at, $5)
       WHERE url = $1 AND lease_owner = $2`,
      [renewal.url, renewal.owner, renewal.now, renewal.leaseMs, renewal.nextPollAt],
    );
    return rowCount === 1;
  }

  async itemArticleId(itemKey: string): Promise<string | null> {
    const { rows } = await this.#pool.query<{ article_id: string }>('SELECT article_id FROM feed_items WHERE item_key = $1', [itemKey]);
    return rows[0]?.article_id ?? null;
  }

  async rememberItem(itemKey: string, feedUrl: string, articleId: string, seenAt: string): Promise<void> {
    await this.#pool.query('INSERT INTO feed_items (item_key, feed_url, article_id, seen_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      itemKey,
      feedUrl,
      articleId,
      seenAt,
    ]);
  }

  async recentFingerprints(limit: number): Promise<{ articleId: string; shingles: Set<string> }[]> {
    const { rows } = await this.#pool.query<{ article_id: string; shingles: string }>(
      'SELECT article_id, shingles FROM feed_fingerprints ORDER BY seen_at DESC LIMIT $1',
      [limit],
    );
    return rows.map((row) => ({ articleId: row.article_id, shingles: new Set(row.shingles.split(' ')) }));
  }

  async saveFingerprint(articleId: string, shingles: Set<string>, seenAt: string): Promise<void> {
    await this.#pool.query(
      `INSERT INTO feed_fingerprints (article_id, shingles, seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (article_id) DO UPDATE SET shingles = excluded.shingles, seen_at = excluded.seen_at`,
      [articleId, [...shingles].join(' '), seenAt],
    );
  }

  async addOutlet(outlet: ArticleOutlet): Promise<void> {
    await this.#pool.query('INSERT INTO article_outlets (article_id, source, url, seen_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      outlet.articleId,
      outlet.source,
      outlet.url,
      outlet.seenAt,
    ]);
  }

  /** One query for all the articles; the map follows the order the ids were given in, as SQLite's does. */
  async outletsByArticle(articleIds: string[]): Promise<Map<string, ArticleOutlet[]>> {
    const ids = [...new Set(articleIds)];
    if (ids.length === 0) return new Map();
    const { rows } = await this.#pool.query<OutletRow>('SELECT * FROM article_outlets WHERE article_id = ANY($1::text[]) ORDER BY seen_at, url', [ids]);
    const found = new Map<string, ArticleOutlet[]>();
    for (const row of rows) {
      const outlet = { articleId: row.article_id, source: row.source, url: row.url, seenAt: row.seen_at };
      const list = found.get(row.article_id);
      if (list) list.push(outlet);
      else found.set(row.article_id, [outlet]);
    }
    const byArticle = new Map<string, ArticleOutlet[]>();
    for (const id of ids) {
      const outlets = found.get(id);
      if (outlets) byArticle.set(id, outlets);
    }
    return byArticle;
  }
}
